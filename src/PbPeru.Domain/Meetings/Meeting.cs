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

/// <summary>Who a non-agent attendee is: the cycle's staff, the technical team, an authority, a guest.</summary>
public enum AttendeeCategory
{
    Staff = 0,
    TechnicalTeam = 1,
    Authority = 2,
    Guest = 3,
}

/// <summary>A non-agent attendee as typed by the manager (or a coordination attendee, with its government).</summary>
public sealed record GuestInput(string Name, string Office, AttendeeCategory Category, Sex? Sex, string? GovernmentUbigeo);

/// <summary>Attendance of a meeting, counted (never named): agents and guests, each split by sex.</summary>
public sealed record MeetingCounts(int Agents, int AgentWomen, int AgentMen, int Guests, int GuestWomen, int GuestMen, int GuestSexUnknown);

/// <summary>
/// A meeting: a cycle's training, workshop or other session (with its agenda, agents present, guests,
/// minutes, agreements and attachments), or a coordination meeting of a coordination space.
/// </summary>
public sealed partial class Meeting
{
    public const int MaxTitleLength = 200;
    public const int MaxPlaceLength = 300;
    public const int MaxAgendaLength = 4000;
    public const int MaxMinutesLength = 20000;
    public const int MaxGuests = 500;
    public const int MaxAgreements = 100;
    public const int MaxDocuments = 20;

    private readonly List<Attendance> _attendance = [];
    private readonly List<MeetingGuest> _guests = [];
    private readonly List<MeetingAgreement> _agreements = [];
    private readonly List<MeetingDocument> _documents = [];

    private Meeting()
    {
        Title = "";
        Place = "";
        Facilitator = "";
    }

    public int Id { get; private set; }

