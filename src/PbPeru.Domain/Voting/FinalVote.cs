using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Voting;

public enum VoteState
{
    /// <summary>Prepared; the opening time has not come.</summary>
    Scheduled = 0,

    Open = 1,

    Closed = 2,
}

/// <summary>
/// A project as the ballot lists it: snapshotted from the cycle's list when the vote is prepared, so
/// later edits elsewhere never change what agents voted on.
/// </summary>
public sealed record BallotItemInput(string Title, Money Cost, int? ProposalId, int? ProjectNumber, string? Cui, decimal? TechnicalScore, string? ThemeName);

public sealed class BallotItem
{
    public const int MaxTitleLength = 200;

    private BallotItem()
    {
        Title = "";
    }

    internal BallotItem(int position, BallotItemInput input)
    {
        Position = position;
        Title = input.Title.Trim();
        Cost = input.Cost;
        ProposalId = input.ProposalId;
        ProjectNumber = input.ProjectNumber;
        Cui = input.Cui;
        TechnicalScore = input.TechnicalScore;
        ThemeName = input.ThemeName;
    }

    public int Id { get; private set; }

    /// <summary>1, 2, … on the ballot; ballots and results refer to items by it.</summary>
    public int Position { get; private set; }

    public string Title { get; private set; }

    /// <summary>What the project takes from this cycle's budget (its share when co-financed).</summary>
    public Money Cost { get; private set; }

    public int? ProposalId { get; private set; }

    /// <summary>Its number in the coordination space, when the list came from Coordination.</summary>
    public int? ProjectNumber { get; private set; }

    public string? Cui { get; private set; }

    /// <summary>The consolidated score of the technical evaluation, when it has one.</summary>
    public decimal? TechnicalScore { get; private set; }

    public string? ThemeName { get; private set; }

    /// <summary>Its id in counts and in the <c>.pb</c> file: the position, zero-padded so ids sort as numbers.</summary>
    public string Key => Position.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A titular recorded absent at the vote, and the suplente of its organization who votes instead.</summary>
public sealed class Substitution
{
    private Substitution()
    {
        RecordedByUserId = "";
    }

