using System.Net;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Foundation;

[Trait("Capability", "Foundation")]
public sealed class LoginRedirectTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Password = "una-frase-de-prueba-larga";
    private const string LoginForm = "form[novalidate]";

    [Fact]
    public async Task Cycles_ForAnAnonymousVisitor_RedirectsToTheLoginWithItsAddressAsReturnUrl()
    {
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.GetAsync("/Cycles");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2FCycles", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Login_WithALocalReturnUrl_LandsThere()
    {
        var email = await CreateManagerAsync();
        using var client = app.CreateAppClient(followRedirects: false);
        using (var redirect = await client.GetAsync("/Cycles"))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        }

        using var response = await client.SubmitAsync("/Account/Login?ReturnUrl=%2FCycles", LoginForm, ("Input.Email", email), ("Input.Password", Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Cycles", response.Headers.Location!.OriginalString);
        using var cycles = await client.GetAsync("/Cycles");
        Assert.Equal(HttpStatusCode.OK, cycles.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Login_WithAnOffSiteReturnUrl_IgnoresItAndLandsOnTheHomePage(string returnUrl)
    {
        var email = await CreateManagerAsync();
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.SubmitAsync(
            $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", LoginForm, ("Input.Email", email), ("Input.Password", Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logout_WhenPosted_SignsOut()
    {
        var email = await CreateManagerAsync();
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        using (var signedIn = await client.GetAsync("/Cycles"))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        using var logout = await client.PostFormAsync("/Account/Logout");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/", logout.Headers.Location!.OriginalString);
        using var response = await client.GetAsync("/Cycles");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2FCycles", response.Headers.Location!.PathAndQuery);
    }

    private async Task<string> CreateManagerAsync()
    {
        var email = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Gestora de Prueba", Password, [Roles.CycleManager], "08");
        return email;
    }
}
