using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Domain.Meetings;

namespace PbPeru.Domain.Coordination;

/// <summary>
/// The coordination of one department's cycles in one fiscal year: the regional government's, its
/// provinces' and its districts' (keyed by the department, not by whichever cycle is on top, so the
/// key never changes as cycles join). It holds the cycles that joined, the projects on their lists,
/// the meetings, the append-only ledger of agreements and the minutes. The current lists are never
/// stored: <see cref="State"/> folds the agreements over the initial lists (<see cref="CoordinationLedger"/>).
/// </summary>
/// <remarks>
/// Cycles are linked only up and down the hierarchy (<see cref="CoordinationScope"/>): transfers,
/// shares and merges stay between linked governments. A cycle joins only in Coordination and cannot
/// leave it before the minutes are recorded (the phase gate), and nothing is recorded here after
/// the minutes, so meetings and agreements are only ever recorded while their cycles are in Coordination.
/// </remarks>
public sealed class CoordinationSpace
{
    private readonly List<CoordinatedCycle> _cycles = [];
    private readonly List<CoordinatedProject> _projects = [];
    private readonly List<Meeting> _meetings = [];
    private readonly List<CoordinationAgreement> _agreements = [];

    private CoordinationSpace()
    {
        DepartmentUbigeo = "";
    }

    public int Id { get; private set; }

    /// <summary>The department (2-digit ubigeo) whose cycles coordinate here.</summary>
    public string DepartmentUbigeo { get; private set; }

    public int FiscalYear { get; private set; }

    public CoordinationMinutes? Minutes { get; private set; }

    public bool MinutesRecorded => Minutes is not null;

    public IReadOnlyList<CoordinatedCycle> Cycles => _cycles
        .OrderBy(c => c.JurisdictionUbigeo.Length)
        .ThenBy(c => c.JurisdictionUbigeo, StringComparer.Ordinal)
        .ToList();

    public IReadOnlyList<CoordinatedProject> Projects => _projects.OrderBy(p => p.Number).ToList();

    /// <summary>Its coordination meetings (meetings of the kind <see cref="MeetingKind.CoordinationMeeting"/>), by number.</summary>
    public IReadOnlyList<Meeting> Meetings => _meetings.OrderBy(m => m.Number).ToList();

    /// <summary>The ledger, in order.</summary>
    public IReadOnlyList<CoordinationAgreement> Agreements => _agreements.OrderBy(a => a.Number).ToList();

    /// <summary>The lists now: the fold of the ledger over the initial lists.</summary>
    public CoordinationState State => CoordinationLedger.Fold(Cycles, Projects, Agreements);

    /// <summary>The space of a department and fiscal year (one each; the caller finds the stored one first, and a unique index keeps it so).</summary>
    public static CoordinationSpace Open(string departmentUbigeo, int fiscalYear)
    {
        if (departmentUbigeo.Length != 2 || !departmentUbigeo.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Not a department ubigeo: '{departmentUbigeo}'.", nameof(departmentUbigeo));
        }

        return new CoordinationSpace { DepartmentUbigeo = departmentUbigeo, FiscalYear = fiscalYear };
    }

    /// <summary>The space's cycle for a cycle id, if it joined.</summary>
    public CoordinatedCycle? CycleOf(int cycleId) => _cycles.FirstOrDefault(c => c.CycleId == cycleId);

    /// <summary>The joined cycles a cycle coordinates with (up and down the hierarchy).</summary>
    public IReadOnlyList<CoordinatedCycle> LinkedTo(int cycleId)
    {
        var cycle = CycleOf(cycleId);
        return cycle is null ? [] : Cycles.Where(c => CoordinationScope.AreLinked(c.JurisdictionUbigeo, cycle.JurisdictionUbigeo)).ToList();
    }

