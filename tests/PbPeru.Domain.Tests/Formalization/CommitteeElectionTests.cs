using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Tests.Preparation;
using PbPeru.Domain.Tests.Voting;

namespace PbPeru.Domain.Tests.Formalization;

/// <summary>
/// The committee election through the domain: settings frozen at the opening, candidacies before
/// it, who votes, ballots checked whole, the server's clock deciding, and the count.
/// </summary>
[Trait("Capability", "Formalization")]
public sealed class CommitteeElectionTests
{
    private static readonly DateTimeOffset Before = VotingCase.Prepared;
    private static readonly DateTimeOffset Opens = VotingCase.Opens;
    private static readonly DateTimeOffset Closes = VotingCase.Closes;
    private static readonly DateTimeOffset During = VotingCase.During;
    private static readonly DateTimeOffset After = VotingCase.After;

    private readonly VotingCase _case = new();

    private Cycle Cycle => _case.Cycle;

    private CommitteeElection NewElection(int seats = 2, bool mixed = true) =>
        Registrations.WithId(CommitteeElection.Create(Cycle, TestCycles.Manager, seats, mixed, Before), 9);

    /// <summary>An election with the three titulars standing (women) and the first suplente (a man), scheduled from Opens to Closes.</summary>
    private CommitteeElection Scheduled(int seats = 2, bool mixed = true)
    {
        var election = NewElection(seats, mixed);
        for (var i = 0; i < 3; i++)
        {
            election.Stand(Cycle, _case.Titular(i), $"user-{i}", Before.AddMinutes(i));
        }

        election.RecordCandidacy(Cycle, TestCycles.Manager, _case.Suplente(0), Before.AddMinutes(10));
        election.Schedule(Cycle, TestCycles.Manager, Opens, Closes, Before);
        return election;
    }

    private static CommitteeBallot Cast(CommitteeElection election, Agent agent, params int[] approvals) =>
        CommitteeBallot.Cast(election, agent, CommitteeVoterFacts.None, approvals, Guid.NewGuid().ToString("N"), During);

    [Fact]
    public void Create_DefaultsCanBeSet_AndSeatsOutsideOneToFifteenAreRefused()
    {
        using var _ = CultureScope.Spanish();
        var election = NewElection(seats: CommitteeElection.DefaultSeats);
        Assert.Equal((4, true), (election.Seats, election.MixedSexRequired));
        Assert.Equal(CommitteeElectionState.Draft, election.StateAt(Before));

        var zero = Assert.Throws<DomainException>(() => CommitteeElection.Create(Cycle, TestCycles.Manager, 0, true, Before));
        Assert.Equal("El comité debe tener entre 1 y 15 miembros.", zero.Message);
        Assert.Throws<DomainException>(() => election.Configure(Cycle, TestCycles.Manager, 16, true, Before));
        election.Configure(Cycle, TestCycles.Manager, 15, false, Before);
        Assert.Equal((15, false), (election.Seats, election.MixedSexRequired));
    }

    [Fact]
    public void Create_OutsideFormalization_OrByAnotherJurisdiction_IsRefused()
    {
        using var _ = CultureScope.Spanish();
        var preparation = TestCycles.InPhase(Phase.Preparation);
        var e = Assert.Throws<DomainException>(() => CommitteeElection.Create(preparation, TestCycles.Manager, 4, true, Before));
        Assert.Equal(Messages.CommitteeOnlyInFormalization.Format(), e.Message);
        Assert.Throws<DomainException>(() => CommitteeElection.Create(Cycle, TestCycles.OtherManager, 4, true, Before));
    }

    [Fact]
    public void Settings_AreFrozenOnceTheElectionOpens()
    {
        var election = Scheduled();

        election.Configure(Cycle, TestCycles.Manager, 3, false, Opens.AddTicks(-1));
        var e = Assert.Throws<DomainException>(() => election.Configure(Cycle, TestCycles.Manager, 5, true, Opens));
        Assert.Equal(Messages.CommitteeSettingsFrozen.Format(), e.Message);
        Assert.Equal((3, false), (election.Seats, election.MixedSexRequired));
    }

