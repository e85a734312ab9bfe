using PbPeru.Domain.Common;
using PbPeru.Domain.Counting;

namespace PbPeru.Domain.Tests.Counting;

[Trait("Capability", "Voting")]
public class CountingRulesTests
{
    private static readonly TieOrder HigherCostFirst = new([TieBreak.HigherCost, TieBreak.ProjectId]);
    private static readonly TieOrder IdFirst = new([TieBreak.ProjectId]);
    private static readonly TieOrder MoreSupportFirst = new([TieBreak.MoreSupport, TieBreak.ProjectId]);

    private static Election Election(long budget, (string Id, long Cost)[] projects, params string[][] ballots) =>
        new(budget, [.. projects.Select(p => new ElectionProject(p.Id, p.Cost))], [.. ballots.Select(b => Ballot.Approval(b))]);

    // x costs 5, y costs 3, both with two approvals: only one fits in 5.
    private static Election GreedyTie() => Election(5, [("x", 5), ("y", 3)], ["x", "y"], ["x", "y"]);

    [Fact]
    public void Greedy_Tie_DefaultOrder_TakesTheCheaperProject() =>
        Assert.Equal(["y"], CountingRules.Greedy(GreedyTie()).Selected);

    [Fact]
    public void Greedy_Tie_HigherCostOrder_TakesTheDearerProject() =>
        Assert.Equal(["x"], CountingRules.Greedy(GreedyTie(), HigherCostFirst).Selected);

    [Fact]
    public void Greedy_Tie_IdOrder_TakesTheFirstId() =>
        Assert.Equal(["x"], CountingRules.GreedyNoSkip(GreedyTie(), IdFirst).Selected);

    [Fact]
    public void Greedy_ProjectCostingExactlyWhatIsLeft_IsTaken()
    {
        var election = Election(10, [("a", 6), ("b", 4)], ["a", "b"], ["a", "b"], ["a"]);

        var result = CountingRules.Greedy(election);

        Assert.Equal(["a", "b"], result.Selected);
        Assert.Equal(10, result.TotalCost);
    }

    [Fact]
    public void Greedy_ProjectOneUnitTooExpensive_IsSkippedAndTheNextTried()
    {
        var election = Election(10, [("a", 6), ("b", 5), ("c", 4)], ["a", "b", "c"], ["a", "b"], ["a"]);

        Assert.Equal(["a", "c"], CountingRules.Greedy(election).Selected);
        Assert.Equal(["a"], CountingRules.GreedyNoSkip(election).Selected);
    }

    [Fact]
    public void GreedyThreshold_ProjectBelowThreshold_IsNotEligible()
    {
        var election = Election(100, [("a", 6), ("b", 5)], ["a", "b"], ["a"]);

        Assert.Equal(["a"], CountingRules.GreedyThreshold(election, 2).Selected);
        Assert.Equal(["a", "b"], CountingRules.Greedy(election).Selected);
    }

    [Fact]
    public void Greedy_EmptyBallotsAndAVoterApprovingNothingAffordable_ChangeNothing()
    {
        var election = Election(10, [("a", 8), ("z", 100)], ["a"], ["a"], ["z"], [], []);

        Assert.Equal(["a"], CountingRules.Greedy(election).Selected);
        Assert.Equal(["a"], CountingRules.GreedyNoSkip(election).Selected);
    }

    [Fact]
    public void Greedy_CumulativeBallots_CountPoints()
    {
        var election = new Election(
            5,
            [new("a", 5), new("b", 5)],
            [new Ballot(["a", "b"], [1, 5]), new Ballot(["a"], [3])]);

        Assert.Equal(["b"], CountingRules.Greedy(election).Selected);
    }

    // Two voters approve x (5) and y (3), B = 6: both have ρ = 1/2, and after one the other is unaffordable.
    private static Election MesTie() => Election(6, [("x", 5), ("y", 3)], ["x", "y"], ["x", "y"]);

    [Fact]
    public void Mes_Tie_DefaultOrder_TakesTheCheaperProject() =>
        Assert.Equal(["y"], CountingRules.EqualShares(MesTie()).Selected);

    [Fact]
    public void Mes_Tie_HigherCostOrder_TakesTheDearerProject() =>
        Assert.Equal(["x"], CountingRules.EqualShares(MesTie(), HigherCostFirst).Selected);

    [Fact]
    public void Mes_Tie_IdOrder_TakesTheFirstId() =>
        Assert.Equal(["x"], CountingRules.EqualShares(MesTie(), IdFirst).Selected);

    [Fact]
    public void Mes_ProjectCostingExactlyWhatIsLeft_IsBought()
    {
        var election = Election(10, [("a", 6), ("b", 4)], ["a", "b"], ["a", "b"]);

        Assert.Equal(["b", "a"], CountingRules.EqualShares(election).Selected);
        Assert.Equal(["b", "a"], CountingRules.EqualSharesAdd1(election).Selected);
    }

    [Fact]
    public void Mes_ProjectOneUnitTooExpensive_IsNotBought()
    {
        var election = Election(10, [("a", 7), ("b", 4)], ["a", "b"], ["a", "b"]);

        Assert.Equal(["b"], CountingRules.EqualShares(election).Selected);
        Assert.Equal(["b"], CountingRules.EqualSharesAdd1(election).Selected);
    }

