using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests;

[Trait("Capability", "Formalization")]
public sealed class FormalizationJourneyTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Manager_ClosesTheVotes_IssuesTheActa_RecordsTheApprovals_DownloadsTheExports_AndPublishes()
    {
        var cycleId = await DemoCycleIdAsync();

        // The demo agent, on a phone, votes in the committee election open beside the final vote.
        await Page.SetViewportSizeAsync(390, 844);
        await LoginAsync(DemoAccounts.Agent);
        await Page.GotoAsync($"/Committee/Election/{cycleId}");
        var candidates = Page.Locator("form.committee-ballot-form input[name='Picked']");
        Assert.Equal(4, await candidates.CountAsync());
        await candidates.Nth(0).CheckAsync();
        await candidates.Nth(2).CheckAsync();
        await ScreenshotAsync("1-eleccion-comite-celular");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Emitir mi voto" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".alert-success")).ToBeVisibleAsync();

        // The manager closes the final vote and computes its result, then closes and counts the committee.
        await Context.ClearCookiesAsync();
        await Page.SetViewportSizeAsync(1280, 900);
        await LoginAsync(DemoAccounts.CycleManager);
        await Page.CloseFinalVoteAndComputeAsync(cycleId);
        await Page.CloseAndCountCommitteeAsync(cycleId, members: 4);
        await ScreenshotAsync("2-comite-elegido");

        // The acta: the demo's commitments are there; the manager issues version 1 with its place.
        await Page.GotoAsync($"/Cycles/Acta/{cycleId}");
        await Assertions.Expect(Page.Locator("#commitment-list tr.commitment")).ToHaveCountAsync(2);
        var version = await Page.IssueActaAsync(cycleId, "Auditorio del Gobierno Regional del Cusco");
        await ScreenshotAsync("3-acta-emitida");
        var versionId = await version.GetAttributeAsync("data-id");
        await Page.GotoAsync($"/Cycles/Acta/Version/{versionId}");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Acta de Acuerdos y Compromisos");
        await ScreenshotAsync("4-acta-para-imprimir");
        var pdf = await Page.APIRequest.GetAsync($"/Cycles/Acta/Pdf/{versionId}");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));

        // The approval chain: the coordination council, then the council.
        await Page.GotoAsync($"/Cycles/Approvals/{cycleId}");
        foreach (var number in new[] { "Acuerdo CCR N.º 012-2025", "Acuerdo de Consejo Regional N.º 045-2025" })
        {
            await Page.RecordApprovalAsync(number);
        }

        await Assertions.Expect(Page.Locator("#decide-done")).ToBeVisibleAsync();
        await ScreenshotAsync("5-aprobaciones");

        // The exports, named by jurisdiction and fiscal year.
        foreach (var (format, extension) in new[] { ("CSV", "csv"), ("XLSX (Excel)", "xlsx"), ("JSON", "json") })
        {
            var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("#export-links").GetByRole(AriaRole.Link, new() { Name = format, Exact = true }).ClickAsync());
            Assert.Equal($"pp-08-2025-lista-aprobada.{extension}", download.SuggestedFilename);
            var path = await download.PathAsync();
            Assert.True(new FileInfo(path).Length > 100);
            if (extension == "csv")
            {
                var csv = await File.ReadAllTextAsync(path, Encoding.UTF8);
                Assert.StartsWith("rank,cui,name,theme,district_ubigeos,total_cost,amount_this_cycle,cofinancing,multiyear,votes,technical_score", csv.TrimStart('\uFEFF'));
            }
        }

        // Every gate holds: the manager publishes, and the public sees the acta and the open data.
        await Page.AdvancePhaseAsync(cycleId);
        await Context.ClearCookiesAsync();
        await Page.GotoAsync($"/Public/Acta/{cycleId}");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync("Auditorio del Gobierno Regional del Cusco");
        await ScreenshotAsync("6-acta-publica");
        Assert.Empty(await AxeScan.SeriousAsync(Page));
        await Page.GotoAsync($"/Public/Exports/{cycleId}");
        await Assertions.Expect(Page.Locator("a[rel=license]")).ToBeVisibleAsync();
        await ScreenshotAsync("7-datos-abiertos");
        Assert.Empty(await AxeScan.SeriousAsync(Page));
    }

    private async Task<int> DemoCycleIdAsync()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Cycles.Where(c => c.JurisdictionUbigeo == DemoVoting.Jurisdiction && c.FiscalYear == DemoVoting.FiscalYear).Select(c => c.Id).SingleAsync();
    }
}
