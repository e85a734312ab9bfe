using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Voting;
using static PbPeru.Domain.Tests.Voting.VotingCase;

namespace PbPeru.Domain.Tests.Voting;

[Trait("Capability", "Voting")]
public sealed class BallotTests
{
    [Fact]
    public void Knapsack_ProjectsThatFitTheBudgetExactly_AreAccepted()
    {
        var voting = new VotingCase();

        // 300,000 + 500,000 + 200,000: exactly the budget.
        var ballot = voting.Cast(voting.Titular(), Marks(2, 3, 4));

        Assert.Equal("2:1;3:1;4:1", ballot.Choices);
        Assert.Equal(1, ballot.Revision);
    }

    [Fact]
    public void Knapsack_OverTheBudget_ByOneCentimo_IsRefusedWithTheTotals()
    {
        var projects = Projects.Select((p, i) => i == 3 ? p with { Cost = Money.FromCentimos(10_000_001) } : p).ToList();
        var voting = new VotingCase();
        var vote = FinalVote.Prepare(voting.Cycle, TestCycles.Manager, projects, Budget, Opens, Closes, Prepared);

        var problems = vote.ProblemsOf(Marks(1, 3, 4)); // 400,000 + 500,000 + 100,000.01

        Assert.Single(problems);
        Assert.Equal(Messages.BallotOverCeiling.Format(Money.FromCentimos(100_000_001), Budget), problems[0]);
    }

    [Fact]
    public void Approval_MoreThanK_IsRefused_AndKIsAccepted()
    {
        var voting = new VotingCase(VotingRules.Default with { BallotType = BallotType.Approval, MaxApprovals = 2 });

        Assert.Equal([Messages.BallotTooManyApprovals.Format(2, 3)], voting.Vote.ProblemsOf(Marks(1, 2, 3)));
        Assert.Empty(voting.Vote.ProblemsOf(Marks(1, 3)));
    }

    [Fact]
    public void Cumulative_PointsOverTheCapOrTheTotal_AreRefused()
    {
        var voting = new VotingCase(VotingRules.Default with { BallotType = BallotType.Cumulative, MaxApprovals = null, TotalPoints = 5, MaxPointsPerProject = 3 });

        Assert.Empty(voting.Vote.ProblemsOf([new(1, 3), new(2, 2)]));
        Assert.Equal([Messages.BallotPointsInvalid.Format(3)], voting.Vote.ProblemsOf([new(1, 4), new(2, 1)]));
        Assert.Equal([Messages.BallotTooManyPoints.Format(5, 6)], voting.Vote.ProblemsOf([new(1, 3), new(2, 3)]));
        Assert.Equal([Messages.BallotPointsInvalid.Format(3)], voting.Vote.ProblemsOf([new(1, 0)]));
    }

    [Fact]
    public void Ranking_PlacesMustRunFromOneWithoutGapsOrRepeats()
    {
        var voting = new VotingCase(VotingRules.Default with { BallotType = BallotType.Ranking, MaxApprovals = null, RankingLength = 3 });

        Assert.Empty(voting.Vote.ProblemsOf([new(3, 1), new(1, 2)]));
        Assert.Equal([Messages.BallotRankingInvalid.Format(3)], voting.Vote.ProblemsOf([new(3, 1), new(1, 3)]));
        Assert.Equal([Messages.BallotRankingInvalid.Format(3)], voting.Vote.ProblemsOf([new(3, 1), new(1, 1)]));
        Assert.Equal([Messages.BallotRankingInvalid.Format(3)], voting.Vote.ProblemsOf([new(1, 1), new(2, 2), new(3, 3), new(4, 4)]));
    }

    [Fact]
    public void EmptyUnknownAndRepeatedMarks_AreRefused()
    {
        var vote = new VotingCase().Vote;

        Assert.Equal([Messages.BallotEmpty.Format()], vote.ProblemsOf([]));
        Assert.Equal([Messages.BallotUnknownProject.Format()], vote.ProblemsOf(Marks(1, 9)));
        Assert.Equal([Messages.BallotDuplicateProject.Format()], vote.ProblemsOf(Marks(1, 1)));
    }

