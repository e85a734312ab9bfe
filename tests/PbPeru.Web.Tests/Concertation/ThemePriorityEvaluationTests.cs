using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>
/// A cycle that uses the theme prioritization as the last criterion of its matrix: evaluators do not
/// score it, and the published report ranks a proposal of the agents' top theme above an equal one
/// of their last theme.
/// </summary>
[Trait("Capability", "Concertation")]
public sealed class ThemePriorityEvaluationTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task ThemePriorityAsACriterion_IsNotScoredByEvaluators_AndLiftsTheTopThemesProposalInTheReport()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0804", rules => rules with { ThemePriorityUse = ThemePriorityUse.Criterion });

        // Both agents put the first theme first and the third last.
        var order = new[] { data.ThemeIds[0], data.ThemeIds[1], data.ThemeIds[2] };
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            foreach (var account in data.Organization.Agents)
            {
                var agent = await db.Agents.SingleAsync(a => a.Id == account.AgentId);
                db.ThemeVotes.Add(ThemeVote.Cast(cycle, agent, ThemeBallot.Ranking(order), ProposalTestData.PrioritizationDay, ProposalTestData.Noon(ProposalTestData.PrioritizationDay)));
            }
        });

        var top = await data.ProposalAsync(ProposalTestData.Details(data, title: "Agua para el barrio alto", themeIndex: 0, estimatedCost: 200_000m));
        var last = await data.ProposalAsync(ProposalTestData.Details(data, title: "Losa multiusos del barrio bajo", themeIndex: 2, estimatedCost: 200_000m));
        var (topEvaluator, topEmail) = await data.AssignEvaluatorAsync(top);
        var (lastEvaluator, _) = await data.AssignEvaluatorAsync(last);

        // The sheet asks for every criterion but the last, which the prioritization gives.
        using var evaluator = await data.SignedInAsync(topEmail);
        var sheet = await evaluator.GetPageAsync($"/Evaluation/Sheet/{top}");
        var scored = sheet.QuerySelectorAll("input[name^='Input.Scores']").Select(i => i.GetAttribute("name")).Distinct().ToList();
        Assert.Equal(data.CriterionIds.Take(data.CriterionIds.Count - 1).Select(id => $"Input.Scores[{id}]"), scored);

        // Equal scores from the evaluators; the report publishes them apart by theme priority.
        await data.RecordSheetAsync(top, topEvaluator, Viability.Viable, "Sustentada.", score: 2);
        await data.RecordSheetAsync(last, lastEvaluator, Viability.Viable, "Sustentada.", score: 2);
        using var manager = await data.ManagerAsync();
        using (var published = await manager.SubmitAsync($"/Cycles/Evaluation/{data.CycleId}/Report", "form[action*='handler=Publish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var entries = await data.ReadAsync(db => db.TechnicalReports.Where(r => r.CycleId == data.CycleId)
            .SelectMany(r => r.Entries).OrderBy(e => e.Position).Select(e => new { e.ProposalId, e.Rank, e.Score }).ToListAsync());

        // Four typed criteria (90 % of the weight) at 2 of 3 give 60 points; the last criterion
        // (10 %) adds 10 for the top theme (priority 1) and nothing for the last one (priority 0).
        Assert.Equal([top, last], entries.Select(e => e.ProposalId));
        Assert.Equal([1, 2], entries.Select(e => e.Rank));
        Assert.Equal([70m, 60m], entries.Select(e => Math.Round(e.Score!.Value, 2)));
    }
}
