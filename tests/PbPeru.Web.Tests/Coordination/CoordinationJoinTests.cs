using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Coordination;

/// <summary>A cycle moved to Coordination on the dashboard joins its department's coordination space in the same save.</summary>
[Trait("Capability", "Coordination")]
public sealed class CoordinationJoinTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task Advancing_ToCoordination_JoinsTheDepartmentsSpace_WithTheSelectedProposals()
    {
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0806");
        var chosen = await data.ProposalAsync(ProposalTestData.Details(data, title: "Agua potable para Sicuani alto", estimatedCost: 300_000m));
        var (evaluator, _) = await data.AssignEvaluatorAsync(chosen);
        await data.RecordSheetAsync(chosen, evaluator, Viability.Viable, "Bien sustentada.", score: 3);
        using var manager = await data.ManagerAsync();

        // Not in coordination yet.
        var empty = await manager.GetPageAsync($"/Cycles/Coordination/{data.CycleId}");
        Assert.NotNull(empty.QuerySelector(".coordination-empty"));

        using (var published = await manager.SubmitAsync($"/Cycles/Evaluation/{data.CycleId}/Report", "form[action*='handler=Publish']"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        using (var advanced = await manager.SubmitAsync($"/Cycles/Dashboard/{data.CycleId}", "form[action*='handler=Advance']", ("Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, advanced.StatusCode);
        }

        var (phase, space) = await data.ReadAsync(async db =>
        {
            var cycle = await db.Cycles.SingleAsync(c => c.Id == data.CycleId);
            var joined = await PbPeru.Web.Infrastructure.CoordinationQueries.OfCycleAsync(db, data.CycleId, tracking: false, CancellationToken.None);
            return (cycle.Phase, joined);
        });
        Assert.Equal(Phase.Coordination, phase);
        Assert.NotNull(space);
        Assert.Equal("08", space.DepartmentUbigeo);
        Assert.Equal(data.FiscalYear, space.FiscalYear);
        var project = Assert.Single(space.Projects);
        Assert.Equal("Agua potable para Sicuani alto", project.Title);
        Assert.Equal(chosen, project.ProposalId);
        Assert.Equal(data.CycleId, Assert.Single(space.Cycles).CycleId);

        // The board shows its list; the gate waits for the minutes.
        var board = await manager.GetPageAsync($"/Cycles/Coordination/{data.CycleId}");
        Assert.Contains("Agua potable para Sicuani alto", board.QuerySelector(".coordination-list")!.TextContent);
        var dashboard = await manager.GetPageAsync($"/Cycles/Dashboard/{data.CycleId}");
        Assert.Contains("Falta registrar el acta de coordinación.", dashboard.QuerySelector(".gate-reasons")!.TextContent);
    }
}