    [Fact]
    public void Candidacy_OnlyAccreditedAgentsOfTheCycle_Once_AndOnlyBeforeTheOpening()
    {
        var election = NewElection();
        var titular = _case.Titular();
        election.Stand(Cycle, titular, "user-1", Before);

        Assert.Equal(Messages.CandidateAlready.Format(), Assert.Throws<DomainException>(() => election.Stand(Cycle, titular, "user-1", Before)).Message);
        var unaccredited = _case.Unaccepted.Agents.First();
        Assert.Equal(Messages.CandidateNotAccredited.Format(), Assert.Throws<DomainException>(() => election.RecordCandidacy(Cycle, TestCycles.Manager, unaccredited, Before)).Message);

        election.Withdraw(Cycle, titular, Before);
        Assert.Empty(election.Candidates);
        election.Stand(Cycle, titular, "user-1", Before.AddMinutes(1));
        election.OpenNow(Cycle, TestCycles.Manager, Opens);

        var late = Assert.Throws<DomainException>(() => election.RecordCandidacy(Cycle, TestCycles.Manager, _case.Titular(1), During));
        Assert.Equal(Messages.CandidacyClosed.Format(), late.Message);
        Assert.Throws<DomainException>(() => election.Withdraw(Cycle, titular, During));
        Assert.Single(election.Candidates);
    }

    [Fact]
    public void Opening_NeedsACandidate()
    {
        var election = NewElection();

        var e = Assert.Throws<DomainException>(() => election.OpenNow(Cycle, TestCycles.Manager, Before));
        Assert.Equal(Messages.CommitteeNeedsCandidates.Format(), e.Message);
        Assert.Throws<DomainException>(() => election.Schedule(Cycle, TestCycles.Manager, Before.AddHours(-1), Closes, Before));
        Assert.Equal(CommitteeElectionState.Draft, election.StateAt(Before));
    }

    [Fact]
    public void TheClockDecides_BeforeOpenBetweenAndFromTheClose()
    {
        var election = Scheduled();

        Assert.Equal(CommitteeElectionState.Scheduled, election.StateAt(Opens.AddTicks(-1)));
        Assert.Equal(CommitteeElectionState.Open, election.StateAt(Opens));
        Assert.Equal(CommitteeElectionState.Open, election.StateAt(Closes.AddTicks(-1)));
        Assert.Equal(CommitteeElectionState.Closed, election.StateAt(Closes));

        var early = Assert.Throws<DomainException>(() => CommitteeBallot.Cast(election, _case.Titular(), CommitteeVoterFacts.None, [_case.Titular().Id], "k1", Opens.AddTicks(-1)));
        Assert.Equal(Messages.CommitteeBallotNotOpen.Format(), early.Message);
        var late = Assert.Throws<DomainException>(() => CommitteeBallot.Cast(election, _case.Titular(), CommitteeVoterFacts.None, [_case.Titular().Id], "k2", Closes));
        Assert.Equal(Messages.CommitteeBallotNotOpen.Format(), late.Message);
        Assert.Equal(1, CommitteeBallot.Cast(election, _case.Titular(), CommitteeVoterFacts.None, [_case.Titular().Id], "k3", Closes.AddTicks(-1)).Revision);
    }

    [Fact]
    public void OpenNowWithoutAClosing_StaysOpenUntilClosedNow()
    {
        var election = NewElection();
        election.Stand(Cycle, _case.Titular(), "u", Before);

        election.OpenNow(Cycle, TestCycles.Manager, Before);
        Assert.Equal(CommitteeElectionState.Open, election.StateAt(Before.AddYears(1)));
        election.CloseNow(Cycle, TestCycles.Manager, During);
        Assert.Equal(CommitteeElectionState.Closed, election.StateAt(During));
        Assert.Equal(Messages.CommitteeAlreadyClosed.Format(), Assert.Throws<DomainException>(() => election.CloseNow(Cycle, TestCycles.Manager, During)).Message);
        Assert.Equal(Messages.CommitteeAlreadyClosed.Format(), Assert.Throws<DomainException>(() => election.OpenNow(Cycle, TestCycles.Manager, During)).Message);
    }

    [Fact]
    public void Ballot_TooManyPicks_NotACandidate_Duplicates_OrEmpty_AreRefused()
    {
        using var _ = CultureScope.Spanish();
        var election = Scheduled(seats: 2);
        var (a, b, c) = (_case.Titular(0).Id, _case.Titular(1).Id, _case.Titular(2).Id);

        Assert.Equal("Puede marcar hasta 2 candidatos y marcó 3: quite alguno.", Assert.Throws<DomainException>(() => Cast(election, _case.Titular(), a, b, c)).Message);
        Assert.Equal(Messages.CommitteeBallotNotACandidate.Format(), Assert.Throws<DomainException>(() => Cast(election, _case.Titular(), a, _case.Suplente(1).Id)).Message);
        Assert.Equal(Messages.CommitteeBallotDuplicate.Format(), Assert.Throws<DomainException>(() => Cast(election, _case.Titular(), a, a)).Message);
        Assert.Equal(Messages.CommitteeBallotEmpty.Format(), Assert.Throws<DomainException>(() => Cast(election, _case.Titular())).Message);

        var ballot = Cast(election, _case.Titular(), c, a);
        Assert.Equal([a, c], ballot.Approvals.ToArray());
    }

