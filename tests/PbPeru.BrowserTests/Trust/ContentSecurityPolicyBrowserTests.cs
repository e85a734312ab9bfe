using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests.Trust;

/// <summary>
/// The Content-Security-Policy blocks nothing the pages need: Chromium reports no violation, and the
/// scripts (site.js, Bootstrap) still work.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class ContentSecurityPolicyBrowserTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Pages_UnderThePolicy_RunTheirScriptsAndReportNoViolation()
    {
        var violations = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await Page.SetViewportSizeAsync(600, 800);
        await Page.GotoAsync("/");

        // Bootstrap's collapse opens the menu on a narrow screen.
        await Page.Locator(".navbar-toggler").ClickAsync();
        await Assertions.Expect(Page.Locator("#main-nav")).ToBeVisibleAsync();

        // site.js submits the language form when the selection changes.
        await Page.Locator("#culture-select").SelectOptionAsync("en");
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await LoginAsync(DemoAccounts.Agent);
        await Page.GotoAsync("/Account/Password");
        await Assertions.Expect(Page.Locator("#password-form")).ToBeVisibleAsync();
        await Page.GotoAsync("/Public/OpenData");

        // A form with a validation summary (the ballot) and one showing its errors (a wrong sign-in).
        await Page.GotoAsync("/Voting");
        await Page.Locator("li.vote-row.vote-open a[href^='/Voting/Ballot/']").First.ClickAsync();
        await Assertions.Expect(Page.Locator("form.ballot-form")).ToBeVisibleAsync();
        await Context.ClearCookiesAsync();
        await Page.GotoAsync("/Account/Login");
        await Page.Locator("[name='Input.Email']").FillAsync(DemoAccounts.Agent);
        await Page.Locator("[name='Input.Password']").FillAsync("no-es-la-contraseña-correcta");
        await Page.Locator("form:has([name='Input.Email']) [type=submit]").First.ClickAsync();
        await Assertions.Expect(Page.Locator(".validation-summary-errors")).ToBeVisibleAsync();

        Assert.Empty(violations);
    }
}
