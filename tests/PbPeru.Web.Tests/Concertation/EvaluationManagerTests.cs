using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>The manager's side of the evaluation: assigning evenly, the disagreement flag and the consolidation meeting.</summary>
[Trait("Capability", "Concertation")]
public sealed class EvaluationManagerTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Ubigeo = "0804";

    [Fact]
    public async Task AssignEvenly_GivesEveryProposalItsEvaluatorsWithBalancedLoads_AndTellsThem()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        // A province of its own: the team there is exactly the three made here.
        var data = await ProposalTestData.NewCycleAsync(app, "0805");
        var proposals = new List<int>();
        for (var i = 1; i <= 6; i++)
        {
            proposals.Add(await data.ProposalAsync(ProposalTestData.Details(data, title: $"Propuesta número {i}")));
        }

        var evaluators = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var (id, client) = await data.EvaluatorAsync($"Evaluador {i}");
            client.Dispose();
            evaluators.Add(id);
        }

        using var manager = await data.ManagerAsync();

        // One by hand first: the even plan counts it.
        using var byHand = await manager.PostWithTokenAsync($"/Cycles/Evaluation/{data.CycleId}", $"/Cycles/Evaluation/{data.CycleId}?handler=Assign", ("proposalId", $"{proposals[0]}"), ("evaluatorUserId", evaluators[2]));
        Assert.Equal(HttpStatusCode.Redirect, byHand.StatusCode);

        using var evenly = await manager.SubmitAsync($"/Cycles/Evaluation/{data.CycleId}", "form[action*='handler=Evenly']", ("PerProposal", "2"));
        Assert.Equal(HttpStatusCode.Redirect, evenly.StatusCode);

        var assignments = await data.ReadAsync(db => db.ProposalReviews.Where(r => r.CycleId == data.CycleId)
            .SelectMany(r => r.Assignments.Select(a => new { r.ProposalId, a.EvaluatorUserId })).ToListAsync());
        Assert.Equal(12, assignments.Count);
        Assert.All(proposals, p => Assert.Equal(2, assignments.Count(a => a.ProposalId == p)));
        Assert.All(evaluators, e => Assert.Equal(4, assignments.Count(a => a.EvaluatorUserId == e)));
        var notified = await data.ReadAsync(db => db.Notifications.Where(n => evaluators.Contains(n.UserId) && n.Link == "/Evaluation").Select(n => n.UserId).Distinct().CountAsync());
        Assert.Equal(3, notified);

        // Asked again, nothing is missing: nothing changes.
        using var again = await manager.SubmitAsync($"/Cycles/Evaluation/{data.CycleId}", "form[action*='handler=Evenly']", ("PerProposal", "2"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(12, await data.ReadAsync(db => db.ProposalReviews.Where(r => r.CycleId == data.CycleId).SelectMany(r => r.Assignments).CountAsync()));

        // The evaluator's queue holds exactly their four.
        using var first = await data.SignedInAsync(await data.ReadAsync(db => db.Users.Where(u => u.Id == evaluators[0]).Select(u => u.Email!).SingleAsync()));
        var queue = await first.GetPageAsync("/Evaluation");
        Assert.Equal(4, queue.QuerySelectorAll("#evaluation-queue tbody tr").Length);

        // The filter by evaluator lists their proposals.
        var filtered = await manager.GetPageAsync($"/Cycles/Evaluation/{data.CycleId}?evaluatorId={evaluators[0]}");
        Assert.Equal(4, filtered.QuerySelectorAll("#evaluation-list tbody tr").Length);
    }

    [Fact]
    public async Task Unassign_RemovesAnEvaluatorWithoutSheet_ButNotOneWhoRecorded()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        var proposal = await data.ProposalAsync();
        var (idle, _) = await data.AssignEvaluatorAsync(proposal, "Evaluador Sin Ficha");
        var (busy, _) = await data.AssignEvaluatorAsync(proposal, "Evaluadora Con Ficha");
        await data.RecordSheetAsync(proposal, busy, Viability.Viable, "Bien sustentada.");
        using var manager = await data.ManagerAsync();

        using var removed = await manager.PostWithTokenAsync($"/Cycles/Evaluation/{data.CycleId}", $"/Cycles/Evaluation/{data.CycleId}?handler=Unassign", ("proposalId", $"{proposal}"), ("evaluatorUserId", idle));
        using var refused = await manager.PostWithTokenAsync($"/Cycles/Evaluation/{data.CycleId}", $"/Cycles/Evaluation/{data.CycleId}?handler=Unassign", ("proposalId", $"{proposal}"), ("evaluatorUserId", busy));

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Evaluadora Con Ficha", (await AppClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent);
        var review = await data.ReviewAsync(proposal);
        Assert.Equal([busy], review!.Assignments.Select(a => a.EvaluatorUserId));
    }

    [Fact]
    public async Task Disagreement_IsFlagged_AndTheConsolidationMeetingSettlesIt()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        var proposal = await data.ProposalAsync();
        var (high, _) = await data.AssignEvaluatorAsync(proposal, "Evaluadora Alta");
        var (low, _) = await data.AssignEvaluatorAsync(proposal, "Evaluador Bajo");
        await data.RecordSheetAsync(proposal, high, Viability.Viable, "Excelente.", score: 3);
        await data.RecordSheetAsync(proposal, low, Viability.Viable, "Débil.", score: 0);
        using var manager = await data.ManagerAsync();

        var list = await manager.GetPageAsync($"/Cycles/Evaluation/{data.CycleId}?state=Disagreement");
        Assert.Single(list.QuerySelectorAll("#evaluation-list tbody tr"));
        var url = $"/Cycles/Evaluation/{data.CycleId}/Proposal/{proposal}";
        var detail = await manager.GetPageAsync(url);
        Assert.Equal(data.CriterionIds.Count, detail.QuerySelectorAll("#sheets tr.table-danger").Length);
        Assert.Equal("50.00", detail.QuerySelector("#consolidated-score")!.TextContent.Trim().Replace(',', '.'));

        // Without minutes the meeting is refused and nothing stored.
        using var refused = await manager.SubmitAsync(detail, "#consolidation-form", ("Meeting.Verdict", "Viable"), ("Meeting.Minutes", ""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Null((await data.ReviewAsync(proposal))!.ConsolidatedAt);

        using var settled = await manager.SubmitAsync(url, "#consolidation-form",
            ("Meeting.Verdict", "Viable"), ("Meeting.AdjustedCost", "190,000.00"), ("Meeting.Minutes", "Reunión del 15 de abril: se acuerda que es viable con costo ajustado."));
        Assert.Equal(HttpStatusCode.Redirect, settled.StatusCode);

        var review = await data.ReviewAsync(proposal);
        Assert.True(review!.HasCurrentConsolidation);
        Assert.Equal(Viability.Viable, review.ConsolidatedVerdict);
        Assert.Equal(PbPeru.Domain.Common.Money.FromSoles(190_000m), review.ConsolidatedCost);
        var evaluated = await manager.GetPageAsync($"/Cycles/Evaluation/{data.CycleId}?state=Evaluated");
        Assert.Single(evaluated.QuerySelectorAll("#evaluation-list tbody tr"));
    }
}