    [Fact]
    public void Voters_AreAccreditedTitulars_AndASuplenteOnlyWhenCalledForAnAbsentTitularWhoHasNotVoted()
    {
        var election = Scheduled();
        var (titular, suplente) = (_case.Titular(1), _case.Suplente(1));
        var absent = new CommitteeVoterFacts([new CommitteeSubstitute(titular.Id, suplente.Id)], TitularHasVoted: false);

        Assert.Null(election.WhyCannotVote(titular, CommitteeVoterFacts.None));
        Assert.Equal(Messages.CommitteeVoterSuplenteNotCalled.Format(), election.WhyCannotVote(suplente, CommitteeVoterFacts.None));
        Assert.Equal(Messages.CommitteeVoterTitularAbsent.Format(), election.WhyCannotVote(titular, absent));
        Assert.Null(election.WhyCannotVote(suplente, absent));
        Assert.Equal(Messages.CommitteeVoterTitularVoted.Format(), election.WhyCannotVote(suplente, absent with { TitularHasVoted = true }));
        Assert.Equal(Messages.CommitteeVoterNotAccredited.Format(), election.WhyCannotVote(_case.Unaccepted.Agents.First(), CommitteeVoterFacts.None));

        var e = Assert.Throws<DomainException>(() => CommitteeBallot.Cast(election, suplente, CommitteeVoterFacts.None, [titular.Id], "k", During));
        Assert.Equal(Messages.CommitteeVoterSuplenteNotCalled.Format(), e.Message);
    }

    [Fact]
    public void ChangingABallot_ReplacesItWhole_AndBumpsItsRevision()
    {
        var election = Scheduled();
        var agent = _case.Titular();
        var ballot = Cast(election, agent, _case.Titular(1).Id);

        ballot.Change(election, agent, CommitteeVoterFacts.None, [_case.Titular(2).Id, _case.Suplente(0).Id], "second", During.AddMinutes(5));

        Assert.Equal(2, ballot.Revision);
        Assert.Equal(new[] { _case.Titular(2).Id, _case.Suplente(0).Id }.Order(), ballot.Approvals);
        Assert.True(ballot.CameFrom("second"));

        // A refused change leaves the ballot as it was.
        Assert.Throws<DomainException>(() => ballot.Change(election, agent, CommitteeVoterFacts.None, [999], "third", During));
        Assert.Equal(2, ballot.Revision);
        Assert.True(ballot.CameFrom("second"));
    }

    [Fact]
    public void Count_OnlyAfterTheClose_OnceAndRecordsTheMembers_WithTheMixedSexRule()
    {
        var election = Scheduled(seats: 2, mixed: true);
        var (w0, w1, w2, m0) = (_case.Titular(0), _case.Titular(1), _case.Titular(2), _case.Suplente(0));
        var ballots = new List<CommitteeBallot>
        {
            Cast(election, w0, w0.Id, w1.Id),
            Cast(election, w1, w1.Id, w0.Id),
            Cast(election, w2, w2.Id, m0.Id),
        };
        var sexOf = new Dictionary<int, Sex> { [w0.Id] = Sex.Female, [w1.Id] = Sex.Female, [w2.Id] = Sex.Female, [m0.Id] = Sex.Male };

        Assert.Equal(Messages.CommitteeCountNeedsClose.Format(), Assert.Throws<DomainException>(() => election.Count(Cycle, TestCycles.Manager, ballots, sexOf, During)).Message);

        var members = election.Count(Cycle, TestCycles.Manager, ballots, sexOf, After);

        // w0 and w1 have 2 approvals each (w0 stood first); both women, so the second seat goes to
        // the best-placed man: m0 (1 approval), ahead of nobody else.
        Assert.Equal([(w0.Id, 1, 2L, false), (m0.Id, 2, 1L, true)], members.Select(m => (m.AgentId, m.Rank, m.Votes, m.ByMixedSexRule)));
        Assert.True(election.IsCounted);
        Assert.Equal(3, election.BallotsCounted);
        Assert.Equal(Messages.CommitteeAlreadyCounted.Format(), Assert.Throws<DomainException>(() => election.Count(Cycle, TestCycles.Manager, ballots, sexOf, After)).Message);
    }
}
