using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using static PbPeru.Domain.Tests.Concertation.EvaluationTestData;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class ConsolidationTests
{
    [Fact]
    public void Compute_OneEvaluator_WeighsEachCriterionByTheShareOfItsScaleReached()
    {
        var cycle = Cycle();

        var result = Consolidation.Compute(cycle.Criteria, [Verdict(3, 2, 1, 0, 3)], cycle.ProposalRules, null);

        // 25 × 3/3 + 25 × 2/3 + 20 × 1/3 + 20 × 0/3 + 10 × 3/3
        Assert.Equal(58.33m, Consolidation.Round(result.Score!.Value));
        Assert.Equal([25m, 25m * 2 / 3, 20m / 3, 0m, 10m], result.Criteria.Select(c => c.Points!.Value));
        Assert.Equal(result.BaseScore, result.Score);
        Assert.False(result.Disagreement);
    }

    [Fact]
    public void Compute_TopAndBottomOfEveryScale_Give100And0()
    {
        var cycle = Cycle();

        Assert.Equal(100m, Consolidation.Compute(cycle.Criteria, [Verdict(3, 3, 3, 3, 3)], cycle.ProposalRules, null).Score);
        Assert.Equal(0m, Consolidation.Compute(cycle.Criteria, [Verdict(0, 0, 0, 0, 0)], cycle.ProposalRules, null).Score);
    }

    [Fact]
    public void Compute_SeveralEvaluators_TakesTheMeanPerCriterionThenTheWeightedSum()
    {
        var cycle = Cycle();

        var result = Consolidation.Compute(cycle.Criteria, [Verdict(3, 2, 1, 1, 0), Verdict(2, 2, 2, 1, 1), Verdict(2, 2, 2, 1, 2)], cycle.ProposalRules, null);

        Assert.Equal([7m / 3, 2m, 5m / 3, 1m, 1m], result.Criteria.Select(c => c.Mean!.Value));
        // 25 × (7/3)/3 + 25 × 2/3 + 20 × (5/3)/3 + 20 × 1/3 + 10 × 1/3 = 19.44 + 16.67 + 11.11 + 6.67 + 3.33
        Assert.Equal(57.22m, Consolidation.Round(result.Score!.Value));
        Assert.Equal(3, result.ScoredSheets);
    }

    [Fact]
    public void Compute_ScaleNotStartingAtZero_MeasuresFromItsLowestLevel()
    {
        var cycle = Cycle(criteria: [Criterion("Impacto", 60, 1, 2, 3, 4, 5), Criterion("Costo", 40, 1, 3, 5)]);

        var result = Consolidation.Compute(cycle.Criteria, [Verdict(4, 1)], cycle.ProposalRules, null);

        // 60 × (4 − 1)/(5 − 1) + 40 × 0
        Assert.Equal(45m, result.Score);
    }

    [Fact]
    public void Compute_OnlyViableSheetsAreScored_AndWithNoneThereIsNoScore()
    {
        var cycle = Cycle();
        var notViable = new EvaluatorVerdict(Viability.NotViable, Scores());

        var mixed = Consolidation.Compute(cycle.Criteria, [Verdict(3, 3, 3, 3, 3), notViable], cycle.ProposalRules, null);
        var none = Consolidation.Compute(cycle.Criteria, [notViable, notViable], cycle.ProposalRules, null);

        Assert.Equal(100m, mixed.Score);
        Assert.Equal(1, mixed.ScoredSheets);
        Assert.Null(none.Score);
        Assert.Null(none.BaseScore);
    }

    [Theory]
    [InlineData(2, 1, 3, true)]
    [InlineData(2, 1, 2, false)]
    [InlineData(3, 0, 3, true)]
    [InlineData(3, 1, 3, false)]
    [InlineData(1, 2, 2, false)]
    public void Compute_SpreadOnACriterion_IsFlaggedFromTheCycleThreshold(int threshold, int low, int high, bool flagged)
    {
        var cycle = Cycle(r => r with { DisagreementLevels = threshold });

        var result = Consolidation.Compute(cycle.Criteria, [Verdict(low, 2, 2, 2, 2), Verdict(high, 2, 2, 2, 2)], cycle.ProposalRules, null);

        Assert.Equal(flagged, result.Disagreement);
        Assert.Equal(flagged ? [1] : [], result.DisagreedCriteria.Select(c => c.CriterionId));
        Assert.Equal(high - low, result.Criteria[0].Spread);
    }

    [Fact]
    public void Compute_VerdictsThatDiffer_AreFlaggedEvenWithoutScoreSpread()
    {
        var cycle = Cycle();

        var result = Consolidation.Compute(cycle.Criteria, [Verdict(2, 2, 2, 2, 2), new EvaluatorVerdict(Viability.NotViable, Scores())], cycle.ProposalRules, null);

        Assert.True(result.VerdictsDiffer);
        Assert.True(result.Disagreement);
        Assert.Empty(result.DisagreedCriteria);
    }

    [Theory]
    [InlineData(1.0, 60.0)]
    [InlineData(0.5, 55.0)]
    [InlineData(0.0, 50.0)]
    public void Compute_ThemePriorityAsWeight_MultipliesByOnePlusBonusTimesPriority(double priority, double expected)
    {
        var cycle = Cycle(r => r with { ThemePriorityUse = ThemePriorityUse.Weight, ThemeBonusPercent = 20 });

        // Base: 25 × 1 + 25 × 1 + 0 + 0 + 0 = 50
        var result = Consolidation.Compute(cycle.Criteria, [Verdict(3, 3, 0, 0, 0)], cycle.ProposalRules, (decimal)priority);

        Assert.Equal(50m, result.BaseScore);
        Assert.Equal((decimal)expected, result.Score);
    }

    [Fact]
    public void Compute_ThemePriorityAsCriterion_ScoresTheLastCriterionFromThePriority()
    {
        var cycle = Cycle(r => r with { ThemePriorityUse = ThemePriorityUse.Criterion });

        var result = Consolidation.Compute(cycle.Criteria, [new EvaluatorVerdict(Viability.Viable, Scores(3, 3, 3, 3))], cycle.ProposalRules, 0.5m);

        var derived = result.Criteria[^1];
        Assert.True(derived.FromThemePriority);
        Assert.Equal(1.5m, derived.Mean);
        Assert.Equal(5m, derived.Points);
        Assert.Equal(95m, result.Score);
        Assert.Equal([1, 2, 3, 4], Consolidation.TypedCriteria(cycle.Criteria, cycle.ProposalRules).Select(c => c.Id));
    }

    [Fact]
    public void Compute_CycleUsingThemePriorityWithoutOne_IsAProgrammingError()
    {
        var cycle = Cycle(r => r with { ThemePriorityUse = ThemePriorityUse.Weight });

        Assert.Throws<ArgumentException>(() => Consolidation.Compute(cycle.Criteria, [Verdict(3, 3, 3, 3, 3)], cycle.ProposalRules, null));
    }

    [Theory]
    [InlineData(58.334, 58.33)]
    [InlineData(58.335, 58.34)]
    [InlineData(58.3349999, 58.33)]
    public void Round_KeepsTwoDecimalsHalfAwayFromZero(double score, double shown) =>
        Assert.Equal((decimal)shown, Consolidation.Round((decimal)score));
}
