using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Trust;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests.Trust;

/// <summary>
/// A cycle manager sets up two-factor authentication in Chromium the way a person would, reading the
/// key off the page into an "authenticator" (<see cref="Totp"/>), then signs in again with a code.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class TwoFactorJourneyTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    private const string Password = "una-frase-de-prueba-larga";

    [Fact]
    public async Task Manager_SetsUpTwoFactorFromTheMenu_ThenSignsInWithACode()
    {
        var email = $"gestor-tfa-{Guid.NewGuid():N}@prueba.pe";
        await App.Factory.CreateUserAsync(email, "Gestora de Prueba", Password, [Roles.CycleManager], "08");
        await LoginAsync(email, Password);

        await Page.Locator("header #account-menu").ClickAsync();
        await Page.Locator("header a[href='/Account/TwoFactor']").ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Verificación en dos pasos");
        await Assertions.Expect(Page.Locator("#tfa-qr")).ToBeVisibleAsync();
        await ScreenshotAsync("1-set-up");
        var key = await Page.Locator("#tfa-key").InnerTextAsync();
        await Page.Locator("[name='Code']").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await Page.Locator("#tfa-enable-form [type=submit]").ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/Account/RecoveryCodes"), new() { Timeout = 10_000 });
        await Assertions.Expect(Page.Locator("#recovery-codes code")).ToHaveCountAsync(10);
        await ScreenshotAsync("2-recovery-codes");
        await Page.Locator("#recovery-continue").ClickAsync();
        await Page.Locator("header form[action='/Account/Logout'] [type=submit]").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("^[^?#]*://[^/]+/$"), new() { Timeout = 10_000 });

        await Page.GotoAsync("/Account/Login?ReturnUrl=%2FCycles");
        await Page.Locator("[name='Input.Email']").FillAsync(email);
        await Page.Locator("[name='Input.Password']").FillAsync(Password);
        await Page.Locator("form:has([name='Input.Email']) [type=submit]").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"), new() { Timeout = 30_000 });
        await ScreenshotAsync("3-code-step");
        await Page.Locator("[name='Code']").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await Page.Locator("#login-code-form [type=submit]").ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("://[^/]+/Cycles([?#]|$)"), new() { Timeout = 10_000 });
        await Assertions.Expect(Page.Locator("h1").First).ToBeVisibleAsync();
    }
}
