using PbPeru.Domain.Counting;

namespace PbPeru.Domain.Tests.Counting;

/// <summary>
/// The fast MES and Phragmén (doubles with proven error bounds, exact rationals where a comparison
/// is close) must choose exactly what the plain voter-by-voter method chooses, ties included.
/// Small random elections with small costs and budgets tie often, which is where a shortcut
/// would show.
/// </summary>
[Trait("Capability", "Voting")]
public class FastRulesMatchReferenceTests
{
    private static readonly TieOrder[] TieOrders =
    [
        TieOrder.Default,
        new([TieBreak.HigherCost, TieBreak.ProjectId]),
        new([TieBreak.LessSupport, TieBreak.ProjectId]),
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    private static Election RandomElection(Random random)
    {
        var projects = random.Next(1, 8);
        var costs = new[] { 0L, 1, 2, 3, 4, 6, 8, 12 };
        var list = Enumerable.Range(0, projects)
            .Select(i => new ElectionProject($"p{i}", costs[random.Next(random.Next(10) == 0 ? 0 : 1, costs.Length)] * random.Next(1, 4)))
            .ToList();
        var voters = random.Next(1, 14);
        var ballots = Enumerable.Range(0, voters)
            .Select(_ => Ballot.Approval([.. list.Where(_ => random.Next(3) == 0).Select(p => p.Id)]))
            .ToList();
        return new Election(random.Next(1, 48), list, ballots);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EqualShares_ChoosesAndChargesAsThePlainMethod(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 150; i++)
        {
            var election = RandomElection(random);
            var order = TieOrders[i % TieOrders.Length];
            var expected = ReferenceRules.EqualShares(election, new Rational(election.Budget, election.Ballots.Count), order);

            var result = CountingRules.EqualShares(election, order);

            Assert.Equal(expected.Selected.Select(c => election.Projects[c].Id), result.Selected);
            Assert.Equal(expected.Payments, result.Details.Select(d => d.Payment));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EqualSharesAdd1_ChoosesAndChargesAsThePlainMethod(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 60; i++)
        {
            var election = RandomElection(random);
            var order = TieOrders[i % TieOrders.Length];
            var expected = ReferenceRules.EqualSharesAdd1(election, order);

            var result = CountingRules.EqualSharesAdd1(election, order);

            Assert.Equal(expected.Selected.Select(c => election.Projects[c].Id), result.Selected);
            Assert.Equal(expected.Payments, result.Details.Select(d => d.Payment));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Phragmen_ChoosesAsThePlainMethod(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 150; i++)
        {
            var election = RandomElection(random);
            var order = TieOrders[i % TieOrders.Length];

            var result = CountingRules.Phragmen(election, order);

            Assert.Equal(ReferenceRules.Phragmen(election, order).Select(c => election.Projects[c].Id), result.Selected);
        }
    }

    [Theory]
    [InlineData("Netherlands_Assen_2024.pb")]
    [InlineData("Poland_Swiecie_2023.pb")]
    [InlineData("Poland_Warszawa_2017_Stara_Milosna.pb")]
    [InlineData("Poland_Wieliczka_2023_Green_Budget.pb")]
    public void RealFiles_MesAndPhragmen_MatchThePlainMethod(string name)
    {
        var election = PabulibFilesTests.Load(name).ToElection();
        var order = TieOrder.Default;
        var expected = ReferenceRules.EqualShares(election, new Rational(election.Budget, election.Ballots.Count), order);

        var mes = CountingRules.EqualShares(election, order);

        Assert.Equal(expected.Selected.Select(c => election.Projects[c].Id), mes.Selected);
        Assert.Equal(expected.Payments, mes.Details.Select(d => d.Payment));
        Assert.Equal(ReferenceRules.Phragmen(election, order).Select(c => election.Projects[c].Id), CountingRules.Phragmen(election, order).Selected);
    }
}
