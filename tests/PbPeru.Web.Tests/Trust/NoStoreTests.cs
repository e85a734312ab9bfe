using System.Net;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// Nothing a signed-in person sees, and no page behind the login, stays in a browser's or a proxy's
/// cache; public pages and static files may be cached.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class NoStoreTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Password = "una-frase-de-prueba-larga";

    [Fact]
    public async Task EveryAnswerToASignedInPerson_IsNoStore()
    {
        var email = $"cache-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Persona Caché", Password, [Roles.Agent, Roles.OrganizationRepresentative]);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);

        foreach (var address in new[] { "/", "/Account/Password", "/Registration", "/Public/OpenData", "/Public/OpenData/index.json", "/health", "/Admin", "/no-existe" })
        {
            using var response = await client.GetAsync(address);
            Assert.True(IsNoStore(response), $"GET {address} ({(int)response.StatusCode}) as a signed-in person: Cache-Control is '{response.Headers.CacheControl}'.");
        }
    }

    [Fact]
    public async Task PagesBehindTheLogin_AreNoStore_EvenWhenTheyOnlyRedirectToTheLogin()
    {
        using var client = app.CreateAppClient(followRedirects: false);

        foreach (var address in new[] { "/Account/Password", "/Cycles", "/Admin", "/Voting" })
        {
            using var response = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.True(IsNoStore(response), $"GET {address} anonymously: Cache-Control is '{response.Headers.CacheControl}'.");
        }
    }

    [Fact]
    public async Task PublicFilesAndStaticFiles_MayBeCachedByAnonymousVisitors()
    {
        using var client = app.CreateAppClient(followRedirects: false);

        foreach (var address in new[] { "/css/site.css", "/Public/OpenData/index.json" })
        {
            using var response = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(IsNoStore(response), $"GET {address} anonymously is no-store.");
        }
    }

    private static bool IsNoStore(HttpResponseMessage response) => response.Headers.CacheControl?.NoStore == true;
}