    /// <summary>
    /// Brings a cycle that has entered Coordination into the space, with one project per selected
    /// entry of its published technical report (cost: the entry's requested amount).
    /// <paramref name="proposals"/> gives each selected proposal's districts, theme and CUI.
    /// </summary>
    public void Join(Cycle cycle, Jurisdiction jurisdiction, TechnicalReport report, IReadOnlyList<ListedProposal> proposals, Actor actor, DateTimeOffset now)
    {
        if (!actor.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.FiscalYear != FiscalYear || CoordinationScope.DepartmentOf(cycle.JurisdictionUbigeo) != DepartmentUbigeo
            || jurisdiction.Ubigeo != cycle.JurisdictionUbigeo || report.CycleId != cycle.Id)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        EnsureMinutesNotRecorded();
        if (cycle.Phase != Phase.Coordination)
        {
            throw new DomainException(Messages.NotInCoordination.Format());
        }

        if (!report.IsPublished)
        {
            throw new DomainException(Messages.RecommendationNotPublished.Format());
        }

        if (CycleOf(cycle.Id) is not null)
        {
            throw new DomainException(Messages.CycleAlreadyCoordinating.Format());
        }

        var selected = report.Entries.Where(e => e.Selected).ToList();
        var byProposal = proposals.ToDictionary(p => p.ProposalId);
        var missing = selected.FirstOrDefault(e => !byProposal.ContainsKey(e.ProposalId));
        if (missing is not null)
        {
            throw new ArgumentException($"Proposal {missing.ProposalId} is selected but its details were not given.", nameof(proposals));
        }

        _cycles.Add(new CoordinatedCycle(cycle, jurisdiction, now));
        var number = NextProjectNumber();
        foreach (var entry in selected)
        {
            var details = byProposal[entry.ProposalId];
            _projects.Add(new CoordinatedProject(
                number++, ProjectOrigin.Report, entry.ProposalId, cycle.Id, entry.Title, entry.RequestedAmount, details.Districts, details.ThemeName, details.Cui, createdByAgreement: null));
        }
    }

    /// <summary>
    /// Records a coordination meeting. Every attendee speaks for a government of the space, and the
    /// one recording it manages a government that took part.
    /// </summary>
    public Meeting RecordMeeting(CoordinationMeetingInput input, Actor actor, DateTimeOffset now)
    {
        EnsureMinutesNotRecorded();
        var place = input.Place.Trim();
        if (place.Length is 0 or > Meeting.MaxPlaceLength)
        {
            throw new DomainException(Messages.CoordinationMeetingPlaceInvalid.Format(Meeting.MaxPlaceLength));
        }

        if (input.Attendees.Count == 0)
        {
            throw new DomainException(Messages.CoordinationMeetingNoAttendees.Format());
        }

        var attendees = new List<GuestInput>();
        foreach (var attendee in input.Attendees)
        {
            var name = attendee.Name.Trim();
            var office = attendee.Office.Trim();
            if (name.Length is 0 or > MeetingGuest.MaxNameLength || office.Length is 0 or > MeetingGuest.MaxOfficeLength)
            {
                throw new DomainException(Messages.CoordinationAttendeeInvalid.Format(MeetingGuest.MaxNameLength));
            }

            if (_cycles.All(c => c.JurisdictionUbigeo != attendee.GovernmentUbigeo))
            {
                throw new DomainException(Messages.CoordinationAttendeeGovernmentUnknown.Format(name));
            }

            // They speak for their governments: authorities, whose sex the form does not ask.
            attendees.Add(new GuestInput(name, office, AttendeeCategory.Authority, Sex: null, attendee.GovernmentUbigeo));
        }

        if (!attendees.Any(a => a.GovernmentUbigeo is { } ubigeo && actor.ManagesJurisdiction(ubigeo)))
        {
            throw new DomainException(Messages.RecorderNotInMeeting.Format());
        }

        var meeting = Meeting.ForCoordination((_meetings.Max(m => m.Number) ?? 0) + 1, input.HeldAt, place, attendees, actor, now);
        _meetings.Add(meeting);
        return meeting;
    }

    /// <summary>Splits a project's cost among governments; replaces any earlier split of it.</summary>
    public CoordinationAgreement AgreeCofinancing(int meetingNumber, int projectNumber, IReadOnlyList<ShareInput> shares, Actor actor, DateTimeOffset now) =>
        Record(CoordinationAgreement.New(NextAgreementNumber(), AgreementKind.Cofinancing, meetingNumber, [projectNumber], actor, now, shares: shares), null, actor);

    /// <summary>Moves a project to a linked government's list.</summary>
    public CoordinationAgreement AgreeTransfer(int meetingNumber, int projectNumber, int toCycleId, Actor actor, DateTimeOffset now) =>
        Record(CoordinationAgreement.New(NextAgreementNumber(), AgreementKind.Transfer, meetingNumber, [projectNumber], actor, now, targetCycleId: toCycleId), null, actor);

