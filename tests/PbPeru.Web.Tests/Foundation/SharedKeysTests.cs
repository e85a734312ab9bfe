using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Foundation;

/// <summary>
/// The Data Protection key ring lives in the database: a restart, a new container or a second
/// instance of the app reads the same keys, so sign-in cookies, antiforgery tokens and agents'
/// attendance passes stay valid.
/// </summary>
[Trait("Capability", "Foundation")]
public sealed class SharedKeysTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Password = "una-frase-de-prueba-larga";

    [Fact]
    public async Task EveryKeyOfTheRing_IsInTheDatabase_AndASessionOfOneInstanceIsValidOnAnother()
    {
        await app.CreateUserAsync("llaves@example.pe", "Gestora de Llaves", Password, [Roles.CycleManager], "0801");
        using var first = app.CreateAppClient(followRedirects: false);
        await first.LoginAsync("llaves@example.pe", Password);

        // The keys the app protects with are the rows of the DataProtectionKeys table.
        var known = app.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => k.KeyId).ToHashSet();
        Assert.NotEmpty(known);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = (await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync())
                .Select(xml => Guid.Parse(XElement.Parse(xml!).Attribute("id")!.Value))
                .ToHashSet();
            Assert.Subset(stored, known);
        }

        // A second instance on the same database accepts the session the first one started.
        await using var second = new PbPeruFactory { ConnectionString = app.DatabaseConnectionString };
        using var other = second.CreateAppClient(followRedirects: false);
        foreach (Cookie cookie in first.Cookies.GetAllCookies())
        {
            other.Cookies.Add(cookie);
        }

        using var response = await other.GetAsync("/Cycles");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
