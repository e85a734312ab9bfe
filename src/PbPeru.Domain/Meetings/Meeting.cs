using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Meetings;

/// <summary>Every face-to-face event of a cycle is a meeting; training sessions are the first kind built.</summary>
public enum MeetingKind
{
    Training = 0,
    InformationWorkshop = 1,
    PrioritizationWorkshop = 2,
    FormalizationWorkshop = 3,
    CoordinationMeeting = 4,
    Other = 5,
}

public sealed record MeetingDetails(MeetingKind Kind, string Title, DateTimeOffset StartsAt, string Place, string Facilitator);

/// <summary>A meeting of a cycle with the agents recorded as present.</summary>
public sealed class Meeting
{
    public const int MaxTitleLength = 200;
    public const int MaxPlaceLength = 300;

    private readonly List<Attendance> _attendance = [];

    private Meeting()
    {
        Title = "";
        Place = "";
        Facilitator = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string Title { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public string Place { get; private set; }

    /// <summary>The trainer of a training session; whoever leads the meeting otherwise.</summary>
    public string Facilitator { get; private set; }

    public IReadOnlyList<Attendance> Attendance => _attendance.ToList();

    public static Meeting Schedule(Cycle cycle, Actor manager, MeetingDetails details)
    {
        if (!manager.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.Phase is Phase.Draft or Phase.Closed)
        {
            throw new DomainException(Messages.MeetingNotNow.Format());
        }

        var meeting = new Meeting { CycleId = cycle.Id };
        meeting.Apply(details);
        return meeting;
    }

    public void Reschedule(Cycle cycle, Actor manager, MeetingDetails details)
    {
        if (!manager.ManagesJurisdiction(cycle.JurisdictionUbigeo) || cycle.Id != CycleId)
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        Apply(details);
    }

    /// <summary>Marks an accredited agent of the cycle present. Marking twice counts once: returns false.</summary>
    public bool MarkPresent(Agent agent, Actor staff, DateTimeOffset now)
    {
        if (agent.CycleId != CycleId || !agent.IsAccredited)
        {
            throw new DomainException(Messages.AttendeeNotAccredited.Format());
        }

        if (_attendance.Any(a => a.AgentId == agent.Id))
        {
            return false;
        }

        _attendance.Add(new Attendance(agent.Id, staff, now));
        return true;
    }

    public bool Unmark(int agentId)
    {
        var record = _attendance.FirstOrDefault(a => a.AgentId == agentId);
        return record is not null && _attendance.Remove(record);
    }

    private void Apply(MeetingDetails details)
    {
        var title = details.Title.Trim();
        var place = details.Place.Trim();
        if (title.Length is 0 or > MaxTitleLength || place.Length is 0 or > MaxPlaceLength)
        {
            throw new DomainException(Messages.MeetingDetailsInvalid.Format(MaxTitleLength, MaxPlaceLength));
        }

        Kind = details.Kind;
        Title = title;
        StartsAt = details.StartsAt.ToUniversalTime();
        Place = place;
        Facilitator = details.Facilitator.Trim();
    }
}

/// <summary>An agent recorded present at a meeting, by whom and when.</summary>
public sealed class Attendance
{
    private Attendance()
    {
        MarkedByUserId = "";
    }

    internal Attendance(int agentId, Actor staff, DateTimeOffset at)
    {
        AgentId = agentId;
        MarkedByUserId = staff.UserId;
        MarkedAt = at.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int AgentId { get; private set; }

    public string MarkedByUserId { get; private set; }

    public DateTimeOffset MarkedAt { get; private set; }
}
