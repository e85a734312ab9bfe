using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class RecommendationTests
{
    private static readonly DateTimeOffset Submitted = new(2025, 4, 20, 12, 0, 0, TimeSpan.Zero);

    private static RecommendationCandidate Viable(int id, decimal score, decimal soles, int beneficiaries = 1000, int submittedDay = 0) =>
        new(id, $"Proyecto {id}", Viability.Viable, "Sustentado.", score, Money.FromSoles(soles), beneficiaries, Submitted.AddDays(submittedDay));

    private static RecommendationCandidate NotViable(int id, string reason) =>
        new(id, $"Proyecto {id}", Viability.NotViable, reason, null, Money.FromSoles(100m), 10, Submitted);

    [Fact]
    public void Build_RanksViableProposalsByScoreHighestFirst()
    {
        var result = Recommendation.Build(Money.FromSoles(1_000m), [Viable(1, 40m, 100m), Viable(2, 90m, 100m), Viable(3, 65.5m, 100m)]);

        Assert.Equal([2, 3, 1], result.Rows.Select(r => r.Candidate.ProposalId));
        Assert.Equal([1, 2, 3], result.Rows.Select(r => r.Rank!.Value));
        Assert.All(result.Rows, r => Assert.True(r.Selected));
    }

    [Fact]
    public void Build_TiedScores_LowerRequestedAmountComesFirst()
    {
        var result = Recommendation.Build(Money.FromSoles(1_000m), [Viable(1, 70m, 300m), Viable(2, 70m, 200m)]);

        Assert.Equal([2, 1], result.Rows.Select(r => r.Candidate.ProposalId));
    }

    [Fact]
    public void Build_TiedScoreAndAmount_MoreBeneficiariesComeFirst()
    {
        var result = Recommendation.Build(Money.FromSoles(1_000m), [Viable(1, 70m, 200m, beneficiaries: 500), Viable(2, 70m, 200m, beneficiaries: 800)]);

        Assert.Equal([2, 1], result.Rows.Select(r => r.Candidate.ProposalId));
    }

    [Fact]
    public void Build_TiedScoreAmountAndBeneficiaries_EarlierSubmissionComesFirst()
    {
        var result = Recommendation.Build(Money.FromSoles(1_000m), [Viable(1, 70m, 200m, submittedDay: 3), Viable(2, 70m, 200m, submittedDay: 1)]);

        Assert.Equal([2, 1], result.Rows.Select(r => r.Candidate.ProposalId));
    }

    [Fact]
    public void Build_TiedOnEverything_LowerProposalIdComesFirst()
    {
        var result = Recommendation.Build(Money.FromSoles(1_000m), [Viable(9, 70m, 200m), Viable(4, 70m, 200m)]);

        Assert.Equal([4, 9], result.Rows.Select(r => r.Candidate.ProposalId));
    }

    [Fact]
    public void Build_ScoresEqualAsPublished_AreTiedDespiteFurtherDecimals()
    {
        // Both show as 66.67: the tie is broken by the documented order (lower amount), not by hidden digits.
        var result = Recommendation.Build(Money.FromSoles(1_000m), [Viable(1, 66.6700001m, 300m), Viable(2, 66.666666m, 200m)]);

        Assert.Equal([2, 1], result.Rows.Select(r => r.Candidate.ProposalId));
    }

    [Fact]
    public void Build_ExactFitOfTheRemainingCeiling_IsSelected()
    {
        var result = Recommendation.Build(Money.FromSoles(1_000m), [Viable(1, 90m, 600m), Viable(2, 80m, 400m)]);

        Assert.All(result.Rows, r => Assert.True(r.Selected));
        Assert.Equal(Money.FromSoles(1_000m), result.SelectedTotal);
        Assert.Equal(Money.Zero, result.Remaining);
    }

    [Fact]
    public void Build_OneCentimoOverTheRemainingCeiling_IsSkippedAndTheNextThatFitsIsSelected()
    {
        var result = Recommendation.Build(Money.FromSoles(1_000m), [Viable(1, 90m, 600m), Viable(2, 80m, 400.01m), Viable(3, 70m, 400m), Viable(4, 60m, 0.01m)]);

        var rows = result.Rows.ToDictionary(r => r.Candidate.ProposalId);
        Assert.True(rows[1].Selected);
        Assert.False(rows[2].Selected);
        Assert.Equal(LeftOutBecause.DoesNotFit, rows[2].LeftOut);
        Assert.Equal(Money.FromSoles(400m), rows[2].RemainingBefore);
        Assert.Equal(2, rows[2].Rank);
        Assert.True(rows[3].Selected);
        Assert.False(rows[4].Selected);
        Assert.Equal(Money.Zero, rows[4].RemainingBefore);
        Assert.Equal(Money.FromSoles(1_000m), result.SelectedTotal);
    }

    [Fact]
    public void Build_DoesNotFit_SaysWhatItNeedsAndWhatRemains()
    {
        using var culture = CultureScope.Spanish();

        var result = Recommendation.Build(Money.FromSoles(1_000m), [Viable(1, 90m, 600m), Viable(2, 80m, 400.01m)]);

        Assert.Equal("No alcanza el techo: requiere S/ 400.01 y quedan S/ 400.00.", result.Rows[1].LeftOutReason);
        Assert.Null(result.Rows[0].LeftOutReason);
    }

    [Fact]
    public void Build_NotViable_IsLeftOutWithItsReasonAndNoRankAfterTheRanked()
    {
        using var culture = CultureScope.English();

        var result = Recommendation.Build(Money.FromSoles(1_000m), [NotViable(3, "Duplicates an ongoing project."), Viable(5, 10m, 100m), NotViable(1, "Outside the district.")]);

        Assert.Equal([5, 1, 3], result.Rows.Select(r => r.Candidate.ProposalId));
        Assert.Equal([1, null, null], result.Rows.Select(r => r.Rank));
        Assert.Equal("Not viable: Outside the district.", result.Rows[1].LeftOutReason);
        Assert.Equal(LeftOutBecause.NotViable, result.Rows[2].LeftOut);
        Assert.Equal(Money.FromSoles(100m), result.SelectedTotal);
    }

    [Fact]
    public void Build_ObservedCandidate_IsAProgrammingError()
    {
        var observed = Viable(1, 50m, 100m) with { Verdict = Viability.Observed };

        Assert.Throws<ArgumentException>(() => Recommendation.Build(Money.FromSoles(1_000m), [observed]));
    }

    [Theory]
    [InlineData(1000, 250, 750)]
    [InlineData(1000, 1000, 0)]
    [InlineData(800, 1000, 0)]
    public void RequestedAmount_IsFinalCostLessCofinancingNeverBelowZero(decimal cost, decimal cofinancing, decimal requested) =>
        Assert.Equal(Money.FromSoles(requested), Recommendation.RequestedAmount(Money.FromSoles(cost), Money.FromSoles(cofinancing)));
}