    /// <summary>
    /// Makes one project of two or more, on <paramref name="ownerCycleId"/>'s list (linked to every
    /// source's government), paid by that government alone; its districts are the sources' districts,
    /// its theme the first source's and its CUI the first one given among them.
    /// </summary>
    public CoordinationAgreement AgreeMerge(int meetingNumber, IReadOnlyList<int> projectNumbers, string title, Money cost, int ownerCycleId, Actor actor, DateTimeOffset now)
    {
        var number = NextAgreementNumber();
        var sources = projectNumbers.Select(n => _projects.FirstOrDefault(p => p.Number == n)).OfType<CoordinatedProject>().ToList();
        var merged = new CoordinatedProject(
            NextProjectNumber(),
            ProjectOrigin.Merge,
            proposalId: null,
            ownerCycleId,
            title.Trim(),
            cost,
            sources.SelectMany(s => s.Districts),
            sources.FirstOrDefault()?.ThemeName ?? "",
            sources.Select(s => s.Cui).FirstOrDefault(c => c is not null),
            number);
        var agreement = CoordinationAgreement.New(
            number, AgreementKind.Merge, meetingNumber, projectNumbers, actor, now, targetCycleId: ownerCycleId, title: title, cost: cost, resultProject: merged.Number);
        return Record(agreement, merged, actor);
    }

    /// <summary>Takes a project off its list for want of reach, with the reason.</summary>
    public CoordinationAgreement RejectForReach(int meetingNumber, int projectNumber, string reason, Actor actor, DateTimeOffset now) =>
        Record(CoordinationAgreement.New(NextAgreementNumber(), AgreementKind.RejectForReach, meetingNumber, [projectNumber], actor, now, reason: reason), null, actor);

    /// <summary>Judges two overlapping projects not to be duplicates; both stay where they are.</summary>
    public CoordinationAgreement KeepSeparate(int meetingNumber, int firstProject, int secondProject, string note, Actor actor, DateTimeOffset now) =>
        Record(CoordinationAgreement.New(NextAgreementNumber(), AgreementKind.KeepSeparate, meetingNumber, [firstProject, secondProject], actor, now, reason: note), null, actor);

    /// <summary>
    /// Undoes an earlier agreement by a new one. Refused for a revocation (record the agreement
    /// again instead), for one already revoked, and while a later agreement in effect touches a
    /// project the earlier one touched (revoke that one first): so the lists become what they would
    /// have been without it, and the result is checked like any agreement (ceilings included).
    /// </summary>
    public CoordinationAgreement Revoke(int meetingNumber, int agreementNumber, string reason, Actor actor, DateTimeOffset now)
    {
        var ledger = Agreements;
        var target = ledger.FirstOrDefault(a => a.Number == agreementNumber)
            ?? throw new DomainException(Messages.AgreementUnknown.Format(agreementNumber));
        if (target.Kind == AgreementKind.Revoke)
        {
            throw new DomainException(Messages.RevokeOfRevoke.Format());
        }

        if (ledger.Any(a => a.Kind == AgreementKind.Revoke && a.RevokesAgreement == agreementNumber))
        {
            throw new DomainException(Messages.AgreementAlreadyRevoked.Format(agreementNumber));
        }

        var touched = target.TouchedProjects.ToHashSet();
        var dependents = State.InEffect
            .Where(a => a.Number > agreementNumber && a.TouchedProjects.Any(touched.Contains))
            .Select(a => a.Number)
            .ToList();
        if (dependents.Count > 0)
        {
            throw new DomainException(Messages.RevokeHasDependents.Format(agreementNumber, string.Join(", ", dependents)));
        }

        var agreement = CoordinationAgreement.New(
            NextAgreementNumber(), AgreementKind.Revoke, meetingNumber, [], actor, now, reason: reason, revokes: agreementNumber);
        return Record(agreement, null, actor, concerned: target.TouchedProjects);
    }

    /// <summary>
    /// Records the coordination minutes, once: the text and the meetings they cover, by a manager of
    /// a government that took part in one of them. Nothing more is recorded in the space afterwards.
    /// </summary>
    public CoordinationMinutes RecordMinutes(string text, IReadOnlyList<int> meetingNumbers, Actor actor, DateTimeOffset now)
    {
        EnsureMinutesNotRecorded();
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > CoordinationMinutes.MaxTextLength)
        {
            throw new DomainException(Messages.MinutesTextInvalid.Format(CoordinationMinutes.MaxTextLength));
        }

        var meetings = meetingNumbers.Distinct().Select(n => _meetings.FirstOrDefault(m => m.Number == n)).ToList();
        if (meetings.Count == 0 || meetings.Any(m => m is null))
        {
            throw new DomainException(Messages.MinutesNeedMeetings.Format());
        }

        if (!meetings.SelectMany(m => m!.Governments).Any(actor.ManagesJurisdiction))
        {
            throw new DomainException(Messages.RecorderNotInMeeting.Format());
        }

