using Microsoft.AspNetCore.Identity;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;

namespace PbPeru.Web;

/// <summary>
/// <c>PbPeru.Web admin create --email EMAIL --name "FULL NAME"</c>: creates an administrator. The
/// password comes from the PBPERU_ADMIN_PASSWORD variable or is typed at the prompt, never from
/// the command line (it would stay in the shell's history).
/// </summary>
public static class AdminCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "admin";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1] != "create" || Option(args, "--email") is not { } email || Option(args, "--name") is not { } name)
        {
            await Console.Error.WriteLineAsync("Uso: PbPeru.Web admin create --email CORREO --name \"NOMBRE COMPLETO\"");
            await Console.Error.WriteLineAsync("La contraseña se lee de PBPERU_ADMIN_PASSWORD o se pide por teclado (mínimo 12 caracteres).");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("PBPERU_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Contraseña (mínimo 12 caracteres): ");
            password = ReadSecret();
        }

        var builder = WebApplication.CreateBuilder(args.Skip(2).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray());
        builder.Configuration["Demo:Enabled"] = "false";
        builder.Services.AddPbPeru(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        await DatabaseInitializer.InitializeAsync(app.Services);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The account and its role are written together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Administrator);
        }

        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }

            return 1;
        }

        await transaction.CommitAsync();
        Console.WriteLine($"Administrador creado: {email}");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string ReadSecret()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }

        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return new string(chars.ToArray());
            }

            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}
