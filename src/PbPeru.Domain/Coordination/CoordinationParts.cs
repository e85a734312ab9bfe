using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Jurisdictions;

namespace PbPeru.Domain.Coordination;

/// <summary>What Coordination needs of a recommended proposal beyond its report entry; <see cref="From"/> reads it off a proposal.</summary>
public sealed record ListedProposal(int ProposalId, IReadOnlyList<string> Districts, string ThemeName, string? Cui)
{
    public static ListedProposal From(Proposal proposal, Cycle cycle) => new(
        proposal.Id,
        proposal.DistrictUbigeos,
        cycle.Themes.FirstOrDefault(t => t.Id == proposal.ThemeId)?.Name ?? "",
        proposal.Cui);
}

/// <summary>
/// A cycle taking part in a coordination space, with what the ledger needs of it snapshotted when
/// it joined: its ceiling and impact rules are frozen by then (from Concertation and Coordination).
/// </summary>
public sealed class CoordinatedCycle
{
    private CoordinatedCycle()
    {
        JurisdictionUbigeo = "";
        GovernmentName = "";
        ImpactRules = ImpactRules.Default;
    }

    internal CoordinatedCycle(Cycle cycle, Jurisdiction jurisdiction, DateTimeOffset now)
    {
        CycleId = cycle.Id;
        JurisdictionUbigeo = cycle.JurisdictionUbigeo;
        GovernmentName = jurisdiction.Name;
        Population = jurisdiction.Population;
        Ceiling = cycle.Ceiling;
        ImpactRules = cycle.ImpactRules;
        JoinedAt = now.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public string JurisdictionUbigeo { get; private set; }

    /// <summary>The jurisdiction's name (Cusco, Urubamba…), used in messages and on the board.</summary>
    public string GovernmentName { get; private set; }

    public long Population { get; private set; }

    public Money Ceiling { get; private set; }

    public ImpactRules ImpactRules { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public GovernmentLevel Level => CoordinationScope.LevelOf(JurisdictionUbigeo);
}

public enum ProjectOrigin
{
    /// <summary>A selected entry of its cycle's published technical report.</summary>
    Report = 0,

    /// <summary>The project a merge agreement made of two or more others.</summary>
    Merge = 1,
}

/// <summary>
/// A project as it came onto the lists: from a cycle's report when the cycle joined, or from a
/// merge. Never changes; where it stands now (active, on whose list, who pays) is the fold of the
/// agreements, <see cref="CoordinationState"/>.
/// </summary>
public sealed class CoordinatedProject
{
    public const int MaxTitleLength = 200;

    private readonly List<CoordinatedProjectDistrict> _districts = [];

    private CoordinatedProject()
    {
        Title = "";
        ThemeName = "";
    }

    internal CoordinatedProject(int number, ProjectOrigin origin, int? proposalId, int originCycleId, string title, Money cost, IEnumerable<string> districts, string themeName, string? cui, int? createdByAgreement)
    {
        Number = number;
        Origin = origin;
        ProposalId = proposalId;
        OriginCycleId = originCycleId;
        Title = title;
        Cost = cost;
        ThemeName = themeName;
        Cui = cui;
        CreatedByAgreement = createdByAgreement;
        _districts.AddRange(districts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(d => new CoordinatedProjectDistrict(d)));
    }

    public int Id { get; private set; }

    /// <summary>1, 2, … within the coordination space; agreements refer to projects by it.</summary>
    public int Number { get; private set; }

    public ProjectOrigin Origin { get; private set; }

    /// <summary>The proposal it comes from; none for a merge.</summary>
    public int? ProposalId { get; private set; }

    /// <summary>The cycle whose list it started on (the report's cycle, or the merge's owner).</summary>
    public int OriginCycleId { get; private set; }

    public string Title { get; private set; }

    /// <summary>What it asks from the participatory budgets: the report's requested amount, or the merge's cost.</summary>
    public Money Cost { get; private set; }

    /// <summary>Its theme's name; themes are per cycle, so overlaps compare names.</summary>
    public string ThemeName { get; private set; }

    public string? Cui { get; private set; }

    /// <summary>The merge agreement that made it; none for a report project.</summary>
    public int? CreatedByAgreement { get; private set; }

    public IReadOnlyList<string> Districts => _districts.Select(d => d.Ubigeo).Order(StringComparer.Ordinal).ToList();
}

public sealed class CoordinatedProjectDistrict
{
    private CoordinatedProjectDistrict()
    {
        Ubigeo = "";
    }

    internal CoordinatedProjectDistrict(string ubigeo)
    {
        Ubigeo = ubigeo;
    }

    public int Id { get; private set; }

    public string Ubigeo { get; private set; }
}

/// <summary>A person present at a coordination meeting, and the government they speak for.</summary>
public sealed record AttendeeInput(string Name, string Office, string GovernmentUbigeo);

public sealed record CoordinationMeetingInput(DateTimeOffset HeldAt, string Place, IReadOnlyList<AttendeeInput> Attendees);

/// <summary>The coordination minutes (acta de coordinación), recorded once for the space.</summary>
public sealed class CoordinationMinutes
{
    public const int MaxTextLength = 20_000;

    private readonly List<CoordinationMinutesMeeting> _meetings = [];

    private CoordinationMinutes()
    {
        Text = "";
        RecordedByUserId = "";
        RecordedBy = "";
    }

    internal CoordinationMinutes(string text, IEnumerable<int> meetingNumbers, Actor actor, DateTimeOffset now)
    {
        Text = text;
        _meetings.AddRange(meetingNumbers.Distinct().Order().Select(n => new CoordinationMinutesMeeting(n)));
        RecordedByUserId = actor.UserId;
        RecordedBy = actor.DisplayName;
        RecordedAt = now.ToUniversalTime();
    }

    public int Id { get; private set; }

    public string Text { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<int> MeetingNumbers => _meetings.Select(m => m.MeetingNumber).Order().ToList();
}

public sealed class CoordinationMinutesMeeting
{
    private CoordinationMinutesMeeting()
    {
    }

    internal CoordinationMinutesMeeting(int meetingNumber)
    {
        MeetingNumber = meetingNumber;
    }

    public int Id { get; private set; }

    public int MeetingNumber { get; private set; }
}
