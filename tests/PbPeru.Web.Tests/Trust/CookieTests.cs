using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// Every cookie the app sets (sign-in, antiforgery, language, the one-time message) is HttpOnly and
/// SameSite, and Secure whenever the request came over HTTPS, directly or through a proxy.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class CookieTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Password = "una-frase-de-prueba-larga";

    [Fact]
    public async Task OverHttps_EveryCookieIsSecureHttpOnlyAndSameSite()
    {
        using var client = app.CreateHttpsClient();

        var cookies = await SetCookiesOfAJourneyAsync(client);

        Assert.All(cookies, cookie =>
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            AssertHttpOnlyAndSameSite(cookie);
        });
    }

    [Fact]
    public async Task BehindAProxyThatSaysHttps_TheCookiesAreSecure()
    {
        // The proxy speaks HTTPS with the browser, plain HTTP with the app: the cookies must still be Secure.
        using var client = app.CreateProxiedClient("198.51.100.20", scheme: "https");

        using var response = await client.GetAsync(AppClient.LoginPath);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("pbperu.antiforgery=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            AssertHttpOnlyAndSameSite(cookie);
        });
    }

    [Fact]
    public async Task OverPlainHttp_EveryCookieIsHttpOnlyAndSameSite()
    {
        using var client = app.CreateAppClient(followRedirects: false);

        var cookies = await SetCookiesOfAJourneyAsync(client);

        Assert.All(cookies, AssertHttpOnlyAndSameSite);
    }

    private static void AssertHttpOnlyAndSameSite(string cookie)
    {
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("(?i); samesite=(lax|strict)", cookie);
    }

    /// <summary>
    /// Opens the login form (antiforgery cookie), chooses a language (culture cookie), signs in
    /// (sign-in cookie), changes the password (one-time message cookie), signs out; returns every
    /// Set-Cookie seen, and checks each kind was among them.
    /// </summary>
    private async Task<List<string>> SetCookiesOfAJourneyAsync(AppClient client)
    {
        var email = $"galleta-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Persona Galleta", Password, [Roles.Agent]);
        var seen = new List<string>();

        async Task Record(Task<HttpResponseMessage> sending)
        {
            using var response = await sending;
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                seen.AddRange(values);
            }
        }

        await Record(client.GetAsync(AppClient.LoginPath));
        await Record(client.SubmitAsync("/", "form[action='/Culture']", ("culture", "en")));
        await Record(client.SubmitAsync(AppClient.LoginPath, "form[novalidate]", ("Input.Email", email), ("Input.Password", Password)));
        await Record(client.SubmitAsync(
            "/Account/Password", "#password-form",
            ("Input.CurrentPassword", Password), ("Input.NewPassword", "otra frase larga y distinta"), ("Input.ConfirmPassword", "otra frase larga y distinta")));
        await Record(client.GetAsync("/"));
        await Record(client.SubmitAsync("/", "form[action='/Account/Logout']"));

        foreach (var name in new[] { "pbperu.auth=", "pbperu.antiforgery=", ".AspNetCore.Culture=", ".AspNetCore.Mvc.CookieTempDataProvider=" })
        {
            Assert.Contains(seen, c => c.StartsWith(name, StringComparison.Ordinal));
        }

        return seen;
    }
}
