using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Meetings;

/// <summary>
/// A coordination meeting is a <see cref="Meeting"/> of a coordination space instead of a cycle: numbered
/// within its space, its attendees are guests (authorities, each speaking for a government of the space)
/// and it records who entered it. <see cref="PbPeru.Domain.Coordination.CoordinationSpace"/> records them.
/// </summary>
public sealed partial class Meeting
{
    /// <summary>The coordination space of a coordination meeting; null for a cycle's meeting.</summary>
    public int? CoordinationSpaceId { get; private set; }

    /// <summary>1, 2, … within its coordination space; agreements and the minutes refer to it. Null for a cycle's meeting.</summary>
    public int? Number { get; private set; }

    /// <summary>Who recorded a coordination meeting, and when.</summary>
    public string? RecordedByUserId { get; private set; }

    public string? RecordedBy { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    /// <summary>The governments (ubigeos) that took part: those of its guests.</summary>
    public IReadOnlySet<string> Governments => _guests
        .Select(g => g.GovernmentUbigeo)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// A coordination meeting held at <paramref name="heldAt"/>; its attendees come in as authorities of
    /// their governments, in order. The space checked the input (place, names, offices, governments) and the actor.
    /// </summary>
    internal static Meeting ForCoordination(int number, DateTimeOffset heldAt, string place, IEnumerable<GuestInput> attendees, Actor actor, DateTimeOffset now)
    {
        var meeting = new Meeting
        {
            Kind = MeetingKind.CoordinationMeeting,
            Number = number,
            Title = CoordinationTitle(number),
            StartsAt = heldAt.ToUniversalTime(),
            Place = place,
            Facilitator = "",
            RecordedByUserId = actor.UserId,
            RecordedBy = actor.DisplayName,
            RecordedAt = now.ToUniversalTime(),
        };

        // Governments of a space are departments, provinces and districts (2, 4 or 6 digits), so the
        // guests are added here rather than through AddGuestUnchecked, which takes district ubigeos only.
        foreach (var attendee in attendees)
        {
            meeting._guests.Add(new MeetingGuest(
                meeting._guests.Count + 1, attendee.Name, attendee.Office, attendee.Category, attendee.Sex, attendee.GovernmentUbigeo));
        }

        return meeting;
    }

    /// <summary>The title a coordination meeting gets (the data migration writes the same).</summary>
    public static string CoordinationTitle(int number) => $"Reunión de coordinación N.º {number}";
}