        Minutes = new CoordinationMinutes(trimmed, meetingNumbers, actor, now);
        return Minutes;
    }

    /// <summary>The reach problems of a project against its current list's rules (empty when none, or when it is not on a list).</summary>
    public IReadOnlyList<string> ReachProblems(int projectNumber, IReadOnlyDictionary<string, long> districtPopulations)
    {
        var standing = State.Project(projectNumber);
        if (standing is not { IsActive: true })
        {
            return [];
        }

        var owner = CycleOf(standing.OwnerCycleId)!;
        return ReachCheck.Problems(standing.Project.Cost, standing.Project.Districts, owner.JurisdictionUbigeo, owner.ImpactRules, owner.Population, districtPopulations);
    }

    /// <summary>The gate's facts for one cycle: the minutes, and the unresolved overlaps touching its list.</summary>
    public CycleFacts ApplyTo(CycleFacts facts, int cycleId) => facts with
    {
        CoordinationMinutesRecorded = MinutesRecorded,
        UnresolvedOverlaps = State.UnresolvedOverlapsOf(cycleId),
    };

    /// <summary>
    /// Checks a new agreement against the state it would produce and appends it only if every rule
    /// holds: the meeting exists, the recorder's government took part, the fold accepts it, no
    /// government's shares pass its ceiling, and every government whose list or shares it changes
    /// (and the owners of the projects it is about) took part in the meeting.
    /// </summary>
    private CoordinationAgreement Record(CoordinationAgreement agreement, CoordinatedProject? created, Actor actor, IEnumerable<int>? concerned = null)
    {
        EnsureMinutesNotRecorded();
        var meeting = _meetings.FirstOrDefault(m => m.Number == agreement.MeetingNumber)
            ?? throw new DomainException(Messages.CoordinationMeetingUnknown.Format(agreement.MeetingNumber));
        var present = meeting.Governments;
        if (!present.Any(actor.ManagesJurisdiction))
        {
            throw new DomainException(Messages.RecorderNotInMeeting.Format());
        }

        if (agreement.Reason.Length > CoordinationAgreement.MaxReasonLength)
        {
            throw new DomainException(Messages.AgreementReasonRequired.Format(CoordinationAgreement.MaxReasonLength));
        }

        var cycles = Cycles;
        var before = State;
        var projects = created is null ? Projects : [.. Projects, created];
        var after = CoordinationLedger.Fold(cycles, projects, [.. Agreements, agreement]);

        foreach (var cycle in cycles)
        {
            var committed = after.Committed(cycle.CycleId);
            if (committed > cycle.Ceiling && committed > before.Committed(cycle.CycleId))
            {
                throw new DomainException(Messages.AgreementBreaksCeiling.Format(cycle.GovernmentName, committed, cycle.Ceiling));
            }
        }

        var absent = AffectedCycles(before, after, agreement.ProjectNumbers.Concat(concerned ?? []))
            .Select(id => CycleOf(id)!)
            .Where(c => !present.Contains(c.JurisdictionUbigeo))
            .Select(c => c.GovernmentName)
            .ToList();
        if (absent.Count > 0)
        {
            throw new DomainException(Messages.GovernmentNotInMeeting.Format(string.Join(", ", absent)));
        }

        if (created is not null)
        {
            _projects.Add(created);
        }

        _agreements.Add(agreement);
        return agreement;
    }

    /// <summary>The cycles whose list or shares differ between the two states, and the owners of the projects named.</summary>
    private static IEnumerable<int> AffectedCycles(CoordinationState before, CoordinationState after, IEnumerable<int> named)
    {
        var affected = new HashSet<int>();
        foreach (var cycle in after.Cycles.Select(c => c.CycleId))
        {
            if (!before.ListOf(cycle).Select(p => p.Number).SequenceEqual(after.ListOf(cycle).Select(p => p.Number))
                || !SharesOf(before, cycle).SequenceEqual(SharesOf(after, cycle)))
            {
                affected.Add(cycle);
            }
        }

        foreach (var number in named)
        {
            if (before.Project(number) is { } standing)
            {
                affected.Add(standing.OwnerCycleId);
            }
        }

        return affected.Order();
    }

    private static IEnumerable<(int Project, long Centimos)> SharesOf(CoordinationState state, int cycleId) => state.Projects
        .Where(p => p.IsActive)
        .SelectMany(p => p.Shares.Where(s => s.CycleId == cycleId).Select(s => (p.Number, s.Amount.Centimos)));

    private void EnsureMinutesNotRecorded()
    {
        if (MinutesRecorded)
        {
            throw new DomainException(Messages.CoordinationClosedByMinutes.Format());
        }
    }

    private int NextProjectNumber() => _projects.Count == 0 ? 1 : _projects.Max(p => p.Number) + 1;

    private int NextAgreementNumber() => _agreements.Count == 0 ? 1 : _agreements.Max(a => a.Number) + 1;
}
