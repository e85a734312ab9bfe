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

        Assert.Empty(violations);
    }
}