    internal Substitution(int titularAgentId, int suplenteAgentId, Actor actor, DateTimeOffset now)
    {
        TitularAgentId = titularAgentId;
        SuplenteAgentId = suplenteAgentId;
        RecordedByUserId = actor.UserId;
        RecordedAt = now.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int TitularAgentId { get; private set; }

    public int SuplenteAgentId { get; private set; }

    public string RecordedByUserId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>
/// The final vote of a cycle: the ballot (its projects and rules, fixed when prepared), when it is
/// open, who replaces an absent titular, and once closed its result. The server's clock decides
/// whether it is open: the opening and closing instants are data, and "open now" or "close now"
/// set them to the present.
/// </summary>
public sealed class FinalVote
{
    public const int MaxMinutesLength = 20_000;

    private readonly List<BallotItem> _items = [];
    private readonly List<Substitution> _substitutions = [];

    private FinalVote()
    {
        Rules = VotingRules.Default;
        PreparedByUserId = "";
        PreparedBy = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    /// <summary>The cycle's voting rules as they stood when the vote was prepared (they are frozen by then).</summary>
    public VotingRules Rules { get; private set; }

    /// <summary>What this cycle's list may spend: its ceiling less its shares of other governments' projects.</summary>
    public Money Budget { get; private set; }

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset ClosesAt { get; private set; }

    public string PreparedByUserId { get; private set; }

    public string PreparedBy { get; private set; }

    public DateTimeOffset PreparedAt { get; private set; }

    public IReadOnlyList<BallotItem> Items => _items.OrderBy(i => i.Position).ToList();

    public IReadOnlyList<Substitution> Substitutions => _substitutions.ToList();

    public VoteResult? Result { get; private set; }

    /// <summary>Agents vote in the browser; otherwise the result is the workshop's consensus or the technical ranking.</summary>
    public bool IsOnline => Rules.CountingRule is not (CountingRule.Consensus or CountingRule.TechnicalRanking);

    public static FinalVote Prepare(Cycle cycle, Actor actor, IReadOnlyList<BallotItemInput> items, Money budget, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now)
    {
        EnsureManager(cycle, actor);
        if (items.Count == 0)
        {
            throw new DomainException(Messages.BallotNeedsProjects.Format());
        }

        if (closesAt <= opensAt)
        {
            throw new DomainException(Messages.VoteTimesInvalid.Format());
        }

        if (closesAt <= now)
        {
            throw new DomainException(Messages.VoteCloseInPast.Format());
        }

        var vote = new FinalVote
        {
            CycleId = cycle.Id,
            Rules = cycle.VotingRules,
            Budget = budget,
            OpensAt = opensAt.ToUniversalTime(),
            ClosesAt = closesAt.ToUniversalTime(),
            PreparedByUserId = actor.UserId,
            PreparedBy = actor.DisplayName,
            PreparedAt = now.ToUniversalTime(),
        };
        vote._items.AddRange(items.Select((item, i) => new BallotItem(i + 1, item)));
        return vote;
    }

    public VoteState StateAt(DateTimeOffset now) =>
        now < OpensAt ? VoteState.Scheduled : now < ClosesAt ? VoteState.Open : VoteState.Closed;

    public BallotItem? Item(int position) => _items.FirstOrDefault(i => i.Position == position);

    /// <summary>Moves the opening (while it has not come) and the closing (while the vote is not closed).</summary>
    public void Reschedule(Cycle cycle, Actor actor, DateTimeOffset opensAt, DateTimeOffset closesAt, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        EnsureOnline();
        var state = StateAt(now);
        if (state == VoteState.Closed)
        {
            throw new DomainException(Messages.VoteAlreadyClosed.Format());
        }

        if (state == VoteState.Open && opensAt.ToUniversalTime() != OpensAt)
        {
            throw new DomainException(Messages.VoteAlreadyOpened.Format());
        }

        if (closesAt <= opensAt)
        {
            throw new DomainException(Messages.VoteTimesInvalid.Format());
        }

        if (closesAt <= now)
        {
            throw new DomainException(Messages.VoteCloseInPast.Format());
        }

        OpensAt = opensAt.ToUniversalTime();
        ClosesAt = closesAt.ToUniversalTime();
    }

    public void OpenNow(Cycle cycle, Actor actor, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        EnsureOnline();
        switch (StateAt(now))
        {
            case VoteState.Open:
                throw new DomainException(Messages.VoteAlreadyOpened.Format());
            case VoteState.Closed:
                throw new DomainException(Messages.VoteAlreadyClosed.Format());
        }

        OpensAt = now.ToUniversalTime();
    }

    public void CloseNow(Cycle cycle, Actor actor, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        EnsureOnline();
        switch (StateAt(now))
        {
            case VoteState.Scheduled:
                throw new DomainException(Messages.VoteNotOpenYet.Format());
            case VoteState.Closed:
                throw new DomainException(Messages.VoteAlreadyClosed.Format());
        }

        ClosesAt = now.ToUniversalTime();
    }

    /// <summary>Records a titular as absent; the named suplente of the same organization votes instead.</summary>
    public void RecordAbsence(Cycle cycle, Actor actor, Agent titular, Agent suplente, bool titularHasVoted, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        EnsureOnline();
        if (StateAt(now) == VoteState.Closed)
        {
            throw new DomainException(Messages.VoteAlreadyClosed.Format());
        }

        if (titular.CycleId != CycleId || suplente.CycleId != CycleId || titular.Role != AgentRole.Titular || suplente.Role != AgentRole.Suplente
            || !titular.IsAccredited || !suplente.IsAccredited)
        {
            throw new DomainException(Messages.SubstitutionRoles.Format());
        }

        if (titular.OrganizationId != suplente.OrganizationId)
        {
            throw new DomainException(Messages.SubstitutionNotSameOrganization.Format());
        }

        if (_substitutions.Any(s => s.TitularAgentId == titular.Id))
        {
            throw new DomainException(Messages.SubstitutionTitularTaken.Format());
        }

        if (_substitutions.Any(s => s.SuplenteAgentId == suplente.Id))
        {
            throw new DomainException(Messages.SubstitutionSuplenteTaken.Format());
        }

        if (titularHasVoted)
        {
            throw new DomainException(Messages.SubstitutionTitularVoted.Format());
        }

        _substitutions.Add(new Substitution(titular.Id, suplente.Id, actor, now));
    }

    /// <summary>The titular came after all: undone while its suplente has not voted.</summary>
    public void UndoAbsence(Cycle cycle, Actor actor, int titularAgentId, bool suplenteHasVoted, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        if (StateAt(now) == VoteState.Closed)
        {
            throw new DomainException(Messages.VoteAlreadyClosed.Format());
        }

        var substitution = _substitutions.FirstOrDefault(s => s.TitularAgentId == titularAgentId)
            ?? throw new DomainException(Messages.SubstitutionNotFound.Format());
        if (suplenteHasVoted)
        {
            throw new DomainException(Messages.SubstitutionSuplenteVoted.Format());
        }

        _substitutions.Remove(substitution);
    }

    /// <summary>Why the agent may not vote, or null: accredited, not replaced, a called suplente, trained where required.</summary>
    public string? WhyCannotVote(Agent agent, bool attendedTraining)
    {
        if (agent.CycleId != CycleId)
        {
            return Messages.VoterNotOfCycle.Format();
        }

        if (!agent.IsAccredited)
        {
            return Messages.VoterNotAccredited.Format();
        }

        if (agent.Role == AgentRole.Titular && _substitutions.Any(s => s.TitularAgentId == agent.Id))
        {
            return Messages.VoterTitularAbsent.Format();
        }

        if (agent.Role == AgentRole.Suplente && !_substitutions.Any(s => s.SuplenteAgentId == agent.Id))
        {
            return Messages.VoterSuplenteNotCalled.Format();
        }

        if (agent.MustAttendTrainingToVote && !attendedTraining)
        {
            return Messages.VoterNeedsTraining.Format();
        }

        return null;
    }

    /// <summary>Everything wrong with a ballot's choices under the rules; empty when it can be cast.</summary>
    public IReadOnlyList<string> ProblemsOf(IReadOnlyList<BallotChoice> choices)
    {
        var problems = new List<string>();
        if (choices.Count == 0)
        {
            problems.Add(Messages.BallotEmpty.Format());
            return problems;
        }

        if (choices.Any(c => Item(c.Position) is null))
        {
            problems.Add(Messages.BallotUnknownProject.Format());
            return problems;
        }

        if (choices.Select(c => c.Position).Distinct().Count() != choices.Count)
        {
            problems.Add(Messages.BallotDuplicateProject.Format());
            return problems;
        }

        switch (Rules.BallotType)
        {
            case BallotType.Approval when choices.Count > Rules.MaxApprovals:
                problems.Add(Messages.BallotTooManyApprovals.Format(Rules.MaxApprovals, choices.Count));
                break;
            case BallotType.Knapsack:
                var total = choices.Aggregate(Money.Zero, (sum, c) => sum + Item(c.Position)!.Cost);
                if (total > Budget)
                {
                    problems.Add(Messages.BallotOverCeiling.Format(total, Budget));
                }

                break;
            case BallotType.Cumulative:
                var cap = Rules.MaxPointsPerProject ?? 1;
                if (choices.Any(c => c.Value < 1 || c.Value > cap))
                {
                    problems.Add(Messages.BallotPointsInvalid.Format(cap));
                }

                var spent = choices.Sum(c => (long)c.Value);
                if (spent > Rules.TotalPoints)
                {
                    problems.Add(Messages.BallotTooManyPoints.Format(Rules.TotalPoints, spent));
                }

                break;
            case BallotType.Ranking:
                var k = Rules.RankingLength ?? 1;
                var ranks = choices.Select(c => c.Value).Order().ToList();
                if (choices.Count > k || !ranks.SequenceEqual(Enumerable.Range(1, choices.Count)))
                {
                    problems.Add(Messages.BallotRankingInvalid.Format(k));
                }

                break;
        }

        return problems;
    }

    /// <summary>Counts the ballots with the cycle's rule once the vote has closed; the ballots are the last of each agent.</summary>
    public VoteResult Count(Cycle cycle, Actor actor, IReadOnlyList<AgentBallot> ballots, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        EnsureOnline();
        if (StateAt(now) != VoteState.Closed)
        {
            throw new DomainException(Messages.ResultNeedsClosedVote.Format());
        }

        EnsureNoResult();
        Result = VoteCount.Of(this, ballots, actor, now);
        return Result;
    }

    /// <summary>Records the workshop's consensus: the prioritized projects in order, within the budget, with the minutes.</summary>
    public VoteResult RecordConsensus(Cycle cycle, Actor actor, IReadOnlyList<int> positionsInOrder, string minutes, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        if (Rules.CountingRule != CountingRule.Consensus)
        {
            throw new DomainException(Messages.ConsensusNotTheRule.Format());
        }

        EnsureNoResult();
        var text = minutes.Trim();
        if (text.Length is 0 or > MaxMinutesLength)
        {
            throw new DomainException(Messages.ConsensusMinutesRequired.Format(MaxMinutesLength));
        }

        if (positionsInOrder.Count == 0 || positionsInOrder.Distinct().Count() != positionsInOrder.Count || positionsInOrder.Any(p => Item(p) is null))
        {
            throw new DomainException(Messages.ConsensusNeedsProjects.Format());
        }

        var total = positionsInOrder.Aggregate(Money.Zero, (sum, p) => sum + Item(p)!.Cost);
        if (total > Budget)
        {
            throw new DomainException(Messages.ConsensusOverCeiling.Format(total, Budget));
        }

        Result = VoteResult.FromConsensus(this, positionsInOrder, text, actor, now);
        return Result;
    }

    /// <summary>The result by the technical ranking: consolidated score, greedy within the budget.</summary>
    public VoteResult RankTechnically(Cycle cycle, Actor actor, DateTimeOffset now)
    {
        EnsureManagerOf(cycle, actor);
        if (Rules.CountingRule != CountingRule.TechnicalRanking)
        {
            throw new DomainException(Messages.ConsensusNotTheRule.Format());
        }

        EnsureNoResult();
        Result = VoteCount.ByTechnicalRanking(this, actor, now);
        return Result;
    }

    private void EnsureNoResult()
    {
        if (Result is not null)
        {
            throw new DomainException(Messages.ResultAlreadyComputed.Format());
        }
    }

    /// <summary>Refuses what only an online vote has (ballots, opening, closing) under consensus or technical ranking.</summary>
    internal void EnsureOnline()
    {
        if (!IsOnline)
        {
            throw new DomainException(Rules.CountingRule == CountingRule.Consensus
                ? Messages.VoteIsConsensus.Format()
                : Messages.VoteIsTechnicalRanking.Format());
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
            throw new DomainException(Messages.VoteOnlyInFormalization.Format());
        }
    }
}
