using PbPeru.Domain.Counting;

namespace PbPeru.Domain.Tests.Counting;

/// <summary>What the result page shows beside each selected project: cost, support and, for MES, what it cost its supporters.</summary>
[Trait("Capability", "Voting")]
public class CountDetailsTests
{
    // B = 60, six voters: 10 each. r (30) is approved by v1–v5, q (15) by v1, v2 and v6.
    // MES buys r first (ρ = 1/5: five pay 6 each), leaving v1 and v2 with 4: for q the equal share
    // is 7, which v6 pays in full while v1 and v2 pay their last 4 each (7 + 8 = 15).
    private static Election TwoRounds() => new(
        60,
        [new("r", 30), new("q", 15)],
        [
            Ballot.Approval("r", "q"), Ballot.Approval("r", "q"), Ballot.Approval("r"),
            Ballot.Approval("r"), Ballot.Approval("r"), Ballot.Approval("q"),
        ]);

    [Fact]
    public void Mes_Details_SayWhatEachProjectCostItsSupporters()
    {
        var result = CountingRules.EqualShares(TwoRounds());

        Assert.Equal(["r", "q"], result.Selected);
        Assert.Equal(
            [
                new SelectedProjectDetail("r", 30, 5) { Payment = new EqualSharesPayment(6, 5, 0, Rational.Zero) },
                new SelectedProjectDetail("q", 15, 3) { Payment = new EqualSharesPayment(7, 1, 2, 8) },
            ],
            result.Details);
    }

    [Fact]
    public void Mes_Payments_AddUpToTheCost()
    {
        foreach (var detail in CountingRules.EqualShares(TwoRounds()).Details)
        {
            var payment = detail.Payment!;
            Assert.Equal((Rational)detail.Cost, (payment.EqualShare * payment.FullPayers) + payment.PartialPaid);
        }
    }

    [Fact]
    public void Mes_EqualShare_IsExact()
    {
        // Three voters share a project of 10: each pays 10/3, not 3.33.
        var election = new Election(30, [new("a", 10)], [Ballot.Approval("a"), Ballot.Approval("a"), Ballot.Approval("a")]);

        Assert.Equal(new Rational(10, 3), CountingRules.EqualShares(election).Details.Single().Payment!.EqualShare);
    }

    [Fact]
    public void MesAdd1_Details_AreThoseOfTheFinalRun()
    {
        // With q at 19, the first run buys only r (v1, v2 and v6 hold 18). Raised to 11 each, they
        // hold 5, 5 and 11 after r: q's share is 9, paid in full by v6, v1 and v2 paying 5 each.
        var election = new Election(
            60,
            [new("r", 30), new("q", 19)],
            [
                Ballot.Approval("r", "q"), Ballot.Approval("r", "q"), Ballot.Approval("r"),
                Ballot.Approval("r"), Ballot.Approval("r"), Ballot.Approval("q"),
            ]);

        var result = CountingRules.EqualSharesAdd1(election);

        Assert.Equal(["r"], CountingRules.EqualShares(election).Selected);
        Assert.Equal(["r", "q"], result.Selected);
        Assert.Equal(
            [new EqualSharesPayment(6, 5, 0, Rational.Zero), new EqualSharesPayment(9, 1, 2, 10)],
            result.Details.Select(d => d.Payment));
    }

    [Fact]
    public void MesAdd1Comparison_WhenMesWins_HasMesPayments() =>
        Assert.All(CountingRules.EqualSharesAdd1Comparison(TwoRounds()).Details, d => Assert.NotNull(d.Payment));

    [Fact]
    public void MesAdd1Comparison_WhenGreedyWins_HasGreedyDetails()
    {
        // As in CountingRulesTests: three voters prefer the greedy outcome {d}.
        var election = new Election(
            10,
            [new("d", 10), new("c", 2)],
            [.. new[] { "d", "d", "d", "c" }.Select(id => Ballot.Approval(id)), .. Enumerable.Repeat(Ballot.Approval(), 6)]);

        var result = CountingRules.EqualSharesAdd1Comparison(election);

        Assert.Equal([new SelectedProjectDetail("d", 10, 3)], result.Details);
    }

    [Fact]
    public void Greedy_Details_GiveCostAndSupportInSelectionOrder()
    {
        var result = CountingRules.Greedy(TwoRounds());

        Assert.Equal([new SelectedProjectDetail("r", 30, 5), new SelectedProjectDetail("q", 15, 3)], result.Details);
    }

    [Fact]
    public void Greedy_PointBallots_SupportIsThePoints()
    {
        var election = new Election(10, [new("a", 5), new("b", 5)], [new Ballot(["a", "b"], [1, 5]), new Ballot(["a"], [3])]);

        Assert.Equal([new SelectedProjectDetail("b", 5, 5), new SelectedProjectDetail("a", 5, 4)], CountingRules.Greedy(election).Details);
    }

    [Fact]
    public void Phragmen_Details_GiveCostAndSupport() =>
        Assert.Equal(
            [new SelectedProjectDetail("q", 15, 3), new SelectedProjectDetail("r", 30, 5)],
            CountingRules.Phragmen(TwoRounds()).Details);

    [Fact]
    public void Details_MatchSelected_ForEveryRule()
    {
        var election = TwoRounds();
        foreach (var result in new[]
        {
            CountingRules.Greedy(election), CountingRules.GreedyNoSkip(election), CountingRules.GreedyThreshold(election, 4),
            CountingRules.EqualShares(election), CountingRules.EqualSharesAdd1(election),
            CountingRules.EqualSharesAdd1Comparison(election), CountingRules.Phragmen(election),
        })
        {
            Assert.Equal(result.Selected, result.Details.Select(d => d.Id));
            Assert.Equal(result.TotalCost, result.Details.Sum(d => d.Cost));
        }
    }
}
