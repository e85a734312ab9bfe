using PbPeru.Domain.Common;
using PbPeru.Domain.Counting;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Voting;
using static PbPeru.Domain.Tests.Voting.VotingCase;

namespace PbPeru.Domain.Tests.Voting;

[Trait("Capability", "Voting")]
public sealed class ResultTests
{
    private static readonly ExportDescription Description = new("Peru", "Distrito de prueba", "2026", "Presupuesto Participativo 2026", new DateOnly(2025, 7, 5));

    [Fact]
    public void Count_BeforeTheClose_IsRefused()
    {
        var voting = new VotingCase();

        var error = Assert.Throws<DomainException>(() => voting.Vote.Count(voting.Cycle, TestCycles.Manager, [], During));

        Assert.Equal(Messages.ResultNeedsClosedVote.Format(), error.Message);
    }

    [Fact]
    public void Count_Greedy_SelectsByApprovals_SkipsWhatDoesNotFit_AndKeepsEveryLine()
    {
        var voting = new VotingCase(VotingRules.Default with { MaxApprovals = 3 });
        var ballots = new[]
        {
            voting.Cast(voting.Titular(0), Marks(3, 1)),
            voting.Cast(voting.Titular(1), Marks(3, 2)),
            voting.Cast(voting.Titular(2), Marks(3, 1, 4)),
        };

        var result = voting.Vote.Count(voting.Cycle, TestCycles.Manager, ballots, After);

        // Support: 3 → 3, 1 → 2, 2 → 1, 4 → 1. 500k + 400k = 900k; 2 (300k) does not fit; 4 (200k) neither.
        Assert.Equal([3, 1], result.Selected.Select(l => l.Position));
        Assert.Equal(Money.FromSoles(900_000m), result.TotalCost);
        Assert.Equal(3, result.Voters);
        Assert.Equal("greedy", result.RuleName);
        Assert.Equal(4, result.Lines.Count);
        Assert.Equal(1, result.Lines.Single(l => l.Position == 2).Support);
        Assert.Equal(Messages.ResultAlreadyComputed.Format(), Assert.Throws<DomainException>(() => voting.Vote.Count(voting.Cycle, TestCycles.Manager, ballots, After)).Message);
    }

    [Fact]
    public void Count_Ranking_GivesKPointsToTheFirstPlaceDownToOne()
    {
        var voting = new VotingCase(VotingRules.Default with { BallotType = BallotType.Ranking, MaxApprovals = null, RankingLength = 3 });
        var ballots = new[]
        {
            voting.Cast(voting.Titular(0), [new(4, 1), new(2, 2)]),
            voting.Cast(voting.Titular(1), [new(2, 1), new(4, 3), new(1, 2)]),
        };

        var result = voting.Vote.Count(voting.Cycle, TestCycles.Manager, ballots, After);

        Assert.Equal(3 + 1, result.Lines.Single(l => l.Position == 4).Support);
        Assert.Equal(2 + 3, result.Lines.Single(l => l.Position == 2).Support);
        Assert.Equal(2, result.Lines.Single(l => l.Position == 1).Support);
    }

    [Fact]
    public void Consensus_RecordsTheOrderAndMinutes_WithinTheBudget()
    {
        var voting = new VotingCase(VotingRules.Default with { CountingRule = CountingRule.Consensus });

        Assert.False(voting.Vote.IsOnline);
        Assert.Equal(Messages.ConsensusOverCeiling.Format(Money.FromSoles(1_200_000m), Budget),
            Assert.Throws<DomainException>(() => voting.Vote.RecordConsensus(voting.Cycle, TestCycles.Manager, [3, 1, 2], "Acta", After)).Message);
        Assert.Throws<DomainException>(() => voting.Vote.RecordConsensus(voting.Cycle, TestCycles.Manager, [3, 1], "  ", After));
        Assert.Throws<DomainException>(() => voting.Cast(voting.Titular(), Marks(1)));

        var result = voting.Vote.RecordConsensus(voting.Cycle, TestCycles.Manager, [3, 4], "El taller acordó por consenso…", Opens);

        Assert.Equal([3, 4], result.Selected.Select(l => l.Position));
        Assert.Equal("consensus", result.RuleName);
        Assert.Equal("El taller acordó por consenso…", result.ConsensusMinutes);
    }

