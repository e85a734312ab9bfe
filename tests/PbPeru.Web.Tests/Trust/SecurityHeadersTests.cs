using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Security;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>Every answer carries the security headers: pages, static files, errors, redirects, the health check.</summary>
[Trait("Capability", "Trust")]
public sealed class SecurityHeadersTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Password = "una-frase-de-prueba-larga";

    public static TheoryData<string> Addresses =>
    [
        "/",
        "/Account/Login",
        "/Public/OpenData",
        "/Public/OpenData/index.json",
        "/css/site.css",
        "/js/site.js",
        "/health",
        "/no-existe-esta-pagina",
        "/Cycles",
    ];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string address)
    {
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.GetAsync(address);

        AssertSecurityHeaders(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{address} sent HSTS over plain HTTP.");
    }

    [Fact]
    public async Task ContentSecurityPolicy_AllowsNoInlineScriptNorFraming()
    {
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.GetAsync("/");

        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.DoesNotContain("unsafe", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptStyleOrHandler_SoThePolicyBlocksNothingTheyNeed()
    {
        var email = $"cabeceras-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Persona Cabeceras", Password, [Roles.Agent, Roles.OrganizationRepresentative]);
        using var client = app.CreateAppClient();
        var pages = new List<string> { "/", "/Account/Login", "/Account/Register", "/Public/OpenData" };
        foreach (var address in pages)
        {
            AssertNoInlineCode(await client.GetPageAsync(address), address);
        }

        await client.LoginAsync(email, Password);
        foreach (var address in new[] { "/", "/Account/Password", "/Proposals", "/Registration" })
        {
            AssertNoInlineCode(await client.GetPageAsync(address), address);
        }
    }

    [Fact]
    public async Task OverHttps_TheAnswerCarriesHsts()
    {
        using var client = app.CreateHttpsClient();

        using var response = await client.GetAsync("/");

        AssertSecurityHeaders(response);
        Assert.Equal(SecurityHeaders.StrictTransportSecurity, Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task BehindAProxyThatSaysHttps_TheAnswerCarriesHsts()
    {
        using var client = app.CreateProxiedClient("203.0.113.7", scheme: "https");

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, Header(response, "Strict-Transport-Security"));
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var address = response.RequestMessage?.RequestUri?.PathAndQuery;
        Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{address} ({(int)response.StatusCode}) has no Content-Security-Policy.");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    private static void AssertNoInlineCode(AngleSharp.Dom.IDocument page, string address)
    {
        Assert.Empty(page.QuerySelectorAll("script:not([src])").Select(s => $"{address}: <script>{s.TextContent.Trim()}</script>"));
        Assert.Empty(page.QuerySelectorAll("style").Select(s => $"{address}: <style>"));
        Assert.Empty(page.QuerySelectorAll("[style]").Select(e => $"{address}: <{e.LocalName} style=\"{e.GetAttribute("style")}\">"));
        Assert.Empty(page.All.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.Ordinal)).Select(a => $"{address}: <{e.LocalName} {a.Name}>")));
        Assert.Empty(page.QuerySelectorAll("a[href^='javascript:']").Select(a => $"{address}: {a.GetAttribute("href")}"));
    }
}