    [Fact]
    public void Mes_EmptyBallots_CountInTheNumberOfVoters()
    {
        // With n = 2 the one supporter holds 5 of the 10, short of 6; without the empty ballot it would hold 10.
        var withEmpty = Election(10, [("a", 6)], ["a"], []);
        var withoutEmpty = Election(10, [("a", 6)], ["a"]);

        Assert.Empty(CountingRules.EqualShares(withEmpty).Selected);
        Assert.Equal(["a"], CountingRules.EqualShares(withoutEmpty).Selected);
    }

    [Fact]
    public void Mes_Add1_RaisesBudgetsWhileTheOutcomeFits()
    {
        // Per voter 10/2 = 5 < 6; at 6 each a is bought and costs 6 ≤ 10; at 7 nothing more changes until all is spent.
        var election = Election(10, [("a", 6)], ["a"], []);

        Assert.Equal(["a"], CountingRules.EqualSharesAdd1(election).Selected);
    }

    [Fact]
    public void Mes_VoterApprovingNothingAffordable_DoesNotBlockOthers()
    {
        var election = Election(12, [("a", 8), ("z", 100)], ["a"], ["a"], ["z"]);

        Assert.Equal(["a"], CountingRules.EqualShares(election).Selected);
        Assert.Equal(["a"], CountingRules.EqualSharesAdd1(election).Selected);
        Assert.Equal(["a"], CountingRules.EqualSharesAdd1Comparison(election).Selected);
    }

    [Fact]
    public void Mes_Add1Comparison_KeepsGreedyWhenMoreVotersPreferIt()
    {
        // Three voters want the dear project d; MES gives them nothing and spends on c for one voter,
        // but the greedy outcome {d} is preferred by three voters against one.
        var election = Election(10, [("d", 10), ("c", 2)], ["d"], ["d"], ["d"], ["c"], [], [], [], [], [], []);

        Assert.Equal(["c"], CountingRules.EqualSharesAdd1(election).Selected.Take(1));
        Assert.Equal(["d"], CountingRules.EqualSharesAdd1Comparison(election).Selected);
    }

    [Fact]
    public void Mes_Add1_OnlyEmptyBallots_SelectsNothing() =>
        Assert.Empty(CountingRules.EqualSharesAdd1(Election(10, [("a", 6)], [], [])).Selected);

    [Fact]
    public void Mes_PointBallots_AreRefused()
    {
        var election = new Election(5, [new("a", 5)], [new Ballot(["a"], [3])]);

        Assert.Throws<DomainException>(() => CountingRules.EqualShares(election));
    }

    // v1, v2 approve x (4); v3 approves y (2); B = 4: both have t = 2, and after one the other does not fit.
    private static Election PhragmenTie() => Election(4, [("x", 4), ("y", 2)], ["x"], ["x"], ["y"]);

    [Fact]
    public void Phragmen_Tie_DefaultOrder_TakesTheCheaperProject() =>
        Assert.Equal(["y"], CountingRules.Phragmen(PhragmenTie()).Selected);

    [Fact]
    public void Phragmen_Tie_HigherCostOrder_TakesTheDearerProject() =>
        Assert.Equal(["x"], CountingRules.Phragmen(PhragmenTie(), HigherCostFirst).Selected);

    [Fact]
    public void Phragmen_Tie_MoreSupportOrder_TakesTheMoreSupportedProject() =>
        Assert.Equal(["x"], CountingRules.Phragmen(PhragmenTie(), MoreSupportFirst).Selected);

    [Fact]
    public void Phragmen_Tie_IdOrder_TakesTheFirstId() =>
        Assert.Equal(["x"], CountingRules.Phragmen(PhragmenTie(), IdFirst).Selected);

    [Fact]
    public void Phragmen_ProjectCostingExactlyWhatIsLeft_IsBought() =>
        Assert.Equal(["b", "a"], CountingRules.Phragmen(Election(10, [("a", 6), ("b", 4)], ["a", "b"], ["a", "b"])).Selected);

    [Fact]
    public void Phragmen_ProjectOneUnitTooExpensive_StopsTheCount() =>
        Assert.Equal(["b"], CountingRules.Phragmen(Election(10, [("a", 7), ("b", 4)], ["a", "b"], ["a", "b"])).Selected);

    [Fact]
    public void Phragmen_EmptyBallotsAndAVoterApprovingNothingAffordable()
    {
        var election = Election(10, [("a", 8), ("z", 100)], ["a"], ["a"], [], []);

        Assert.Equal(["a"], CountingRules.Phragmen(election).Selected);
        Assert.Empty(CountingRules.Phragmen(Election(10, [("z", 100)], ["z"], [])).Selected);
    }

    [Fact]
    public void Rational_IsNormalizedAndOrderedExactly()
    {
        Assert.Equal(new Rational(1, 2), new Rational(-3, -6));
        Assert.Equal("-1/3", new Rational(2, -6).ToString());
        Assert.True(new Rational(1, 3) < new Rational(334, 1000));
        Assert.Equal(Rational.Zero, new Rational(1, 3) + new Rational(2, 3) - 1);
        Assert.Equal(new Rational(2, 9), new Rational(1, 3) * new Rational(2, 3));
    }
}
