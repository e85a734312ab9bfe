using System.Net;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Admin;

[Trait("Capability", "Foundation")]
public sealed class AdminAccessTests(DemoPbPeruFactory app) : IClassFixture<DemoPbPeruFactory>
{
    public static TheoryData<string> Urls =>
    [
        "/Admin",
        "/Admin/Jurisdictions",
        "/Admin/Jurisdictions?parent=08",
        "/Admin/Users",
        "/Admin/Users/Create",
    ];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task AdminPage_ForCycleManager_Is403(string url)
    {
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(DemoAccounts.CycleManager, PbPeruFactory.DemoPassword);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CreateUser_PostedByCycleManager_Is403AndCreatesNothing()
    {
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(DemoAccounts.CycleManager, PbPeruFactory.DemoPassword);
        var email = AdminPages.NewEmail("intruso");

        using var response = await client.PostFormAsync("/Admin/Users/Create",
            ("Input.Email", email), ("Input.FullName", "Intruso"), ("Input.Password", "una-clave-bastante-larga"), ("Input.Roles", "Administrator"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await app.FindUserAsync(email));
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task AdminPage_ForAnonymousVisitor_RedirectsToLogin(string url)
    {
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var path = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
        Assert.StartsWith("/Account/Login?ReturnUrl=", path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminHome_ForAdministrator_LinksToUsersAndJurisdictions()
    {
        using var client = await app.SignInAsAdministratorAsync();

        var page = await client.GetPageAsync("/Admin");

        Assert.Equal("Administración", page.QuerySelector("h1")?.TextContent.Trim());
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/Admin/Users", links);
        Assert.Contains("/Admin/Users/Create", links);
        Assert.Contains("/Admin/Jurisdictions", links);
    }
}
