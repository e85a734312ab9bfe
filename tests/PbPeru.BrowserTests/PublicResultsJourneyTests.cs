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
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Obra concluida y recibida");
        await ScanAsync("4-ejecucion-del-proyecto");

        // The next cycle's information workshop accounts for it (rendición de cuentas).
        var nextCycleId = await CycleIdAsync(DemoVoting.FiscalYear);
        await Page.GotoAsync($"/Public/Briefing/{nextCycleId}");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Rendición de cuentas");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Serenazgo y cámaras de seguridad en Espinar");
        await ScanAsync("5-rendicion-de-cuentas");

        // The open-data index of every published cycle.
        await Page.GotoAsync("/Public/OpenData");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync(DemoPublished.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ScanAsync("6-indice-de-datos-abiertos");
    }

    [Fact]
    public async Task DemoAgent_AnswersTheEvaluationOnce_AndTheAnswerThatReachesTheThresholdPublishesIt()
    {
        var cycleId = await PublishedCycleIdAsync();

        // Four answers, the threshold at five: the public page shows no figures yet.
        await Page.GotoAsync($"/Public/Survey/{cycleId}");
        await Assertions.Expect(Page.Locator("table")).ToHaveCountAsync(0);
        await ScanAsync("1-encuesta-sin-resultados");

        await LoginAsync("agente@demo.pbperu.pe");
        await Page.GotoAsync("/Survey");
        await Page.Locator($"a[href='/Survey/Answer/{cycleId}']").First.ClickAsync();
        foreach (var aspect in new[] { "Overall", "Information", "Training", "TechnicalEvaluation", "Voting", "Transparency" })
        {
            await Page.Locator($"input[type=radio][name={aspect}][value=Good]").CheckAsync();
        }

        await Page.Locator("#Comment").FillAsync("Faltó información en quechua.");
        await ScanAsync("2-formulario");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enviar mi evaluación" }).ClickAsync();
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Usted ya respondió esta evaluación");

        // A second visit cannot answer again; the results are now public, the comment among them.
        await Page.GotoAsync($"/Survey/Answer/{cycleId}");
        await Assertions.Expect(Page.Locator("main form button[type=submit]")).ToHaveCountAsync(0);
        await Page.GotoAsync($"/Public/Survey/{cycleId}");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Faltó información en quechua.");
        await Assertions.Expect(Page.Locator("table")).ToHaveCountAsync(1);
        await ScanAsync("3-resultados-de-la-encuesta");
    }

    /// <summary>A screenshot, then the axe-core scan: no serious or critical violation.</summary>
    private async Task ScanAsync(string name)
    {
        await ScreenshotAsync(name);
        var violations = await AxeScan.SeriousAsync(Page);
        Assert.True(violations.Count == 0, $"{Page.Url}:\n{string.Join("\n", violations)}");
    }

    private Task<int> PublishedCycleIdAsync() => CycleIdAsync(DemoPublished.FiscalYear);

    private async Task<int> CycleIdAsync(int fiscalYear)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Cycles.Where(c => c.JurisdictionUbigeo == DemoVoting.Jurisdiction && c.FiscalYear == fiscalYear).Select(c => c.Id).SingleAsync();
    }
}
