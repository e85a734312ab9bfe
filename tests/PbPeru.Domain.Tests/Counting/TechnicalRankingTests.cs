using PbPeru.Domain.Counting;

namespace PbPeru.Domain.Tests.Counting;

[Trait("Capability", "Voting")]
public class TechnicalRankingTests
{
    [Fact]
    public void TechnicalRanking_TakesHigherScoresFirst_WhileTheyFit()
    {
        var result = CountingRules.TechnicalRanking(10, [new("a", 4, 70m), new("b", 5, 90.5m), new("c", 3, 80m)]);

        Assert.Equal("technical-ranking", result.Rule);
        Assert.Equal(["b", "c"], result.Selected);
        Assert.Equal(8, result.TotalCost);
    }

    [Fact]
    public void TechnicalRanking_ProjectCostingExactlyWhatIsLeft_IsTaken() =>
        Assert.Equal(["b", "a"], CountingRules.TechnicalRanking(10, [new("a", 4, 70m), new("b", 6, 90m)]).Selected);

    [Fact]
    public void TechnicalRanking_ProjectOneUnitTooExpensive_IsSkippedAndTheNextTried() =>
        Assert.Equal(["b", "c"], CountingRules.TechnicalRanking(10, [new("a", 5, 80m), new("b", 6, 90m), new("c", 4, 70m)]).Selected);

    [Fact]
    public void TechnicalRanking_UnscoredProjects_ComeAfterEveryScoredOne()
    {
        var result = CountingRules.TechnicalRanking(100, [new("cheap", 1, null), new("low", 50, 0m), new("high", 30, 99m)]);

        Assert.Equal(["high", "low", "cheap"], result.Selected);
    }

    [Fact]
    public void TechnicalRanking_UnscoredProject_GetsOnlyWhatScoredOnesLeave() =>
        Assert.Equal(["scored"], CountingRules.TechnicalRanking(10, [new("unscored", 4, null), new("scored", 8, 10m)]).Selected);

    [Fact]
    public void TechnicalRanking_Tie_DefaultOrder_TakesTheCheaperThenTheFirstId()
    {
        // Same score: the cheaper first; same score and cost: the first id.
        var result = CountingRules.TechnicalRanking(10, [new("z", 6, 80m), new("y", 5, 80m), new("x", 5, 80m)]);

        Assert.Equal(["x", "y"], result.Selected);
    }

    [Fact]
    public void TechnicalRanking_Tie_HigherCostOrder_TakesTheDearer() =>
        Assert.Equal(["z"], CountingRules.TechnicalRanking(10, [new("z", 6, 80m), new("y", 5, 80m)], new([TieBreak.HigherCost, TieBreak.ProjectId])).Selected);

    [Fact]
    public void TechnicalRanking_TiedUnscoredProjects_FollowTheTieOrder() =>
        Assert.Equal(["b", "a"], CountingRules.TechnicalRanking(10, [new("a", 5, null), new("b", 4, null)]).Selected);

    [Fact]
    public void TechnicalRanking_Details_CarryTheScoreAndNoSupport()
    {
        var result = CountingRules.TechnicalRanking(10, [new("a", 4, 70.25m), new("b", 5, null)]);

        Assert.Equal(
            [new SelectedProjectDetail("a", 4, 0) { Score = 70.25m }, new SelectedProjectDetail("b", 5, 0)],
            result.Details);
    }
}
