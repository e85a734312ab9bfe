using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Tests.Preparation;
using PbPeru.Domain.Voting;
using static PbPeru.Domain.Tests.Voting.VotingCase;

namespace PbPeru.Domain.Tests.Voting;

[Trait("Capability", "Voting")]
public sealed class FinalVoteTests
{
    [Theory]
    [InlineData(Phase.Coordination)]
    [InlineData(Phase.Published)]
    public void Prepare_OutsideFormalization_IsRefused(Phase phase)
    {
        var cycle = TestCycles.InPhase(phase);

        var error = Assert.Throws<DomainException>(() => FinalVote.Prepare(cycle, TestCycles.Manager, Projects, Budget, Opens, Closes, Prepared));

        Assert.Equal(Messages.VoteOnlyInFormalization.Format(), error.Message);
    }

    [Fact]
    public void Prepare_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);

        Assert.Throws<DomainException>(() => FinalVote.Prepare(cycle, TestCycles.OtherManager, Projects, Budget, Opens, Closes, Prepared));
    }

    [Fact]
    public void Prepare_WithoutProjects_OrClosingBeforeOpening_OrClosingInThePast_IsRefused()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);

        Assert.Equal(Messages.BallotNeedsProjects.Format(), Assert.Throws<DomainException>(() => FinalVote.Prepare(cycle, TestCycles.Manager, [], Budget, Opens, Closes, Prepared)).Message);
        Assert.Equal(Messages.VoteTimesInvalid.Format(), Assert.Throws<DomainException>(() => FinalVote.Prepare(cycle, TestCycles.Manager, Projects, Budget, Closes, Opens, Prepared)).Message);
        Assert.Equal(Messages.VoteCloseInPast.Format(), Assert.Throws<DomainException>(() => FinalVote.Prepare(cycle, TestCycles.Manager, Projects, Budget, Opens, Closes, After)).Message);
    }

    [Fact]
    public void Prepare_SnapshotsTheRulesAndNumbersTheProjects()
    {
        var vote = new VotingCase().Vote;

        Assert.Equal(BallotType.Knapsack, vote.Rules.BallotType);
        Assert.Equal([1, 2, 3, 4], vote.Items.Select(i => i.Position));
        Assert.Equal(["001", "002", "003", "004"], vote.Items.Select(i => i.Key));
        Assert.Equal(Money.FromSoles(500_000m), vote.Item(3)!.Cost);
        Assert.Equal(TimeSpan.Zero, vote.OpensAt.Offset);
    }

    [Fact]
    public void StateAt_TheServersClockDecides_AtTheExactInstants()
    {
        var vote = new VotingCase().Vote;

        Assert.Equal(VoteState.Scheduled, vote.StateAt(Opens.AddTicks(-1)));
        Assert.Equal(VoteState.Open, vote.StateAt(Opens));
        Assert.Equal(VoteState.Open, vote.StateAt(Closes.AddTicks(-1)));
        Assert.Equal(VoteState.Closed, vote.StateAt(Closes));
    }

    [Fact]
    public void OpenNowAndCloseNow_MoveTheInstants_AndCannotBeRepeated()
    {
        var voting = new VotingCase();
        var vote = voting.Vote;
        var early = Opens.AddHours(-3);

        vote.OpenNow(voting.Cycle, TestCycles.Manager, early);
        Assert.Equal(VoteState.Open, vote.StateAt(early));
        Assert.Equal(Messages.VoteAlreadyOpened.Format(), Assert.Throws<DomainException>(() => vote.OpenNow(voting.Cycle, TestCycles.Manager, early.AddMinutes(1))).Message);

        vote.CloseNow(voting.Cycle, TestCycles.Manager, early.AddMinutes(30));
        Assert.Equal(VoteState.Closed, vote.StateAt(early.AddMinutes(30)));
        Assert.Equal(Messages.VoteAlreadyClosed.Format(), Assert.Throws<DomainException>(() => vote.CloseNow(voting.Cycle, TestCycles.Manager, early.AddHours(1))).Message);
        Assert.Throws<DomainException>(() => vote.Reschedule(voting.Cycle, TestCycles.Manager, Opens, Closes.AddDays(1), early.AddHours(1)));
    }

    [Fact]
    public void Reschedule_WhileOpen_MayMoveTheClosingButNotTheOpening()
    {
        var voting = new VotingCase();

        voting.Vote.Reschedule(voting.Cycle, TestCycles.Manager, Opens, Closes.AddHours(2), During);
        Assert.Equal(Closes.AddHours(2), voting.Vote.ClosesAt);

        var error = Assert.Throws<DomainException>(() => voting.Vote.Reschedule(voting.Cycle, TestCycles.Manager, Opens.AddHours(-1), Closes, During));
        Assert.Equal(Messages.VoteAlreadyOpened.Format(), error.Message);
    }

    [Fact]
    public void CloseNow_OfAnotherCyclesVote_IsRefused()
    {
        var voting = new VotingCase();
        var other = Registrations.WithId(TestCycles.InPhase(Phase.Formalization), 99);

        Assert.Throws<DomainException>(() => voting.Vote.CloseNow(other, TestCycles.Manager, During));
    }

    [Fact]
    public void WhoVotes_TheAccreditedTitular_NotItsSuplente_UntilTheTitularIsRecordedAbsent()
    {
        var voting = new VotingCase();
        var vote = voting.Vote;

        Assert.Null(vote.WhyCannotVote(voting.Titular(), attendedTraining: true));
        Assert.Equal(Messages.VoterSuplenteNotCalled.Format(), vote.WhyCannotVote(voting.Suplente(), attendedTraining: true));

        vote.RecordAbsence(voting.Cycle, TestCycles.Manager, voting.Titular(), voting.Suplente(), titularHasVoted: false, During);

        Assert.Equal(Messages.VoterTitularAbsent.Format(), vote.WhyCannotVote(voting.Titular(), attendedTraining: true));
        Assert.Null(vote.WhyCannotVote(voting.Suplente(), attendedTraining: true));
        Assert.Equal(Messages.VoterSuplenteNotCalled.Format(), vote.WhyCannotVote(voting.Suplente(1), attendedTraining: true));
    }

    [Fact]
    public void RecordAbsence_RefusesASuplenteOfAnotherOrganization_AVotedTitular_AndASecondTime()
    {
        var voting = new VotingCase();
        var vote = voting.Vote;

        Assert.Equal(Messages.SubstitutionNotSameOrganization.Format(),
            Assert.Throws<DomainException>(() => vote.RecordAbsence(voting.Cycle, TestCycles.Manager, voting.Titular(0), voting.Suplente(1), false, During)).Message);
        Assert.Equal(Messages.SubstitutionTitularVoted.Format(),
            Assert.Throws<DomainException>(() => vote.RecordAbsence(voting.Cycle, TestCycles.Manager, voting.Titular(0), voting.Suplente(0), true, During)).Message);
        Assert.Equal(Messages.SubstitutionRoles.Format(),
            Assert.Throws<DomainException>(() => vote.RecordAbsence(voting.Cycle, TestCycles.Manager, voting.Suplente(0), voting.Titular(0), false, During)).Message);

        vote.RecordAbsence(voting.Cycle, TestCycles.Manager, voting.Titular(0), voting.Suplente(0), false, During);
        Assert.Equal(Messages.SubstitutionTitularTaken.Format(),
            Assert.Throws<DomainException>(() => vote.RecordAbsence(voting.Cycle, TestCycles.Manager, voting.Titular(0), voting.Suplente(0), false, During)).Message);
    }

    [Fact]
    public void UndoAbsence_GivesTheVoteBack_UnlessTheSuplenteVoted()
    {
        var voting = new VotingCase();
        var vote = voting.Vote;
        vote.RecordAbsence(voting.Cycle, TestCycles.Manager, voting.Titular(), voting.Suplente(), false, During);

        Assert.Equal(Messages.SubstitutionSuplenteVoted.Format(),
            Assert.Throws<DomainException>(() => vote.UndoAbsence(voting.Cycle, TestCycles.Manager, voting.Titular().Id, suplenteHasVoted: true, During)).Message);

        vote.UndoAbsence(voting.Cycle, TestCycles.Manager, voting.Titular().Id, suplenteHasVoted: false, During);
        Assert.Null(vote.WhyCannotVote(voting.Titular(), true));
        Assert.Empty(vote.Substitutions);
    }

    [Fact]
    public void WhoVotes_TrainingRequired_AndNotAccredited_AndAnotherCycle_AreRefused()
    {
        var voting = new VotingCase();
        var untrained = voting.Titular();

        Assert.True(untrained.MustAttendTrainingToVote);
        Assert.Equal(Messages.VoterNeedsTraining.Format(), voting.Vote.WhyCannotVote(untrained, attendedTraining: false));
        Assert.Equal(Messages.VoterNotAccredited.Format(), voting.Vote.WhyCannotVote(voting.Unaccepted.Agents[0], attendedTraining: true));
        var stranger = new VotingCase().Titular();
        typeof(Agent).GetProperty(nameof(Agent.CycleId))!.SetValue(stranger, 2);
        Assert.Equal(Messages.VoterNotOfCycle.Format(), voting.Vote.WhyCannotVote(stranger, attendedTraining: true));
    }
}
