using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>The Rules page saves the proposal rules before Concertation and freezes them after.</summary>
[Trait("Capability", "Concertation")]
public sealed class ProposalRulesPageTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task The_rules_page_saves_the_proposal_rules_and_freezes_them_in_concertation()
    {
        var data = await ProposalTestData.NewCycleAsync(app, "0803");
        using var manager = await data.ManagerAsync();
        await data.WriteAsync(db =>
        {
            var cycle = Cycle.Create("0803", 2099, "Presupuesto Participativo en borrador", Money.FromSoles(1_000_000m), data.Manager, ProposalTestData.Noon(new DateOnly(2026, 12, 1)));
            db.Cycles.Add(cycle);
            return Task.CompletedTask;
        });
        var draftId = await data.ReadAsync(db => db.Cycles.Where(c => c.FiscalYear == 2099 && c.JurisdictionUbigeo == "0803").Select(c => c.Id).SingleAsync());

        var url = $"/Cycles/Rules/{draftId}";
        var saved = await manager.SubmitAsync(url, "form.proposal-rules-form",
            ("Proposals.MinimumBeneficiaries", "150"), ("Proposals.ThemeVoting", "Points"), ("Proposals.ThemePointsPerAgent", "12"),
            ("Proposals.ThemePriorityUse", "Weight"), ("Proposals.ThemeBonusPercent", "15"), ("Proposals.DisagreementLevels", "3"), ("Proposals.ObservationAnswerDays", "7"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rules = await data.ReadAsync(db => db.Cycles.Where(c => c.Id == draftId).Select(c => c.ProposalRules).SingleAsync());
        var expected = ProposalRules.Default with
        {
            MinimumBeneficiaries = 150,
            ThemeVoting = ThemeVoteMethod.Points,
            ThemePointsPerAgent = 12,
            ThemePriorityUse = ThemePriorityUse.Weight,
            ThemeBonusPercent = 15,
            DisagreementLevels = 3,
            ObservationAnswerDays = 7,
        };
        Assert.Equal(expected, rules);

        var tooLong = await manager.SubmitAsync(url, "form.proposal-rules-form", ("Proposals.ObservationAnswerDays", "90"));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Equal(7, (await data.ReadAsync(db => db.Cycles.Where(c => c.Id == draftId).Select(c => c.ProposalRules).SingleAsync())).ObservationAnswerDays);

        // In Concertation the form is disabled and a forged post changes nothing.
        var frozen = await manager.GetPageAsync($"/Cycles/Rules/{data.CycleId}");
        Assert.NotNull(frozen.QuerySelector("form.proposal-rules-form fieldset[disabled]"));
        var before = await data.ReadAsync(db => db.Cycles.Where(c => c.Id == data.CycleId).Select(c => c.ProposalRules).SingleAsync());
        var forged = await manager.PostWithTokenAsync($"/Cycles/Rules/{data.CycleId}", $"/Cycles/Rules/{data.CycleId}?handler=Proposals",
            ("Proposals.MinimumBeneficiaries", "9999"), ("Proposals.ThemeVoting", "Ranking"), ("Proposals.ThemePointsPerAgent", "10"),
            ("Proposals.ThemePriorityUse", "None"), ("Proposals.ThemeBonusPercent", "20"), ("Proposals.DisagreementLevels", "2"), ("Proposals.ObservationAnswerDays", "5"));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(before, await data.ReadAsync(db => db.Cycles.Where(c => c.Id == data.CycleId).Select(c => c.ProposalRules).SingleAsync()));
    }
}
