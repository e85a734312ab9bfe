using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Formalization;

public enum CommitteeElectionState
{
    /// <summary>Set up, with no opening time yet: candidacies are received.</summary>
    Draft = 0,

    /// <summary>An opening time is set and has not come: candidacies are still received.</summary>
    Scheduled = 1,

    Open = 2,

    Closed = 3,
}

/// <summary>A titular recorded absent at the final vote, and the suplente who votes instead (also in this election).</summary>
public readonly record struct CommitteeSubstitute(int TitularAgentId, int SuplenteAgentId);

/// <summary>
/// What decides whether an agent votes besides the agent itself: the final vote's substitutions,
/// and, for a called suplente, whether its titular already has a ballot in this election.
/// </summary>
public sealed record CommitteeVoterFacts(IReadOnlyCollection<CommitteeSubstitute> Substitutes, bool TitularHasVoted)
{
    public static CommitteeVoterFacts None { get; } = new([], false);
}

/// <summary>An accredited agent standing for the committee.</summary>
public sealed class CommitteeCandidate
{
    private CommitteeCandidate()
    {
        RecordedByUserId = "";
        RecordedBy = "";
    }

    internal CommitteeCandidate(int agentId, string userId, string name, bool byManager, DateTimeOffset now)
    {
        AgentId = agentId;
        RecordedByUserId = userId;
        RecordedBy = name;
        RecordedByManager = byManager;
        StoodAt = now.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int CommitteeElectionId { get; private set; }

    public int AgentId { get; private set; }

    /// <summary>When the candidacy was recorded: an earlier candidacy wins a tie.</summary>
    public DateTimeOffset StoodAt { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedBy { get; private set; }

    /// <summary>True when the manager recorded it on the agent's behalf; false when the agent stood itself.</summary>
    public bool RecordedByManager { get; private set; }
}

/// <summary>An elected member of the committee: its place and the approvals it got.</summary>
public sealed class CommitteeMember
{
    private CommitteeMember()
    {
    }

    internal CommitteeMember(int agentId, int rank, long votes, bool byMixedSexRule)
    {
        AgentId = agentId;
        Rank = rank;
        Votes = votes;
        ByMixedSexRule = byMixedSexRule;
    }

    public int Id { get; private set; }

    public int CommitteeElectionId { get; private set; }

    public int AgentId { get; private set; }

    /// <summary>1 for the first elected, and so on.</summary>
    public int Rank { get; private set; }

    public long Votes { get; private set; }

    /// <summary>Took the last seat because the committee must not be all of one sex.</summary>
    public bool ByMixedSexRule { get; private set; }
}

/// <summary>
/// The election of a cycle's oversight committee (<i>comité de vigilancia</i>): how many seats and
/// whether it must not be all of one sex (fixed once it opens), the candidates (who stand before it
/// opens), when it is open, and once counted the elected members. Agents vote by approval of up to
/// <see cref="Seats"/> candidates. As in the final vote, the server's clock decides whether it is
/// open: the opening and closing instants are data, and "open now" or "close now" set them to the
/// present. An election opened without a closing time stays open until the manager closes it.
/// </summary>
public sealed class CommitteeElection
{
    public const int DefaultSeats = 4;
    public const int MinSeats = 1;
    public const int MaxSeats = 15;

    private readonly List<CommitteeCandidate> _candidates = [];
    private readonly List<CommitteeMember> _members = [];

    private CommitteeElection()
    {
        CreatedByUserId = "";
        CountedBy = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public int Seats { get; private set; }

    /// <summary>"The committee must not be all of one sex": see <see cref="CommitteeCount"/> for how the count applies it.</summary>
    public bool MixedSexRequired { get; private set; }

    public DateTimeOffset? OpensAt { get; private set; }

    public DateTimeOffset? ClosesAt { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CountedAt { get; private set; }

    public string CountedBy { get; private set; }

    /// <summary>The ballots the count found.</summary>
    public int BallotsCounted { get; private set; }

    public IReadOnlyList<CommitteeCandidate> Candidates => _candidates.OrderBy(c => c.StoodAt).ThenBy(c => c.AgentId).ToList();

    public IReadOnlyList<CommitteeMember> Members => _members.OrderBy(m => m.Rank).ToList();

    public bool IsCounted => CountedAt is not null;

    public static CommitteeElection Create(Cycle cycle, Actor actor, int seats, bool mixedSexRequired, DateTimeOffset now)
    {
        EnsureManager(cycle, actor);
        EnsureSeats(seats);
        return new CommitteeElection
        {
            CycleId = cycle.Id,
            Seats = seats,
            MixedSexRequired = mixedSexRequired,
            CreatedByUserId = actor.UserId,
            CreatedAt = now.ToUniversalTime(),
        };
    }

    public CommitteeElectionState StateAt(DateTimeOffset now) =>
        OpensAt is null || now < OpensAt ? (OpensAt is null ? CommitteeElectionState.Draft : CommitteeElectionState.Scheduled)
        : ClosesAt is { } closes && now >= closes ? CommitteeElectionState.Closed
        : CommitteeElectionState.Open;

    public bool HasOpened(DateTimeOffset now) => StateAt(now) is CommitteeElectionState.Open or CommitteeElectionState.Closed;

    public bool IsCandidate(int agentId) => _candidates.Any(c => c.AgentId == agentId);

    /// <summary>Changes the seats and the sex rule while the election has not opened.</summary>
    public void Configure(Cycle cycle, Actor actor, int seats, bool mixedSexRequired, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        if (HasOpened(now))
        {
            throw new DomainException(Messages.CommitteeSettingsFrozen.Format());
        }

        EnsureSeats(seats);
        Seats = seats;
        MixedSexRequired = mixedSexRequired;
    }

    /// <summary>Sets the opening (while it has not come) and the closing (while the election is not closed).</summary>
    public void Schedule(Cycle cycle, Actor actor, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        var state = StateAt(now);
        if (state == CommitteeElectionState.Closed)
        {
            throw new DomainException(Messages.CommitteeAlreadyClosed.Format());
        }

        if (state == CommitteeElectionState.Open && opensAt.ToUniversalTime() != OpensAt)
        {
            throw new DomainException(Messages.CommitteeAlreadyOpened.Format());
        }

        if (closesAt <= opensAt)
        {
            throw new DomainException(Messages.CommitteeTimesInvalid.Format());
        }

        if (closesAt <= now)
        {
            throw new DomainException(Messages.CommitteeCloseInPast.Format());
        }

        if (state != CommitteeElectionState.Open && opensAt <= now)
        {
            // Opening by a time in the past is opening now: the same rule applies.
            EnsureCandidates();
        }

        OpensAt = opensAt.ToUniversalTime();
        ClosesAt = closesAt.ToUniversalTime();
    }

    public void OpenNow(Cycle cycle, Actor actor, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        switch (StateAt(now))
        {
            case CommitteeElectionState.Open:
                throw new DomainException(Messages.CommitteeAlreadyOpened.Format());
            case CommitteeElectionState.Closed:
                throw new DomainException(Messages.CommitteeAlreadyClosed.Format());
        }

        EnsureCandidates();
        OpensAt = now.ToUniversalTime();
    }

    public void CloseNow(Cycle cycle, Actor actor, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        switch (StateAt(now))
        {
            case CommitteeElectionState.Draft or CommitteeElectionState.Scheduled:
                throw new DomainException(Messages.CommitteeNotOpenYet.Format());
            case CommitteeElectionState.Closed:
                throw new DomainException(Messages.CommitteeAlreadyClosed.Format());
        }

        ClosesAt = now.ToUniversalTime();
    }

    /// <summary>The agent stands on its own page (the page has checked the agent is the signed-in person's).</summary>
    public void Stand(Cycle cycle, Agent agent, string userId, DateTimeOffset now)
    {
        EnsureCandidacyOpen(cycle, now);
        AddCandidate(agent, userId, agent.FullName, byManager: false, now);
    }

    /// <summary>The manager records the candidacy an agent expressed (at the workshop, say) on its behalf.</summary>
    public void RecordCandidacy(Cycle cycle, Actor actor, Agent agent, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        EnsureCandidacyOpen(cycle, now);
        AddCandidate(agent, actor.UserId, actor.DisplayName, byManager: true, now);
    }

    /// <summary>The agent withdraws, itself.</summary>
    public void Withdraw(Cycle cycle, Agent agent, DateTimeOffset now)
    {
        EnsureCandidacyOpen(cycle, now);
        RemoveCandidate(agent.Id);
    }

    /// <summary>The manager withdraws a candidacy on the agent's behalf.</summary>
    public void WithdrawCandidacy(Cycle cycle, Actor actor, int agentId, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        EnsureCandidacyOpen(cycle, now);
        RemoveCandidate(agentId);
    }

    /// <summary>
    /// Why the agent may not vote, or null. Accredited titulars vote; a titular recorded absent at
    /// the final vote does not, and the suplente called in for it does — unless the titular already
    /// voted here before it was recorded absent: an organization's seat has one ballot.
    /// </summary>
    public string? WhyCannotVote(Agent agent, CommitteeVoterFacts facts)
    {
        var substitutes = facts.Substitutes;
        if (agent.CycleId != CycleId)
        {
            return Messages.CommitteeVoterNotOfCycle.Format();
        }

        if (!agent.IsAccredited)
        {
            return Messages.CommitteeVoterNotAccredited.Format();
        }

        if (agent.Role == AgentRole.Titular)
        {
            return substitutes.Any(s => s.TitularAgentId == agent.Id) ? Messages.CommitteeVoterTitularAbsent.Format() : null;
        }

        if (!substitutes.Any(s => s.SuplenteAgentId == agent.Id))
        {
            return Messages.CommitteeVoterSuplenteNotCalled.Format();
        }

        return facts.TitularHasVoted ? Messages.CommitteeVoterTitularVoted.Format() : null;
    }

    /// <summary>Everything wrong with a ballot's approvals (candidates' agent ids); empty when it can be cast.</summary>
    public IReadOnlyList<string> ProblemsOf(IReadOnlyList<int> approvedAgentIds)
    {
        if (approvedAgentIds.Count == 0)
        {
            return [Messages.CommitteeBallotEmpty.Format()];
        }

        if (approvedAgentIds.Any(id => !IsCandidate(id)))
        {
            return [Messages.CommitteeBallotNotACandidate.Format()];
        }

        if (approvedAgentIds.Distinct().Count() != approvedAgentIds.Count)
        {
            return [Messages.CommitteeBallotDuplicate.Format()];
        }

        return approvedAgentIds.Count > Seats ? [Messages.CommitteeBallotTooMany.Format(Seats, approvedAgentIds.Count)] : [];
    }

    /// <summary>
    /// Counts the ballots (the last of each agent) once the election has closed and records the
    /// elected members, by the order documented on <see cref="CommitteeCount"/>. <paramref name="sexOf"/>
    /// gives each candidate's sex.
    /// </summary>
    public IReadOnlyList<CommitteeMember> Count(Cycle cycle, Actor actor, IReadOnlyList<CommitteeBallot> ballots, IReadOnlyDictionary<int, Sex> sexOf, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        if (StateAt(now) != CommitteeElectionState.Closed)
        {
            throw new DomainException(Messages.CommitteeCountNeedsClose.Format());
        }

        if (IsCounted)
        {
            throw new DomainException(Messages.CommitteeAlreadyCounted.Format());
        }

        var approvals = ballots
            .Where(b => b.CommitteeElectionId == Id)
            .SelectMany(b => b.Approvals)
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.LongCount());
        var standing = _candidates
            .Select(c => new CommitteeStanding(c.AgentId, approvals.GetValueOrDefault(c.AgentId), c.StoodAt, sexOf[c.AgentId]))
            .ToList();
        foreach (var seat in CommitteeCount.Elect(standing, Seats, MixedSexRequired))
        {
            _members.Add(new CommitteeMember(seat.AgentId, seat.Rank, seat.Votes, seat.ByMixedSexRule));
        }

        BallotsCounted = ballots.Count(b => b.CommitteeElectionId == Id);
        CountedAt = now.ToUniversalTime();
        CountedBy = actor.DisplayName;
        return Members;
    }

    private void AddCandidate(Agent agent, string userId, string name, bool byManager, DateTimeOffset now)
    {
        if (agent.CycleId != CycleId)
        {
            throw new DomainException(Messages.CandidateNotOfCycle.Format());
        }

        if (!agent.IsAccredited)
        {
            throw new DomainException(Messages.CandidateNotAccredited.Format());
        }

        if (IsCandidate(agent.Id))
        {
            throw new DomainException(Messages.CandidateAlready.Format());
        }

        _candidates.Add(new CommitteeCandidate(agent.Id, userId, name, byManager, now));
    }

    private void RemoveCandidate(int agentId)
    {
        var candidate = _candidates.FirstOrDefault(c => c.AgentId == agentId)
            ?? throw new DomainException(Messages.CandidateNotFound.Format());
        _candidates.Remove(candidate);
    }

    private void EnsureCandidacyOpen(Cycle cycle, DateTimeOffset now)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.CandidateNotOfCycle.Format());
        }

        if (cycle.Phase != Phase.Formalization)
        {
            throw new DomainException(Messages.CommitteeOnlyInFormalization.Format());
        }

        if (HasOpened(now))
        {
            throw new DomainException(Messages.CandidacyClosed.Format());
        }
    }

    private void EnsureCandidates()
    {
        if (_candidates.Count == 0)
        {
            throw new DomainException(Messages.CommitteeNeedsCandidates.Format());
        }
    }

    private static void EnsureSeats(int seats)
    {
        if (seats is < MinSeats or > MaxSeats)
        {
            throw new DomainException(Messages.CommitteeSeatsOutOfRange.Format(MinSeats, MaxSeats));
        }
    }

    private void EnsureManagerOf(Cycle cycle, Actor actor)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        EnsureManager(cycle, actor);
    }

    private static void EnsureManager(Cycle cycle, Actor actor)
    {
        if (!actor.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.Phase != Phase.Formalization)
        {
            throw new DomainException(Messages.CommitteeOnlyInFormalization.Format());
        }
    }
}
