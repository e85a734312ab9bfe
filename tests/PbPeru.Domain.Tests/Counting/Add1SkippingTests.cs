using System.Diagnostics;
using PbPeru.Domain.Counting;
using Xunit.Abstractions;

namespace PbPeru.Domain.Tests.Counting;

/// <summary>
/// MES with add1 skips the raises whose run records the same trace as the raises around it
/// (<see cref="EqualSharesTrace"/>). It must still give exactly what raising the budget by 1, 2, 3,
/// … and rerunning each time gives: the same projects in the same order, and the payments of the
/// same final run. The oracle is the plain method (<see cref="ReferenceRules"/>, voter by voter, one
/// raise at a time), on small elections whose budget per voter stays small enough for it to run,
/// and the engine's own plain loop on real files.
/// </summary>
[Trait("Capability", "Voting")]
public class Add1SkippingTests(ITestOutputHelper output)
{
    private static readonly TieOrder[] TieOrders =
    [
        TieOrder.Default,
        new([TieBreak.HigherCost, TieBreak.ProjectId]),
        new([TieBreak.LessSupport, TieBreak.ProjectId]),
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 8)];

    /// <summary>
    /// 2–8 voters, 3–10 projects, random ballots (some empty), costs from 1 to the budget (now
    /// and then 0), and a budget per voter that is mostly small, sometimes up to 20,000.
    /// </summary>
    private static Election RandomElection(Random random)
    {
        var voters = random.Next(2, 9);
        var projects = random.Next(3, 11);
        var scale = random.Next(20) switch
        {
            0 => 20_000,
            < 5 => 2_000,
            _ => 300,
        };
        var perVoter = random.NextInt64(1, scale + 1);
        var budget = (perVoter * voters) + random.Next(voters);
        var list = Enumerable.Range(0, projects)
            .Select(i => new ElectionProject($"p{i}", random.Next(12) == 0 ? 0 : random.NextInt64(1, budget + 1)))
            .ToList();
        var approve = 0.2 + (0.6 * random.NextDouble());
        var ballots = Enumerable.Range(0, voters)
            .Select(_ => Ballot.Approval([.. list.Where(_ => random.NextDouble() < approve).Select(p => p.Id)]))
            .ToList();
        return new Election(budget, list, ballots);
    }

    /// <summary>
    /// Made to tie: costs all equal, or a few multiples of one unit; voters casting one of one to
    /// three ballots; budgets that are whole multiples of the unit per voter.
    /// </summary>
    private static Election TieElection(Random random)
    {
        var voters = random.Next(2, 9);
        var projects = random.Next(3, 11);
        var unit = random.NextInt64(1, random.Next(4) == 0 ? 5_000 : 200);
        var equal = random.Next(2) == 0;
        var list = Enumerable.Range(0, projects)
            .Select(i => new ElectionProject($"p{i}", equal ? 2 * unit : unit * random.Next(0, 4)))
            .ToList();
        var templates = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => list.Where(_ => random.Next(2) == 0).Select(p => p.Id).ToArray())
            .ToArray();
        var ballots = Enumerable.Range(0, voters)
            .Select(_ => Ballot.Approval(templates[random.Next(templates.Length)]))
            .ToList();
        var budget = random.Next(2) == 0 ? unit * voters * random.Next(1, 4) : unit * random.Next(1, 3 * voters);
        return new Election(budget, list, ballots);
    }

    private static void AssertSameAsPlainAdd1(Election election, TieOrder order)
    {
        var expected = ReferenceRules.EqualSharesAdd1(election, order);

        var result = CountingRules.EqualSharesAdd1(election, order);

        Assert.Equal(expected.Selected.Select(c => election.Projects[c].Id), result.Selected);
        Assert.Equal(expected.Selected.Sum(c => election.Projects[c].Cost), result.TotalCost);
        Assert.Equal(expected.Payments, result.Details.Select(d => d.Payment));

        // add1-comparison keeps that outcome unless more voters prefer greedy's.
        var greedy = CountingRules.Greedy(election, order).Selected;
        var mes = result.Selected;
        int preferMes = 0, preferGreedy = 0;
        foreach (var ballot in election.Ballots)
        {
            var inMes = ballot.ProjectIds.Distinct().Count(mes.Contains);
            var inGreedy = ballot.ProjectIds.Distinct().Count(greedy.Contains);
            preferMes += inMes > inGreedy ? 1 : 0;
            preferGreedy += inGreedy > inMes ? 1 : 0;
        }

        var comparison = CountingRules.EqualSharesAdd1Comparison(election, order);
        if (preferGreedy > preferMes)
        {
            Assert.Equal(greedy, comparison.Selected);
        }
        else
        {
            Assert.Equal(mes, comparison.Selected);
            Assert.Equal(expected.Payments, comparison.Details.Select(d => d.Payment));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SkippingRaises_GivesWhatRaisingOneByOneGives(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 40; i++)
        {
            AssertSameAsPlainAdd1(RandomElection(random), TieOrders[i % TieOrders.Length]);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SkippingRaises_GivesWhatRaisingOneByOneGives_WhenEverythingTies(int seed)
    {
        var random = new Random(1000 + seed);
        for (var i = 0; i < 40; i++)
        {
            AssertSameAsPlainAdd1(TieElection(random), TieOrders[i % TieOrders.Length]);
        }
    }

    [Fact]
    public void IdenticalBallotsAndEqualCosts_TieAtEveryRaise()
    {
        var projects = Enumerable.Range(0, 6).Select(i => new ElectionProject($"p{i}", 3_000)).ToList();
        var ballots = Enumerable.Range(0, 4).Select(_ => Ballot.Approval("p0", "p1", "p2", "p3", "p4", "p5")).ToList();
        foreach (var budget in new long[] { 10_000, 11_999, 12_000, 17_999, 18_000 })
        {
            foreach (var order in TieOrders)
            {
                AssertSameAsPlainAdd1(new Election(budget, projects, ballots), order);
            }
        }
    }

    /// <summary>
    /// The engine's own loop, one raise at a time, untraced: add1 as it was before the skipping,
    /// itself checked against the plain method (<see cref="FastRulesMatchReferenceTests"/>).
    /// </summary>
    private static EqualSharesOutcome PlainEngineAdd1(Election election, TieOrder order)
    {
        var engine = new EqualSharesEngine(election, order);
        var start = new Rational(election.Budget, Math.Max(election.Ballots.Count, 1));
        var best = engine.Run(start);
        var supported = election.Support.Count(s => s > 0);
        for (long raise = 1; best.Selected.Count < supported; raise++)
        {
            var next = engine.Run(start + raise);
            if (next.Cost > election.Budget)
            {
                break;
            }

            best = next;
        }

        return best;
    }

    [Theory]
    [InlineData("Netherlands_Assen_2024.pb")]
    [InlineData("Poland_Swiecie_2023.pb")]
    [InlineData("Poland_Wieliczka_2023_Green_Budget.pb")]
    public void RealFiles_Add1_ChoosesAndChargesAsRaisingOneByOne(string name)
    {
        var election = PabulibFilesTests.Load(name).ToElection();
        var expected = PlainEngineAdd1(election, TieOrder.Default);

        var result = CountingRules.EqualSharesAdd1(election);

        Assert.Equal(expected.Selected.Select(c => election.Projects[c].Id), result.Selected);
        Assert.Equal(expected.Payments, result.Details.Select(d => d.Payment));
    }

    [Fact]
    public void RealFile_Assen_Add1_MatchesThePlainMethod()
    {
        var election = PabulibFilesTests.Load("Netherlands_Assen_2024.pb").ToElection();

        AssertSameAsPlainAdd1(election, TieOrder.Default);
    }

    /// <summary>
    /// A district: 5 agents, S/ 12,000,000, projects of millions. Each voter starts from
    /// S/ 2,400,000 and add1 raises it by S/ 1 at a time: the plain loop reran MES once per sol of
    /// raise (16.6 s, measured once, when add1 still did). Not a timed
    /// assertion: the test only has to finish, and prints how long it took. The expected outcome is
    /// what the plain loop gave, and differs from plain MES's (p2, p6, p1, p5): the raise matters.
    /// </summary>
    [Fact]
    public void FewVotersAndALargeBudget_Completes()
    {
        long[] costs = [1_800_000, 4_400_000, 4_700_000, 5_100_000, 2_100_000, 1_100_000, 5_300_000, 3_300_000];
        var projects = costs.Select((cost, i) => new ElectionProject($"p{i + 1}", cost)).ToList();
        string[][] votes =
        [
            ["p3", "p4", "p5"],
            ["p1", "p2", "p3", "p4", "p7", "p8"],
            ["p2", "p3", "p4", "p5", "p6"],
            ["p1", "p6", "p8"],
            ["p2", "p7"],
        ];
        var election = new Election(12_000_000, projects, [.. votes.Select(Ballot.Approval)]);

        var watch = Stopwatch.StartNew();
        var result = CountingRules.EqualSharesAdd1(election);
        watch.Stop();

        output.WriteLine($"mes-add1, 5 voters, 8 projects, S/ 12,000,000: {watch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(["p2", "p3", "p6", "p1"], result.Selected);
        Assert.Equal(12_000_000, result.TotalCost);
        Assert.Equal(
            [
                new EqualSharesPayment(new Rational(4_400_000, 3), 3, 0, Rational.Zero),
                new EqualSharesPayment(new Rational(4_700_000, 3), 3, 0, Rational.Zero),
                new EqualSharesPayment(550_000, 2, 0, Rational.Zero),
                new EqualSharesPayment(new Rational(3_625_003, 3), 1, 1, new Rational(1_774_997, 3)),
            ],
            result.Details.Select(d => d.Payment));
        Assert.Equal(result.Selected, CountingRules.EqualSharesAdd1Comparison(election).Selected);
    }
}
