using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests;

[Trait("Capability", "Foundation")]
public sealed class SmokeTests(BrowserAppFixture app, ITestOutputHelper output) : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task HomePage_InChromium_LoadsWithHeading()
    {
        var response = await Page.GotoAsync("/");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Assertions.Expect(Page.Locator("h1").First).ToBeVisibleAsync();
    }
}