    [Fact]
    public void Cast_BeforeOpeningOrAtTheClose_IsRefused_AndAtTheOpeningAccepted()
    {
        var voting = new VotingCase();

        Assert.Equal(Messages.BallotNotOpen.Format(), Assert.Throws<DomainException>(() => voting.Cast(voting.Titular(), Marks(1), at: Opens.AddTicks(-1))).Message);
        Assert.Equal(Messages.BallotNotOpen.Format(), Assert.Throws<DomainException>(() => voting.Cast(voting.Titular(), Marks(1), at: Closes)).Message);
        Assert.Equal(1, voting.Cast(voting.Titular(), Marks(1), at: Opens).Revision);
    }

    [Fact]
    public void Cast_ByAnUntrainedAgentWhereTrainingIsRequired_IsRefused()
    {
        var voting = new VotingCase();

        var error = Assert.Throws<DomainException>(() =>
            AgentBallot.Cast(voting.Vote, voting.Titular(), attendedTraining: false, Marks(1), ReceiptCodes.NewSubmissionKey(), During, out _));

        Assert.Equal(Messages.VoterNeedsTraining.Format(), error.Message);
    }

    [Fact]
    public void Change_ReplacesTheChoices_BumpsTheRevision_AndOnlyTheNewReceiptVerifies()
    {
        var voting = new VotingCase();
        var agent = voting.Titular();
        var ballot = AgentBallot.Cast(voting.Vote, agent, true, Marks(1), "key-one", During, out var first);

        var second = ballot.Change(voting.Vote, agent, true, Marks(2, 3), "key-two", During.AddMinutes(5));

        Assert.Equal("2:1;3:1", ballot.Choices);
        Assert.Equal(2, ballot.Revision);
        Assert.Equal(During, ballot.FirstCastAt);
        Assert.Equal(During.AddMinutes(5), ballot.CastAt);
        Assert.NotEqual(first, second);
        Assert.True(ballot.HasReceipt(second));
        Assert.False(ballot.HasReceipt(first));
        Assert.True(ballot.CameFrom("key-two"));
        Assert.False(ballot.CameFrom("key-one"));
    }

    [Fact]
    public void Change_AfterTheClose_IsRefused_AndTheBallotStaysAsItWas()
    {
        var voting = new VotingCase();
        var ballot = voting.Cast(voting.Titular(), Marks(1));

        Assert.Throws<DomainException>(() => ballot.Change(voting.Vote, voting.Titular(), true, Marks(2), "late", After));

        Assert.Equal("1:1", ballot.Choices);
        Assert.Equal(1, ballot.Revision);
    }

    [Fact]
    public void Change_WithAnInvalidBallot_LeavesTheOldOneWhole()
    {
        var voting = new VotingCase();
        var ballot = voting.Cast(voting.Titular(), Marks(1));

        Assert.Throws<DomainException>(() => ballot.Change(voting.Vote, voting.Titular(), true, Marks(1, 2, 3), "over", During));

        Assert.Equal("1:1", ballot.Choices);
    }

    [Fact]
    public void ApprovalMarks_AreStoredAsOne_WhateverTheFormSent()
    {
        var voting = new VotingCase();

        var ballot = voting.Cast(voting.Titular(), [new(1, 7), new(4, 3)]);

        Assert.Equal([new BallotChoice(1, 1), new BallotChoice(4, 1)], ballot.Selections);
    }

    [Fact]
    public void Receipt_IsDerivedFromTheSubmission_TwelveUnambiguousCharacters_AndOnlyItsHashIsKept()
    {
        var voting = new VotingCase();
        var key = ReceiptCodes.NewSubmissionKey();

        var ballot = AgentBallot.Cast(voting.Vote, voting.Titular(), true, Marks(1), key, During, out var receipt);

        Assert.Equal(receipt, ReceiptCodes.For(key));
        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", receipt);
        Assert.DoesNotContain(receipt, ballot.ReceiptHash, StringComparison.Ordinal);
        Assert.DoesNotContain(key, ballot.SubmissionHash, StringComparison.Ordinal);
        Assert.True(ballot.HasReceipt(receipt.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()));
        Assert.NotEqual(ReceiptCodes.NewSubmissionKey(), key);
    }
}
