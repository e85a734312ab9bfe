using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;

namespace PbPeru.Domain.Deliberation;

/// <summary>What a workshop decided by consensus instead of by a vote.</summary>
public enum ConsensusSubject
{
    ThemePriorities = 0,
    FinalVote = 1,
    CommitteeElection = 2,
    Other = 3,
}

/// <summary>
/// A decision the participants took by consensus in a workshop, recorded by the manager with the
/// decision as agreed and the minutes of the discussion; the result pages show it in place of a vote
/// count. One per cycle and subject, except <see cref="ConsensusSubject.Other"/>; once recorded it
/// does not change, as the workshop's minutes do not.
/// </summary>
public sealed class ConsensusRecord
{
    public const int MaxDecisionLength = 4000;
    public const int MaxMinutesLength = 20000;
    public const int CreationKeyLength = 32;

    private ConsensusRecord()
    {
        Decision = "";
        Minutes = "";
        CreationKey = "";
        RecordedByUserId = "";
        RecordedBy = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    /// <summary>The workshop of the cycle where the consensus was reached, when it was recorded as a meeting.</summary>
    public int? MeetingId { get; private set; }

    public ConsensusSubject Subject { get; private set; }

    /// <summary>The decision as the workshop agreed it ("Los ejes quedan priorizados así: …").</summary>
    public string Decision { get; private set; }

    /// <summary>How it was reached: who spoke, what was discussed, who agreed.</summary>
    public string Minutes { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The random key of the form that created it: a second submit of the same form finds this one instead of adding another.</summary>
    public string CreationKey { get; private set; }

    /// <summary>A subject recorded at most once per cycle: every one but <see cref="ConsensusSubject.Other"/>.</summary>
    public static bool IsOncePerCycle(ConsensusSubject subject) => subject != ConsensusSubject.Other;

    /// <summary>The phase in which a consensus on <paramref name="subject"/> is taken; null: any phase of the process.</summary>
    public static Phase? PhaseOf(ConsensusSubject subject) => subject switch
    {
        ConsensusSubject.ThemePriorities => Phase.Concertation,
        ConsensusSubject.FinalVote or ConsensusSubject.CommitteeElection => Phase.Formalization,
        _ => null,
    };

    /// <summary>Refuses a second record of a subject that is recorded once per cycle.</summary>
    public static void EnsureNotYetRecorded(ConsensusSubject subject, IEnumerable<ConsensusSubject> recorded)
    {
        if (IsOncePerCycle(subject) && recorded.Contains(subject))
        {
            throw new DomainException(Messages.ConsensusAlreadyRecorded.Format());
        }
    }

    public static ConsensusRecord Record(
        Cycle cycle, Actor manager, Meeting? meeting, ConsensusSubject subject, string decision, string minutes, string creationKey, DateTimeOffset now)
    {
        if (!manager.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        var problems = new List<string>();
        if (!Enum.IsDefined(subject))
        {
            problems.Add(Messages.ConsensusSubjectInvalid.Format());
        }
        else if (PhaseOf(subject) is { } phase && cycle.Phase != phase)
        {
            problems.Add(Messages.ConsensusNotInPhase.Format(PhaseNames.Of(phase)));
        }
        else if (PhaseOf(subject) is null && cycle.Phase is Phase.Draft or Phase.Published or Phase.Closed)
        {
            problems.Add(Messages.ConsensusNotNow.Format());
        }

        if (subject == ConsensusSubject.FinalVote && cycle.VotingRules.CountingRule != CountingRule.Consensus)
        {
            problems.Add(Messages.ConsensusFinalVoteNotTheRule.Format());
        }

        if (meeting is not null && meeting.CycleId != cycle.Id)
        {
            problems.Add(Messages.ConsensusMeetingNotOfCycle.Format());
        }

        var decisionText = (decision ?? "").Trim();
        if (decisionText.Length is 0 or > MaxDecisionLength)
        {
            problems.Add(Messages.ConsensusDecisionRequired.Format(MaxDecisionLength));
        }

        var minutesText = (minutes ?? "").Trim();
        if (minutesText.Length is 0 or > MaxMinutesLength)
        {
            problems.Add(Messages.ConsensusRecordMinutesRequired.Format(MaxMinutesLength));
        }

        if (string.IsNullOrEmpty(creationKey) || creationKey.Length > CreationKeyLength)
        {
            throw new ArgumentException($"A creation key of 1 to {CreationKeyLength} characters is required.", nameof(creationKey));
        }

        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        return new ConsensusRecord
        {
            CycleId = cycle.Id,
            MeetingId = meeting?.Id,
            Subject = subject,
            Decision = decisionText,
            Minutes = minutesText,
            RecordedByUserId = manager.UserId,
            RecordedBy = manager.DisplayName,
            RecordedAt = now.ToUniversalTime(),
            CreationKey = creationKey,
        };
    }
}
