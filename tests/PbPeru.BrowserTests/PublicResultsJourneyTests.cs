using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Data;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests;

[Trait("Capability", "PublicResults")]
public sealed class PublicResultsJourneyTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Visitor_WalksThePublishedResults_TheHistory_TheOpenData_AndAProjectsTimeline_WithNoSeriousAccessibilityViolation()
    {
        var cycleId = await PublishedCycleIdAsync();

        // The results of the demo's published cycle, with their charts and the tables behind them.
        await Page.GotoAsync($"/Public/Results/{cycleId}");
        await Assertions.Expect(Page.Locator("h1")).ToBeVisibleAsync();
        Assert.True(await Page.Locator("svg[role=img]").CountAsync() >= 3);
        Assert.True(await Page.Locator("table").CountAsync() >= 3);
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Agua potable y saneamiento de Yanaoca");
        await ScanAsync("1-resultados");

        // The jurisdiction's history: every cycle of the Cusco region.
        await Page.GotoAsync("/Public/History/08");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("2024");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("2025");
        await ScanAsync("2-historia");

        // The open data of the cycle, each file with its licence and checksum.
        await Page.GotoAsync($"/Public/OpenData/{cycleId}");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("CC BY 4.0");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync(".pb");
        await ScanAsync("3-datos-abiertos");

        // The first approved project's execution timeline.
        await Page.GotoAsync($"/Public/Execution/{cycleId}/1");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Agua potable y saneamiento de Yanaoca");
        await ScanAsync("4-ejecucion-del-proyecto");
    }

    /// <summary>A screenshot, then the axe-core scan: no serious or critical violation.</summary>
    private async Task ScanAsync(string name)
    {
        await ScreenshotAsync(name);
        var violations = await AxeScan.SeriousAsync(Page);
        Assert.True(violations.Count == 0, $"{Page.Url}:\n{string.Join("\n", violations)}");
    }

    private async Task<int> PublishedCycleIdAsync()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Cycles.Where(c => c.JurisdictionUbigeo == DemoVoting.Jurisdiction && c.FiscalYear == DemoPublished.FiscalYear).Select(c => c.Id).SingleAsync();
    }
}
