using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Registration;

public enum ChallengeStatus
{
    Pending = 0,
    Upheld = 1,
    Dismissed = 2,
}

/// <summary>
/// An impugnación: anyone signed in objects to an entry of the preliminary list, with grounds;
/// the manager rules on it with reasons. Upheld takes the agent off the list.
/// </summary>
public sealed class Challenge
{
    public const int MaxTextLength = 2000;

    private Challenge()
    {
        FiledByUserId = "";
        FiledByName = "";
        Grounds = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public int AgentId { get; private set; }

    public string FiledByUserId { get; private set; }

    public string FiledByName { get; private set; }

    public string Grounds { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public ChallengeStatus Status { get; private set; }

    public string? RulingReasons { get; private set; }

    public string? RuledByName { get; private set; }

    public DateTimeOffset? RuledAt { get; private set; }

    public static Challenge File(Cycle cycle, AccreditationList list, Agent agent, string userId, string userName, string grounds, DateOnly today, DateTimeOffset now)
    {
        list.EnsureChallengesOpen(cycle, today);
        if (agent.CycleId != cycle.Id || !agent.IsAccredited)
        {
            throw new DomainException(Messages.ChallengeTargetNotListed.Format());
        }

        var text = grounds.Trim();
        if (text.Length == 0)
        {
            throw new DomainException(Messages.ChallengeNeedsGrounds.Format());
        }

        if (text.Length > MaxTextLength)
        {
            throw new DomainException(Messages.NoteTooLong.Format(MaxTextLength));
        }

        return new Challenge
        {
            CycleId = cycle.Id,
            AgentId = agent.Id,
            FiledByUserId = userId,
            FiledByName = userName,
            Grounds = text,
            FiledAt = now.ToUniversalTime(),
            Status = ChallengeStatus.Pending,
        };
    }

    public void Rule(Cycle cycle, AccreditationList list, Actor manager, Agent agent, bool upheld, string reasons, DateTimeOffset now)
    {
        if (!manager.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.Id != CycleId || agent.Id != AgentId)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        if (Status != ChallengeStatus.Pending)
        {
            throw new DomainException(Messages.ChallengeAlreadyRuled.Format());
        }

        if (list.IsFinalPublished)
        {
            throw new DomainException(Messages.FinalAlreadyPublished.Format());
        }

        var text = reasons.Trim();
        if (text.Length == 0)
        {
            throw new DomainException(Messages.RulingNeedsReasons.Format());
        }

        if (text.Length > MaxTextLength)
        {
            throw new DomainException(Messages.NoteTooLong.Format(MaxTextLength));
        }

        Status = upheld ? ChallengeStatus.Upheld : ChallengeStatus.Dismissed;
        RulingReasons = text;
        RuledByName = manager.DisplayName;
        RuledAt = now.ToUniversalTime();
        if (upheld)
        {
            agent.Exclude(Id);
        }
    }
}
