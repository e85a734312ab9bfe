using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Foundation;

/// <summary>
/// <see cref="AdminCommandTests"/> sets the process-wide PBPERU_ADMIN_PASSWORD: no other test may
/// run meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AdminCommandCollection
{
    public const string Name = "Admin command (sets PBPERU_ADMIN_PASSWORD)";
}

[Trait("Capability", "Foundation")]
[Collection(AdminCommandCollection.Name)]
public sealed class AdminCommandTests
{
    private const string PasswordVariable = "PBPERU_ADMIN_PASSWORD";
    private const string Password = "una-frase-de-administracion";

    [Fact]
    public async Task AdminCreate_WithAGoodPassword_CreatesAnAdministratorWhoCanSignIn()
    {
        await using var database = await FreshDatabase.CreateAsync();
        var email = $"admin-{Guid.NewGuid():N}@prueba.pe";

        var exitCode = await RunWithPasswordAsync(Password, [.. CreateArguments(email), .. HostArguments(database)]);

        Assert.Equal(0, exitCode);
        await using var app = new PbPeruFactory { ConnectionString = database.ConnectionString };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal("Ana Administradora", user.FullName);
            Assert.True(user.EmailConfirmed);
            Assert.Equal([Roles.Administrator], await users.GetRolesAsync(user));
        }

        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
    }

    [Fact]
    public async Task AdminCreate_WithAPasswordShorterThan12Characters_ExitsWith1AndCreatesNoOne()
    {
        await using var database = await FreshDatabase.CreateAsync();
        var email = $"admin-{Guid.NewGuid():N}@prueba.pe";

        var exitCode = await RunWithPasswordAsync("corta-11car", [.. CreateArguments(email), .. HostArguments(database)]);

        Assert.Equal(1, exitCode);
        await using var app = new PbPeruFactory { ConnectionString = database.ConnectionString };
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.False(await users.Users.AnyAsync());
    }

    [Theory]
    [InlineData("admin", "create", "--name", "Ana Administradora")]
    [InlineData("admin", "create", "--email", "ana@prueba.pe")]
    [InlineData("admin", "delete", "--email", "ana@prueba.pe", "--name", "Ana Administradora")]
    [InlineData("admin")]
    public async Task AdminCreate_WithoutItsArguments_ExitsWith2(params string[] args)
    {
        var exitCode = await RunWithPasswordAsync(Password, args);

        Assert.Equal(2, exitCode);
    }

    private static string[] CreateArguments(string email) => ["admin", "create", "--email", email, "--name", "Ana Administradora"];

    private static string[] HostArguments(FreshDatabase database) =>
    [
        "--Database:Provider=Postgres",
        $"--ConnectionStrings:Postgres={database.ConnectionString}",
        "--Logging:LogLevel:Default=Warning",
    ];

    private static async Task<int> RunWithPasswordAsync(string password, string[] args)
    {
        var previous = Environment.GetEnvironmentVariable(PasswordVariable);
        Environment.SetEnvironmentVariable(PasswordVariable, password);
        try
        {
            return await AdminCommand.RunAsync(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PasswordVariable, previous);
        }
    }
}