    [Fact]
    public void TechnicalRanking_TakesTheBestScoresThatFit_UnscoredLast()
    {
        var voting = new VotingCase(VotingRules.Default with { CountingRule = CountingRule.TechnicalRanking });

        var result = voting.Vote.RankTechnically(voting.Cycle, TestCycles.Manager, Opens);

        // 91 (500k), 82.5 (400k) = 900k; 77 (300k) does not fit; unscored (200k) does not fit either.
        Assert.Equal([3, 1], result.Selected.Select(l => l.Position));
    }

    [Theory]
    [InlineData(CountingRule.Greedy)]
    [InlineData(CountingRule.GreedyNoSkip)]
    [InlineData(CountingRule.EqualShares)]
    [InlineData(CountingRule.EqualSharesAdd1)]
    [InlineData(CountingRule.EqualSharesAdd1Comparison)]
    [InlineData(CountingRule.Phragmen)]
    public void Export_RecountsWithTheFilesOwnRule_ToTheStoredResult(CountingRule rule)
    {
        var voting = new VotingCase(Knapsack with { CountingRule = rule });
        var ballots = new[]
        {
            voting.Cast(voting.Titular(0), Marks(3, 1)),
            voting.Cast(voting.Titular(1), Marks(2, 4)),
            voting.Cast(voting.Titular(2), Marks(3, 4)),
        };
        var result = voting.Vote.Count(voting.Cycle, TestCycles.Manager, ballots, After);

        var text = PabulibWriter.Write(VoteExport.ToPabulib(voting.Vote, ballots, Description));
        var file = PabulibReader.Parse(text);
        var recount = CountingRules.ForFile(file);

        Assert.Equal(result.Selected.Select(l => voting.Vote.Item(l.Position)!.Key), recount.Selected);
        Assert.Equal(result.TotalCost, Money.FromSoles(recount.TotalCost));
        Assert.Equal("sol", file.MetaValue("cost_unit"));
        Assert.Equal(3, file.Votes.Count);
        Assert.Equal(result.Selected.Select(l => voting.Vote.Item(l.Position)!.Key).Order(), file.Projects.Where(p => p.Fields["selected"] == "1").Select(p => p.Id).Order());
    }

    [Fact]
    public void Export_HasNoAgentAndOrdersBallotsByContent()
    {
        var voting = new VotingCase();
        var ballots = new[]
        {
            voting.Cast(voting.Titular(0), Marks(3, 4)),
            voting.Cast(voting.Titular(1), Marks(1, 2)),
        };

        var text = PabulibWriter.Write(VoteExport.ToPabulib(voting.Vote, ballots, Description));

        Assert.Contains("1;001,002", text, StringComparison.Ordinal);
        Assert.Contains("2;003,004", text, StringComparison.Ordinal);
        Assert.DoesNotContain(voting.Titular(0).Dni, text, StringComparison.Ordinal);
        Assert.DoesNotContain(voting.Titular(0).Surnames, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_CostsWithCentimos_AreWrittenInCentimos()
    {
        var voting = new VotingCase();
        var projects = Projects.Select((p, i) => i == 0 ? p with { Cost = p.Cost + Money.FromCentimos(50) } : p).ToList();
        var vote = FinalVote.Prepare(voting.Cycle, TestCycles.Manager, projects, Budget, Opens, Closes, Prepared);

        var file = VoteExport.ToPabulib(vote, [], Description);

        Assert.Equal("céntimo", file.MetaValue("cost_unit"));
        Assert.Equal(40_000_050, file.Projects[0].Cost);
        Assert.Equal("100000000", file.MetaValue("budget"));
    }
}
