using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Security;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// Sessions live on the server: a new one at every sign-in, ended by signing out and by a password
/// change, so a copied sign-in cookie is worthless afterwards.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class SessionTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Password = "una-frase-de-prueba-larga";
    private const string NewPassword = "otra frase larga y distinta";
    private const string PrivatePage = "/Account/Password";

    [Fact]
    public async Task Login_StartsASessionKeptOnTheServer_TheCookieCarriesOnlyItsKey()
    {
        var (email, user) = await CreatePersonAsync();
        using var client = app.CreateAppClient(followRedirects: false);

        await client.LoginAsync(email, Password);

        Assert.Equal(1, await SessionCountAsync(user.Id));
        // A whole ticket (claims, roles, security stamp) would be several hundred characters.
        Assert.True(client.AuthCookie()!.Length < 400, $"The sign-in cookie is {client.AuthCookie()!.Length} characters long.");
    }

    [Fact]
    public async Task Login_OverACookiePlantedByAnotherPerson_StartsANewSessionAndThePlantedCookieGetsNothing()
    {
        var (attackerEmail, _) = await CreatePersonAsync();
        var (victimEmail, _) = await CreatePersonAsync();
        using var attacker = app.CreateAppClient(followRedirects: false);
        await attacker.LoginAsync(attackerEmail, Password);
        var planted = attacker.AuthCookie()!;

        // The victim's browser carries the attacker's cookie (planted), then the victim signs in.
        using var victim = app.CopyCookies(attacker);
        await victim.LoginAsync(victimEmail, Password);

        Assert.NotEqual(planted, victim.AuthCookie());
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync(PrivatePage)).StatusCode);
        var attackerView = await (await attacker.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(victimEmail, attackerView, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_AgainInTheSameBrowser_ChangesTheCookie()
    {
        var (email, _) = await CreatePersonAsync();
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        var first = client.AuthCookie();

        await client.LoginAsync(email, Password);

        Assert.NotEqual(first, client.AuthCookie());
        using var copyOfFirst = app.CreateAppClient(followRedirects: false);
        copyOfFirst.Cookies.Add(new Cookie("pbperu.auth", first, "/", "localhost"));
        Assert.Equal(HttpStatusCode.Redirect, (await copyOfFirst.GetAsync(PrivatePage)).StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession_ACopiedCookieIsRefusedAfterwards()
    {
        var (email, user) = await CreatePersonAsync();
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        using var copy = app.CopyCookies(client);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(PrivatePage)).StatusCode);

        using (var logout = await client.SubmitAsync("/", "form[action='/Account/Logout']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        using var replayed = await copy.GetAsync(PrivatePage);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains(AppClient.LoginPath, replayed.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await SessionCountAsync(user.Id));
    }

    [Fact]
    public async Task PasswordChange_EndsEveryOtherSession_AndRenewsThisOne()
    {
        var (email, user) = await CreatePersonAsync();
        using var here = app.CreateAppClient(followRedirects: false);
        await here.LoginAsync(email, Password);
        using var elsewhere = app.CreateAppClient(followRedirects: false);
        await elsewhere.LoginAsync(email, Password);
        using var stolen = app.CopyCookies(here);
        var before = here.AuthCookie();

        using (var changed = await here.SubmitAsync(
            PrivatePage, "#password-form",
            ("Input.CurrentPassword", Password), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword)))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.NotEqual(before, here.AuthCookie());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync(PrivatePage)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync(PrivatePage)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stolen.GetAsync(PrivatePage)).StatusCode);
        Assert.Equal(1, await SessionCountAsync(user.Id));
        using var again = app.CreateAppClient(followRedirects: false);
        await again.LoginAsync(email, NewPassword);
    }

    [Fact]
    public async Task PasswordChange_WithAWrongCurrentPassword_SaysSoAndKeepsTheOldPassword()
    {
        var (email, _) = await CreatePersonAsync();
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);

        using var response = await client.SubmitAsync(
            PrivatePage, "#password-form",
            ("Input.CurrentPassword", "no-es-la-contraseña"), ("Input.NewPassword", NewPassword), ("Input.ConfirmPassword", NewPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal("La contraseña no es correcta.", page.QuerySelector("[data-valmsg-for='Input.CurrentPassword']")?.TextContent.Trim());
        using var again = app.CreateAppClient(followRedirects: false);
        await again.LoginAsync(email, Password);
    }

    [Fact]
    public async Task Login_SweepsExpiredSessions()
    {
        var (email, user) = await CreatePersonAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Sessions.Add(new UserSession { Id = new string('0', UserSession.IdLength), UserId = user.Id, Ticket = [1], ExpiresUtc = DateTimeOffset.UtcNow.AddDays(-1) });
            await db.SaveChangesAsync();
        }

        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Sessions.AnyAsync(s => s.Id == new string('0', UserSession.IdLength)));
        }
    }

    private async Task<(string Email, AppUser User)> CreatePersonAsync()
    {
        var email = $"sesion-{Guid.NewGuid():N}@prueba.pe";
        var user = await app.CreateUserAsync(email, "Persona de Sesión", Password, [Roles.Agent]);
        return (email, user);
    }

    private async Task<int> SessionCountAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Sessions.CountAsync(s => s.UserId == userId);
    }
}
