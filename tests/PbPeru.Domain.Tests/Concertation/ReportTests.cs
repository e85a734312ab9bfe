using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using static PbPeru.Domain.Tests.Concertation.EvaluationTestData;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class ReportTests
{
    private static readonly DateTimeOffset Submitted = new(2025, 4, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Ceiling S/ 1,500,000: three viable proposals of S/ 700,000 and one not viable.</summary>
    private static (Cycle Cycle, List<ReportedProposal> Proposals) Evaluated()
    {
        var cycle = Cycle();
        var proposals = new List<ReportedProposal>();
        var cost = Money.FromSoles(700_000m);
        foreach (var (id, scores) in new[] { (21, new[] { 3, 3, 3, 3, 3 }), (22, [1, 1, 1, 1, 1]), (23, [2, 2, 2, 2, 2]) })
        {
            var review = Review(cycle, id, Ana);
            review.RecordSheet(cycle, Ana, Viable(scores), cost, Today, Now);
            proposals.Add(new ReportedProposal(id, $"Proyecto {id}", cost, Money.FromSoles(100_000m), 500, Submitted, null, review));
        }

        var rejected = Review(cycle, 24, Ana);
        Record(rejected, cycle, Ana, NotViable("Fuera del distrito."));
        proposals.Add(new ReportedProposal(24, "Proyecto 24", Estimate, Money.Zero, 100, Submitted, null, rejected));
        return (cycle, proposals);
    }

    [Fact]
    public void Publish_EverythingEvaluated_FreezesARankedSnapshotWithinTheCeiling()
    {
        var (cycle, proposals) = Evaluated();
        var report = TechnicalReport.For(cycle);

        report.Publish(cycle, Manager, proposals, Today, Now);

        Assert.True(report.IsPublished);
        Assert.Equal("Rosa Quispe", report.PublishedBy);
        Assert.Equal(TestCycles.DefaultCeiling, report.Ceiling);
        Assert.Equal([21, 23, 22, 24], report.Entries.Select(e => e.ProposalId));
        Assert.Equal([1, 2, 3, null], report.Entries.Select(e => e.Rank));
        Assert.Equal([true, true, false, false], report.Entries.Select(e => e.Selected));
        Assert.Equal(Money.FromSoles(1_200_000m), report.SelectedTotal);
        var third = report.Entries[2];
        Assert.Equal(Money.FromSoles(600_000m), third.RequestedAmount);
        Assert.Equal(Money.FromSoles(300_000m), third.RemainingBefore);
        Assert.Equal(LeftOutBecause.DoesNotFit, third.LeftOut);
        Assert.Equal("Fuera del distrito.", report.Entries[3].Reason);
        Assert.Equal(Messages.LeftOutNotViable.Format("Fuera del distrito."), report.Entries[3].LeftOutReason);
        Assert.Equal(100m, report.Entries[0].Score);
        Assert.Equal([3m, 3m, 3m, 3m, 3m], report.Entries[0].Scores.Select(s => s.Mean));
        Assert.Empty(report.Entries[3].Scores);
        Assert.Equal(5, report.Criteria.Count);
        Assert.All(proposals, p => Assert.True(p.Review!.IsFrozen));
    }

    [Fact]
    public void Publish_WithAProposalNotEvaluated_IsRefusedCountingThem()
    {
        using var culture = CultureScope.English();
        var (cycle, proposals) = Evaluated();
        var disputed = Review(cycle, 25, Ana, Beto);
        Record(disputed, cycle, Ana, Viable(3, 3, 3, 3, 3));
        Record(disputed, cycle, Beto, Viable(0, 3, 3, 3, 3));
        proposals.Add(new ReportedProposal(25, "Proyecto 25", Estimate, Money.Zero, 10, Submitted, null, disputed));
        proposals.Add(new ReportedProposal(26, "Proyecto 26", Estimate, Money.Zero, 10, Submitted, null, Review: null));
        var report = TechnicalReport.For(cycle);

        var error = Assert.Throws<DomainException>(() => report.Publish(cycle, Manager, proposals, Today, Now));

        Assert.Equal("2 proposals still await technical evaluation.", error.Message);
        Assert.False(report.IsPublished);
        Assert.Empty(report.Entries);
        Assert.All(proposals.Where(p => p.Review is not null), p => Assert.False(p.Review!.IsFrozen));
    }

    [Fact]
    public void Publish_WithAnObservationOpen_IsRefused()
    {
        var (cycle, proposals) = Evaluated();
        var observed = Review(cycle, 25, Ana);
        Record(observed, cycle, Ana, Observed());
        proposals.Add(new ReportedProposal(25, "Proyecto 25", Estimate, Money.Zero, 10, Submitted, null, observed));

        var error = Assert.Throws<DomainException>(() => TechnicalReport.For(cycle).Publish(cycle, Manager, proposals, Today, Now));

        Assert.Equal(Messages.ProposalNotEvaluatedOne.Format(), error.Message);
    }

    [Fact]
    public void Publish_Twice_IsRefused()
    {
        var (cycle, proposals) = Evaluated();
        var report = TechnicalReport.For(cycle);
        report.Publish(cycle, Manager, proposals, Today, Now);

        var error = Assert.Throws<DomainException>(() => report.Publish(cycle, Manager, proposals, Today, Now));

        Assert.Equal(Messages.TechnicalReportAlreadyPublished.Format(), error.Message);
    }

    [Fact]
    public void Publish_ByAnotherJurisdictionsManager_IsRefused()
    {
        var (cycle, proposals) = Evaluated();

        var error = Assert.Throws<DomainException>(() => TechnicalReport.For(cycle).Publish(cycle, TestCycles.OtherManager, proposals, Today, Now));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
    }

    [Fact]
    public void AfterPublishing_EveryChangeToTheEvaluationIsRefused()
    {
        var (cycle, proposals) = Evaluated();
        var observedReview = Review(cycle, 25, Ana);
        Record(observedReview, cycle, Ana, Observed());
        Record(observedReview, cycle, Ana, Viable(2, 2, 2, 2, 2), now: Now.AddMinutes(5));
        observedReview.Answer(ProposerUser, "Respuesta.", Today, Now);
        proposals.Add(new ReportedProposal(25, "Proyecto 25", Estimate, Money.Zero, 10, Submitted, null, observedReview));
        TechnicalReport.For(cycle).Publish(cycle, Manager, proposals, Today, Now);
        var review = proposals[0].Review!;
        var expected = Messages.TechnicalReportAlreadyPublished.Format();

        Assert.Equal(expected, Assert.Throws<DomainException>(() => Record(review, cycle, Ana, Viable(1, 1, 1, 1, 1))).Message);
        Assert.Equal(expected, Assert.Throws<DomainException>(() => review.Assign(cycle, Manager, Beto, "Beto Rojas", Now)).Message);
        Assert.Equal(expected, Assert.Throws<DomainException>(() => review.Unassign(cycle, Manager, Ana)).Message);
        Assert.Equal(expected, Assert.Throws<DomainException>(() => review.RecordConsolidation(cycle, Manager, Viability.NotViable, null, "Acta.", Today, Now)).Message);
        Assert.Equal(expected, Assert.Throws<DomainException>(() => observedReview.Answer(ProposerUser, "Otra.", Today, Now)).Message);
        Assert.Equal(Viability.Viable, review.Sheets[0].Viability);
    }
}
