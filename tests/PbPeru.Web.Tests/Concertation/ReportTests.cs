using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>The technical report: refused while proposals remain, then published once and frozen; the public page, the PDF and the phase gate.</summary>
[Trait("Capability", "Concertation")]
public sealed class ReportTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Ubigeo = "0806";

    [Fact]
    public async Task Report_RefusedWhileAProposalRemains_ThenPublishedOnceAndFrozen_WithThePublicPagePdfAndGate()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        var best = await data.ProposalAsync(ProposalTestData.Details(data, title: "Agua potable para el sector alto", estimatedCost: 300_000m));
        var second = await data.ProposalAsync(ProposalTestData.Details(data, title: "Veredas del jirón Lima", themeIndex: 1, estimatedCost: 150_000m));
        var rejected = await data.ProposalAsync(ProposalTestData.Details(data, title: "Losa deportiva sin terreno", themeIndex: 2, estimatedCost: 100_000m));
        var (bestEvaluator, _) = await data.AssignEvaluatorAsync(best);
        var (secondEvaluator, secondEmail) = await data.AssignEvaluatorAsync(second);
        var (rejectedEvaluator, _) = await data.AssignEvaluatorAsync(rejected);
        await data.RecordSheetAsync(best, bestEvaluator, Viability.Viable, "Muy bien sustentada.", score: 3);
        await data.RecordSheetAsync(second, secondEvaluator, Viability.Viable, "Sustentada.", score: 2);
        using var manager = await data.ManagerAsync();
        using var anonymous = app.CreateAppClient(followRedirects: false);
        var reportUrl = $"/Cycles/Evaluation/{data.CycleId}/Report";

        // Before: the public sees nothing; the manager is told how many remain; a forged publish is refused.
        using (var notYet = await anonymous.GetAsync($"/Public/Report/{data.CycleId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        }

        using (var notYetPdf = await anonymous.GetAsync($"/Public/Report/{data.CycleId}/Pdf"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYetPdf.StatusCode);
        }

        var pending = await manager.GetPageAsync(reportUrl);
        Assert.Contains("Falta evaluar 1 propuesta de 3", pending.QuerySelector("#pending")!.TextContent);
        Assert.Null(pending.QuerySelector("form[action*='handler=Publish']"));
        using (var forged = await manager.PostWithTokenAsync(reportUrl, $"{reportUrl}?handler=Publish"))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("sin evaluación técnica", (await AppClient.ParseAsync(forged)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        Assert.False(await data.ReadAsync(db => db.TechnicalReports.AnyAsync(r => r.CycleId == data.CycleId)));
        var gate = await manager.GetPageAsync($"/Cycles/Dashboard/{data.CycleId}");
        var reasons = gate.QuerySelector(".gate-reasons")!.TextContent;
        Assert.Contains("Queda 1 propuesta sin evaluación técnica.", reasons);
        Assert.Contains("no ha publicado su recomendación", reasons);

        // The last one is evaluated: the report can be published.
        await data.RecordSheetAsync(rejected, rejectedEvaluator, Viability.NotViable, "El terreno no es de propiedad municipal.");
        var ready = await manager.GetPageAsync(reportUrl);
        Assert.Equal(["Agua potable para el sector alto", "Veredas del jirón Lima", "Losa deportiva sin terreno"],
            ready.QuerySelectorAll("#recommendation tbody th").Select(t => t.TextContent.Trim()));
        using (var published = await manager.SubmitAsync(ready, "form[action*='handler=Publish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var report = await data.ReadAsync(db => db.TechnicalReports.Include(r => r.Entries).SingleAsync(r => r.CycleId == data.CycleId));
        Assert.True(report.IsPublished);
        Assert.Equal([best, second, rejected], report.Entries.Select(e => e.ProposalId));
        Assert.Equal([1, 2, (int?)null], report.Entries.Select(e => e.Rank));

        // A second publish changes nothing.
        using (var twice = await manager.PostWithTokenAsync(reportUrl, $"{reportUrl}?handler=Publish"))
        {
            Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        }

        var after = await data.ReadAsync(db => db.TechnicalReports.Where(r => r.CycleId == data.CycleId).Select(r => r.PublishedAt).ToListAsync());
        Assert.Equal([report.PublishedAt], after);

        // Frozen: an evaluator's sheet is refused and nothing changes.
        using var evaluator = await data.SignedInAsync(secondEmail);
        using (var late = await evaluator.PostWithTokenAsync("/", $"/Evaluation/Sheet/{second}", data.ViableSheet(3)))
        {
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
            Assert.Contains("informe técnico", (await AppClient.ParseAsync(late)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        Assert.All((await data.ReviewAsync(second))!.Sheets[0].Scores.Values, s => Assert.Equal(2, s));

        // The public page and the PDF list the ranked proposals.
        var page = await anonymous.GetPageAsync($"/Public/Report/{data.CycleId}");
        Assert.Equal(["Agua potable para el sector alto", "Veredas del jirón Lima", "Losa deportiva sin terreno"],
            page.QuerySelectorAll("#report tbody th").Select(t => t.TextContent.Trim()));
        Assert.Contains("S/ 3,000,000.00", page.QuerySelector("#ceiling")!.TextContent);
        Assert.Contains("S/ 450,000.00", page.QuerySelector("#selected-total")!.TextContent);
        Assert.Contains("El terreno no es de propiedad municipal.", page.QuerySelector("#report")!.TextContent);

        using var pdfResponse = await anonymous.GetAsync($"/Public/Report/{data.CycleId}/Pdf");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        var positions = new[] { "Agua potable", "Veredas del", "Losa deportiva" }.Select(t => text.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, $"PDF text lacks a title: {text}"));
        Assert.Equal(positions.Order(), positions);

        // The gate holds now.
        var open = await manager.GetPageAsync($"/Cycles/Dashboard/{data.CycleId}");
        Assert.Null(open.QuerySelector(".gate-reasons"));
        Assert.NotNull(open.QuerySelector("form[action*='handler=Advance']"));
    }

    [Fact]
    public async Task Criteria_EditedAfterEvaluationStarted_AreRefusedWithAMessageAndNothingChanges()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        var proposal = await data.ProposalAsync();
        var (evaluator, _) = await data.AssignEvaluatorAsync(proposal);
        await data.RecordSheetAsync(proposal, evaluator, Viability.Viable, "Sustentada.");
        var before = await data.ReadAsync(db => db.Cycles.Where(c => c.Id == data.CycleId).SelectMany(c => c.Criteria).OrderBy(c => c.Position).Select(c => c.WeightPercent).ToListAsync());
        using var manager = await data.ManagerAsync();

        var version = await data.ReadAsync(db => db.Cycles.Where(c => c.Id == data.CycleId).Select(c => EF.Property<int>(c, "Version")).SingleAsync());
        var fields = new List<(string, string)>
        {
            ("CycleVersion", version.ToString(CultureInfo.InvariantCulture)),
            ("Rows[0].Name", "Solo un criterio"),
            ("Rows[0].Description", "Todo el peso aquí."),
            ("Rows[0].Weight", "100"),
            ("Rows[0].Levels[0].Score", "0"),
            ("Rows[0].Levels[0].Descriptor", "Nada"),
            ("Rows[0].Levels[1].Score", "3"),
            ("Rows[0].Levels[1].Descriptor", "Todo"),
        };
        using var response = await manager.PostWithTokenAsync($"/Cycles/Criteria/{data.CycleId}", $"/Cycles/Criteria/{data.CycleId}", [.. fields]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string expected;
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("es-PE");
            expected = Messages.RulesFrozen.Format(RuleSetNames.Of(RuleSet.Criteria), PhaseNames.Of(Phase.Concertation));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        Assert.Contains(expected, (await AppClient.ParseAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent);
        var after = await data.ReadAsync(db => db.Cycles.Where(c => c.Id == data.CycleId).SelectMany(c => c.Criteria).OrderBy(c => c.Position).Select(c => c.WeightPercent).ToListAsync());
        Assert.Equal(before, after);
    }
}
