using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>An evaluator's sheet through the real pages: only on assigned proposals, the matrix enforced, nothing stored when refused.</summary>
[Trait("Capability", "Concertation")]
public sealed class EvaluationSheetTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Ubigeo = "0803";

    [Fact]
    public async Task Sheet_OfAProposalNotAssignedToTheEvaluator_Answers404OnGetAndPostAndStoresNothing()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        var mine = await data.ProposalAsync(ProposalTestData.Details(data, title: "Propuesta asignada"));
        var theirs = await data.ProposalAsync(ProposalTestData.Details(data, title: "Propuesta de otra persona"));
        await data.AssignEvaluatorAsync(theirs, "Otra Evaluadora");
        var (me, client) = await data.EvaluatorAsync();
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var review = ProposalReview.For(cycle, mine);
            review.Assign(cycle, data.Manager, me, "Evaluador Técnico", ProposalTestData.Noon(ProposalTestData.EvaluationDay));
            db.ProposalReviews.Add(review);
        });

        using var get = await client.GetAsync($"/Evaluation/Sheet/{theirs}");
        using var post = await client.PostWithTokenAsync("/", $"/Evaluation/Sheet/{theirs}", data.ViableSheet());
        using var document = await client.GetAsync($"/Evaluation/Document/{theirs}/1");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.Empty((await data.ReviewAsync(theirs))!.Sheets);

        var queue = await client.GetPageAsync("/Evaluation?show=all");
        var titles = queue.QuerySelectorAll("#evaluation-queue tbody th").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Propuesta asignada"], titles);
    }

    [Fact]
    public async Task Sheet_RecordedWhole_IsStoredAndLeavesThePendingQueue()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        var proposal = await data.ProposalAsync();
        var (evaluator, email) = await data.AssignEvaluatorAsync(proposal);
        using var client = await data.SignedInAsync(email);

        var form = await client.GetPageAsync($"/Evaluation/Sheet/{proposal}");
        Assert.Contains("Mejoramiento del sistema de agua potable", form.QuerySelector("h1")!.TextContent);
        // Every level's descriptor is in view beside its radio button.
        Assert.Equal(data.CriterionIds.Count, form.QuerySelectorAll("#sheet-form fieldset[id^=criterion-]").Length);
        Assert.True(form.QuerySelectorAll("#sheet-form input[type=radio][name^='Input.Scores']").Length >= data.CriterionIds.Count * 2);

        var fields = data.ViableSheet(3, 2, 1, 2, 3).Concat([("Input.AdjustedCost", "180,000.00"), ("Input.CostJustification", "Precios unitarios del mercado local.")]).ToArray();
        using var response = await client.SubmitAsync(form, "#sheet-form", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var review = await data.ReviewAsync(proposal);
        var sheet = Assert.Single(review!.Sheets);
        Assert.Equal(evaluator, sheet.EvaluatorUserId);
        Assert.Equal(Viability.Viable, sheet.Viability);
        Assert.Equal(PbPeru.Domain.Common.Money.FromSoles(180_000m), sheet.AdjustedCost);
        Assert.Equal([3, 2, 1, 2, 3], data.CriterionIds.Select(id => sheet.Scores[id]));

        var pending = await client.GetPageAsync("/Evaluation");
        Assert.Null(pending.QuerySelector("#evaluation-queue"));
        var done = await client.GetPageAsync("/Evaluation?show=done");
        Assert.Single(done.QuerySelectorAll("#evaluation-queue tbody tr"));

        // Recording again replaces the sheet.
        using var again = await client.SubmitAsync($"/Evaluation/Sheet/{proposal}", "#sheet-form", ("Input.Viability", "NotViable"), ("Input.Reason", "El terreno no está saneado."), ("Input.AdjustedCost", ""));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var replaced = Assert.Single((await data.ReviewAsync(proposal))!.Sheets);
        Assert.Equal(Viability.NotViable, replaced.Viability);
        Assert.Empty(replaced.Scores);
    }

    [Fact]
    public async Task Sheet_WithAScoreOutsideTheScale_IsRefusedWithTheLevelsAndNothingStored()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        var proposal = await data.ProposalAsync();
        var (_, email) = await data.AssignEvaluatorAsync(proposal);
        using var client = await data.SignedInAsync(email);

        var fields = data.ViableSheet().Where(f => f.Item1 != $"Input.Scores[{data.CriterionIds[0]}]")
            .Append(($"Input.Scores[{data.CriterionIds[0]}]", "7")).ToArray();
        using var response = await client.PostFormAsync($"/Evaluation/Sheet/{proposal}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        var error = page.QuerySelector(".validation-summary-errors")!.TextContent;
        Assert.Contains("7", error);
        Assert.Contains("0, 1, 2, 3", error);
        // What was typed stays on the page.
        Assert.Contains("Cumple los requisitos técnicos", page.QuerySelector("#reason")!.TextContent);
        Assert.Empty((await data.ReviewAsync(proposal))!.Sheets);
    }

    [Fact]
    public async Task Sheet_ViableWithAMissingScore_IsRefusedNamingTheCriterionAndNothingStored()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        var proposal = await data.ProposalAsync();
        var (_, email) = await data.AssignEvaluatorAsync(proposal);
        using var client = await data.SignedInAsync(email);
        var lastId = data.CriterionIds[^1];
        var lastName = await data.ReadAsync(db => db.Cycles.Where(c => c.Id == data.CycleId).SelectMany(c => c.Criteria).Where(c => c.Id == lastId).Select(c => c.Name).SingleAsync());

        var fields = data.ViableSheet().Where(f => f.Item1 != $"Input.Scores[{data.CriterionIds[^1]}]").ToArray();
        using var response = await client.PostFormAsync($"/Evaluation/Sheet/{proposal}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Contains(lastName, page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Empty((await data.ReviewAsync(proposal))!.Sheets);
    }

    [Fact]
    public async Task Observation_AnsweredByTheProposer_LetsTheEvaluatorEvaluateAgain()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        var proposal = await data.ProposalAsync();
        var (evaluator, email) = await data.AssignEvaluatorAsync(proposal);
        using var client = await data.SignedInAsync(email);

        using var observed = await client.SubmitAsync($"/Evaluation/Sheet/{proposal}", "#sheet-form",
            ("Input.Eligible", "true"), ("Input.Viability", "Observed"), ("Input.Reason", "Adjunte el plano de ubicación del reservorio."));
        Assert.Equal(HttpStatusCode.Redirect, observed.StatusCode);

        var review = await data.ReviewAsync(proposal);
        var question = Assert.Single(review!.Observations);
        Assert.Equal(ProposalTestData.EvaluationDay.AddDays(5), question.Deadline);
        var notices = await data.ReadAsync(db => db.Notifications.Where(n => n.UserId == data.Organization.Titular.UserId).ToListAsync());
        var notice = Assert.Single(notices, n => n.Text.Contains("Adjunte el plano", StringComparison.Ordinal));
        Assert.Equal($"/Proposals/Edit/{proposal}", notice.Link);
        var queue = await client.GetPageAsync("/Evaluation");
        Assert.Contains("Esperando respuesta", queue.QuerySelector("#evaluation-queue")!.TextContent);

        // The proposer answers through the domain.
        await data.WriteAsync(async db =>
        {
            var stored = await db.ProposalReviews.Include(r => r.Observations).SingleAsync(r => r.ProposalId == proposal);
            stored.Answer(data.Organization.Titular.UserId, "Se adjuntó el plano en la ficha.", ProposalTestData.EvaluationDay, ProposalTestData.Noon(ProposalTestData.EvaluationDay));
        });

        var answered = await client.GetPageAsync($"/Evaluation/Sheet/{proposal}");
        Assert.Contains("Se adjuntó el plano en la ficha.", answered.Body!.TextContent);
        using var again = await client.SubmitAsync(answered, "#sheet-form", data.ViableSheet());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        var final = await data.ReviewAsync(proposal);
        Assert.Equal(Viability.Viable, Assert.Single(final!.Sheets).Viability);
        var cycle = await data.ReadAsync(db => data.LoadCycleAsync(db));
        Assert.True(final.IsEvaluated(cycle, ProposalTestData.EvaluationDay));
        Assert.Equal(evaluator, final.Sheets[0].EvaluatorUserId);
    }
}