    /// <summary>The cycle of the meeting; null for a coordination meeting, which belongs to a coordination space.</summary>
    public int? CycleId { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string Title { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public string Place { get; private set; }

    /// <summary>The trainer of a training session; whoever leads the meeting otherwise.</summary>
    public string Facilitator { get; private set; }

    public IReadOnlyList<Attendance> Attendance => _attendance.ToList();

    /// <summary>What the meeting is to discuss, published ahead of it.</summary>
    public string? Agenda { get; private set; }

    /// <summary>The minutes (what happened), as text; scanned signed minutes go in <see cref="Documents"/>.</summary>
    public string? Minutes { get; private set; }

    public DateTimeOffset? MinutesRecordedAt { get; private set; }

    public IReadOnlyList<MeetingGuest> Guests => _guests.OrderBy(g => g.Position).ToList();

    public IReadOnlyList<MeetingAgreement> Agreements => _agreements.OrderBy(a => a.Position).ToList();

    public IReadOnlyList<MeetingDocument> Documents => _documents.OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).ToList();

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

    /// <summary>Records the agenda, the minutes' text and the agreements (replacing the earlier ones). Blank agreements are dropped.</summary>
    public void RecordMinutes(Cycle cycle, Actor manager, string? agenda, string? minutes, IReadOnlyList<string> agreements, DateTimeOffset now)
    {
        EnsureManagedOpen(cycle, manager);
        var cleanAgenda = Clean(agenda);
        var cleanMinutes = Clean(minutes);
        if (cleanAgenda?.Length > MaxAgendaLength)
        {
            throw new DomainException(Messages.MeetingAgendaTooLong.Format(MaxAgendaLength));
        }

        if (cleanMinutes?.Length > MaxMinutesLength)
        {
            throw new DomainException(Messages.MeetingMinutesTooLong.Format(MaxMinutesLength));
        }

        var texts = agreements.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        if (texts.Count > MaxAgreements)
        {
            throw new DomainException(Messages.MeetingTooManyAgreements.Format(MaxAgreements));
        }

        var tooLong = texts.FindIndex(a => a.Length > MeetingAgreement.MaxTextLength);
        if (tooLong >= 0)
        {
            throw new DomainException(Messages.MeetingAgreementTooLong.Format(tooLong + 1, MeetingAgreement.MaxTextLength));
        }

        Agenda = cleanAgenda;
        if (cleanMinutes != Minutes)
        {
            MinutesRecordedAt = cleanMinutes is null ? null : now.ToUniversalTime();
        }

        Minutes = cleanMinutes;
        var current = Agreements.Select(a => a.Text).ToList();
        if (!current.SequenceEqual(texts, StringComparer.Ordinal))
        {
            _agreements.Clear();
            _agreements.AddRange(texts.Select((text, i) => new MeetingAgreement(i + 1, text)));
        }
    }

    public MeetingGuest AddGuest(Cycle cycle, Actor manager, GuestInput guest)
    {
        EnsureManagedOpen(cycle, manager);
        return AddGuestUnchecked(guest);
    }

    public void RemoveGuest(Cycle cycle, Actor manager, int position)
    {
        EnsureManagedOpen(cycle, manager);
        var guest = _guests.FirstOrDefault(g => g.Position == position)
            ?? throw new DomainException(Messages.MeetingGuestUnknown.Format());
        _guests.Remove(guest);
    }

    public MeetingDocument Attach(Cycle cycle, Actor manager, string fileName, string storageKey, string contentType, long size, string sha256, DateTimeOffset now)
    {
        EnsureManagedOpen(cycle, manager);
        if (_documents.Count >= MaxDocuments)
        {
            throw new DomainException(Messages.MeetingTooManyDocuments.Format(MaxDocuments));
        }

        var name = fileName.Trim();
        if (name.Length > MeetingDocument.MaxFileNameLength)
        {
            name = name[^MeetingDocument.MaxFileNameLength..];
        }

        var document = new MeetingDocument(name.Length == 0 ? "documento" : name, storageKey, contentType, size, sha256, now);
        _documents.Add(document);
        return document;
    }

    /// <summary>Counts of the agents present (by their sex) and of the guests (by the sex recorded, if any).</summary>
    public MeetingCounts Counts(IReadOnlyDictionary<int, Sex> agentSexById)
    {
        var agentSexes = _attendance.Select(a => agentSexById.TryGetValue(a.AgentId, out var sex) ? sex : (Sex?)null).ToList();
        return new MeetingCounts(
            agentSexes.Count,
            agentSexes.Count(s => s == Sex.Female),
            agentSexes.Count(s => s == Sex.Male),
            _guests.Count,
            _guests.Count(g => g.Sex == Sex.Female),
            _guests.Count(g => g.Sex == Sex.Male),
            _guests.Count(g => g.Sex is null));
    }

    /// <summary>Adds a guest after the last one, checking the input but not who asks (the caller did).</summary>
    internal MeetingGuest AddGuestUnchecked(GuestInput guest)
    {
        if (_guests.Count >= MaxGuests)
        {
            throw new DomainException(Messages.MeetingTooManyGuests.Format(MaxGuests));
        }

        var name = guest.Name.Trim();
        var office = guest.Office.Trim();
        var ubigeo = Clean(guest.GovernmentUbigeo);
        if (name.Length is 0 or > MeetingGuest.MaxNameLength || office.Length > MeetingGuest.MaxOfficeLength)
        {
            throw new DomainException(Messages.MeetingGuestInvalid.Format(MeetingGuest.MaxNameLength, MeetingGuest.MaxOfficeLength));
        }

        if (ubigeo is not null && (ubigeo.Length != 6 || !ubigeo.All(char.IsAsciiDigit)))
        {
            throw new DomainException(Messages.MeetingGuestUbigeoInvalid.Format());
        }

        if (!Enum.IsDefined(guest.Category) || (guest.Sex is { } sex && !Enum.IsDefined(sex)))
        {
            throw new DomainException(Messages.MeetingGuestInvalid.Format(MeetingGuest.MaxNameLength, MeetingGuest.MaxOfficeLength));
        }

        var position = _guests.Count == 0 ? 1 : _guests.Max(g => g.Position) + 1;
        var added = new MeetingGuest(position, name, office, guest.Category, guest.Sex, ubigeo);
        _guests.Add(added);
        return added;
    }

    private static string? Clean(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private void EnsureManagedOpen(Cycle cycle, Actor manager)
    {
        if (!manager.ManagesJurisdiction(cycle.JurisdictionUbigeo) || cycle.Id != CycleId)
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.Phase == Phase.Closed)
        {
            throw new DomainException(Messages.CycleClosed.Format());
        }
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

/// <summary>A non-agent attendee: staff, technical team, an authority, a guest; the attendees of a coordination meeting too.</summary>
public sealed class MeetingGuest
{
    public const int MaxNameLength = 200;
    public const int MaxOfficeLength = 200;

    private MeetingGuest()
    {
        Name = "";
        Office = "";
    }

    internal MeetingGuest(int position, string name, string office, AttendeeCategory category, Sex? sex, string? governmentUbigeo)
    {
        Position = position;
        Name = name;
        Office = office;
        Category = category;
        Sex = sex;
        GovernmentUbigeo = governmentUbigeo;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; }

    /// <summary>Role or office: «Gerente de Planeamiento», «Alcalde»…</summary>
    public string Office { get; private set; }

    public AttendeeCategory Category { get; private set; }

    /// <summary>Recorded when known, for the sex-disaggregated counts.</summary>
    public Sex? Sex { get; private set; }

    /// <summary>The government the attendee speaks for (coordination meetings).</summary>
    public string? GovernmentUbigeo { get; private set; }
}

/// <summary>One agreement reached at a meeting, in order.</summary>
public sealed class MeetingAgreement
{
    public const int MaxTextLength = 1000;

    private MeetingAgreement()
    {
        Text = "";
    }

    internal MeetingAgreement(int position, string text)
    {
        Position = position;
        Text = text;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int Position { get; private set; }

    public string Text { get; private set; }
}

/// <summary>A file attached to a meeting: the signed minutes, an attendance sheet, photos, slides.</summary>
public sealed class MeetingDocument
{
    public const int MaxFileNameLength = 200;

    private MeetingDocument()
    {
        FileName = "";
        StorageKey = "";
        ContentType = "";
        Sha256 = "";
    }

    internal MeetingDocument(string fileName, string storageKey, string contentType, long sizeBytes, string sha256, DateTimeOffset uploadedAt)
    {
        FileName = fileName;
        StorageKey = storageKey;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedAt = uploadedAt.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public string FileName { get; private set; }

    public string StorageKey { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}
