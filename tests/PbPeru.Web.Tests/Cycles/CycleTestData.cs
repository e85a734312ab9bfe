using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Cycles;

/// <summary>People and reads shared by the cycle tests.</summary>
internal static class CycleTestData
{
    public const string Password = "una-frase-de-prueba-larga";

    /// <summary>A cycle manager of <paramref name="ubigeo"/> with a unique email, signed in.</summary>
    public static async Task<AppClient> SignedInManagerAsync(PbPeruFactory app, string ubigeo)
    {
        var email = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Gestora de Prueba", Password, [Roles.CycleManager], ubigeo);
        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return client;
    }

    public static async Task<AppClient> SignedInAsync(PbPeruFactory app, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Persona de Prueba", Password, [role], Roles.ScopedToJurisdiction.Contains(role) ? "08" : null);
        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return client;
    }

    public static async Task<T> ReadAsync<T>(PbPeruFactory app, Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<Cycle?> FindCycleAsync(PbPeruFactory app, string ubigeo, int year) =>
        ReadAsync(app, db => db.Cycles
            .Include(c => c.Calendar).Include(c => c.Themes).Include(c => c.Criteria).ThenInclude(c => c.Levels).Include(c => c.Transitions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.JurisdictionUbigeo == ubigeo && c.FiscalYear == year));

    public static (string, string)[] CreateFields(string ubigeo, int year, string name = "Presupuesto Participativo de prueba", string ceiling = "2,500,000.00") =>
    [
        ("Input.JurisdictionUbigeo", ubigeo),
        ("Input.FiscalYear", year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Input.Name", name),
        ("Input.Ceiling", ceiling),
    ];
}
