using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Coordination;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Coordination;

/// <summary>The Rules page sets the reach rules checked in Coordination, refuses a bad amount, and freezes them once Coordination starts.</summary>
[Trait("Capability", "Coordination")]
public sealed class ImpactRulesPageTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task TheRulesPage_SavesTheReachRules_RefusesABadAmount_AndFreezesThemInCoordination()
    {
        var data = await ProposalTestData.NewCycleAsync(app, "0805");
        using var manager = await data.ManagerAsync();
        var url = $"/Cycles/Rules/{data.CycleId}";

        // In Concertation they can still change (they govern Coordination).
        using (var saved = await manager.SubmitAsync(url, "form.impact-rules-form",
            ("Impact.MinimumAmount", "250,000.50"), ("Impact.MinimumReachPercent", "5"), ("Impact.LevelRule", "false")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(new ImpactRules(Money.FromSoles(250_000.50m), 5, false), await RulesAsync(data));

        using (var bad = await manager.SubmitAsync(url, "form.impact-rules-form", ("Impact.MinimumAmount", "doscientos mil"), ("Impact.MinimumReachPercent", "120")))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var page = await AppClient.ParseAsync(bad);
            Assert.Contains("Escriba un monto en soles", page.QuerySelector("[data-valmsg-for='Impact.MinimumAmount']")!.TextContent, StringComparison.Ordinal);
        }

        using (var outOfRange = await manager.SubmitAsync(url, "form.impact-rules-form", ("Impact.MinimumAmount", "0"), ("Impact.MinimumReachPercent", "120")))
        {
            Assert.Equal(HttpStatusCode.OK, outOfRange.StatusCode);
            Assert.NotNull((await AppClient.ParseAsync(outOfRange)).QuerySelector(".validation-summary-errors"));
        }

        Assert.Equal(new ImpactRules(Money.FromSoles(250_000.50m), 5, false), await RulesAsync(data));

        // Once the cycle is in Coordination the form is disabled and a forged post changes nothing.
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            cycle.AdvanceTo(Phase.Coordination, data.Manager, ProposalTestData.AllGatesHold, ProposalTestData.Noon(ProposalTestData.EvaluationDay));
        });
        var frozen = await manager.GetPageAsync(url);
        Assert.NotNull(frozen.QuerySelector("form.impact-rules-form fieldset[disabled]"));
        using (var forged = await manager.PostWithTokenAsync(url, $"{url}?handler=Impact", ("Impact.MinimumAmount", "1"), ("Impact.MinimumReachPercent", "1"), ("Impact.LevelRule", "true")))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        }

        Assert.Equal(new ImpactRules(Money.FromSoles(250_000.50m), 5, false), await RulesAsync(data));
    }

    private static Task<ImpactRules> RulesAsync(ConcertationCycle data) =>
        data.ReadAsync(db => db.Cycles.Where(c => c.Id == data.CycleId).Select(c => c.ImpactRules).SingleAsync());
}
