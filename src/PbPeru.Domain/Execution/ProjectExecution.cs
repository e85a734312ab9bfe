using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Execution;

/// <summary>The milestone dates of a project's execution, as known at one update.</summary>
public sealed record ExecutionMilestones(DateOnly? TenderDate, DateOnly? StartDate, DateOnly? PlannedEndDate, DateOnly? ActualEndDate)
{
    public static ExecutionMilestones None { get; } = new(null, null, null, null);
}

/// <summary>
/// What one update records: the state, the physical progress (0–100 %), the amount spent so far
/// (accumulated, not the period's), the milestone dates and the observations.
/// </summary>
public sealed record ExecutionEntryInput(
    ExecutionState State,
    int ProgressPercent,
    Money Spent,
    ExecutionMilestones Milestones,
    string? Observations);

public enum ExecutionAttachmentKind
{
    Photo = 0,
    Document = 1,
}

/// <summary>A photo (PNG, JPEG) or a document (PDF) already kept by the document store.</summary>
public sealed record ExecutionFile(string FileName, string StorageKey, string ContentType, long SizeBytes, string Sha256)
{
    public ExecutionAttachmentKind Kind => ContentType.StartsWith("image/", StringComparison.Ordinal) ? ExecutionAttachmentKind.Photo : ExecutionAttachmentKind.Document;
}

/// <summary>
/// The follow-up of one approved project of a cycle (known by its rank in the approved list): every
/// update the oversight committee or the staff record is a new entry, never edited nor deleted, so
/// the public timeline is the whole history. The latest entry is the project's current state; none
/// means not started.
/// </summary>
public sealed class ProjectExecution
{
    public const int MaxObservationsLength = 2000;
    public const int MaxFilesPerEntry = 10;
    public const int CreationKeyLength = 32;

    private readonly List<ExecutionEntry> _entries = [];

    private ProjectExecution()
    {
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    /// <summary>The project's rank in the cycle's approved list (1, 2, …).</summary>
    public int Rank { get; private set; }

    /// <summary>When the last entry was recorded (it also makes a concurrent second update a conflict).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Every entry, oldest first.</summary>
    public IReadOnlyList<ExecutionEntry> Entries => _entries.OrderBy(e => e.Sequence).ToList();

    public ExecutionEntry? Latest => _entries.MaxBy(e => e.Sequence);

    public static ProjectExecution Start(Cycle cycle, int rank, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        return new ProjectExecution { CycleId = cycle.Id, Rank = rank, UpdatedAt = now.ToUniversalTime() };
    }

    public ExecutionEntry? WithCreationKey(string creationKey) => _entries.FirstOrDefault(e => e.CreationKey == creationKey);

    /// <summary>The latest entry recorded at or before <paramref name="instant"/>: the state a report of a period ending then shows.</summary>
    public ExecutionEntry? LatestAsOf(DateTimeOffset instant) =>
        _entries.Where(e => e.RecordedAt <= instant).MaxBy(e => e.Sequence);

    /// <summary>The entries recorded in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public IReadOnlyList<ExecutionEntry> Between(DateTimeOffset from, DateTimeOffset to) =>
        [.. _entries.Where(e => e.RecordedAt >= from && e.RecordedAt < to).OrderBy(e => e.Sequence)];

    /// <summary>
    /// Records an update. Refused for someone neither on this cycle's oversight committee nor managing
    /// its jurisdiction, before the results are published, and for input that does not hold
    /// together (every problem at once): progress outside 0–100, a negative amount, a not-started
    /// project with progress, a project under way or finished without a start, a finished one
    /// without its actual end, dates out of order (tender ≤ start ≤ planned and actual end) or in
    /// the future (tender, start, actual end), a suspension without its reason, too many files.
    /// </summary>
    public ExecutionEntry Record(
        Cycle cycle, Actor actor, bool isCommitteeMember, ExecutionEntryInput input, IReadOnlyList<ExecutionFile> files,
        string creationKey, DateOnly today, DateTimeOffset now)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.ExecutionNotOfCycle.Format());
        }

        var isStaff = actor.ManagesJurisdiction(cycle.JurisdictionUbigeo);
        if (!isStaff && !isCommitteeMember)
        {
            throw new DomainException(Messages.ExecutionNotAllowed.Format());
        }

        if (cycle.Phase is not (Phase.Published or Phase.Closed))
        {
            throw new DomainException(Messages.ExecutionOnlyOncePublished.Format());
        }

        var problems = Problems(input, files, today).ToList();
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        var entry = new ExecutionEntry(
            _entries.Count == 0 ? 1 : _entries.Max(e => e.Sequence) + 1,
            input,
            files,
            creationKey,
            actor,
            recordedAsCommittee: isCommitteeMember,
            now);
        _entries.Add(entry);
        UpdatedAt = now.ToUniversalTime();
        return entry;
    }

    public static IEnumerable<string> Problems(ExecutionEntryInput input, IReadOnlyList<ExecutionFile> files, DateOnly today)
    {
        if (!Enum.IsDefined(input.State))
        {
            yield return Messages.ExecutionStateInvalid.Format();
        }

        if (input.ProgressPercent is < 0 or > 100)
        {
            yield return Messages.ExecutionProgressOutOfRange.Format();
        }
        else if (input.State == ExecutionState.NotStarted && input.ProgressPercent > 0)
        {
            yield return Messages.ExecutionNotStartedWithProgress.Format();
        }

        if (input.Spent < Money.Zero)
        {
            yield return Messages.ExecutionSpentNegative.Format();
        }

        var m = input.Milestones;
        if (m.StartDate is null && input.State is ExecutionState.InExecution or ExecutionState.Finished)
        {
            yield return Messages.ExecutionStartRequired.Format();
        }

        if (m.ActualEndDate is null && input.State == ExecutionState.Finished)
        {
            yield return Messages.ExecutionActualEndRequired.Format();
        }

        if (m.TenderDate is { } tender && m.StartDate is { } start && tender > start)
        {
            yield return Messages.ExecutionTenderAfterStart.Format();
        }

        if (m.StartDate is { } s1 && m.PlannedEndDate is { } planned && planned < s1)
        {
            yield return Messages.ExecutionPlannedEndBeforeStart.Format();
        }

        if (m.StartDate is { } s2 && m.ActualEndDate is { } actual && actual < s2)
        {
            yield return Messages.ExecutionActualEndBeforeStart.Format();
        }

        if (m.TenderDate > today || m.StartDate > today || m.ActualEndDate > today)
        {
            yield return Messages.ExecutionDateInFuture.Format();
        }

        var observations = input.Observations?.Trim() ?? "";
        if (observations.Length > MaxObservationsLength)
        {
            yield return Messages.ExecutionObservationsTooLong.Format(MaxObservationsLength);
        }
        else if (observations.Length == 0 && input.State == ExecutionState.Suspended)
        {
            yield return Messages.ExecutionSuspendedNeedsReason.Format();
        }

        if (files.Count > MaxFilesPerEntry)
        {
            yield return Messages.ExecutionTooManyFiles.Format(MaxFilesPerEntry);
        }
    }
}

/// <summary>One update of a project's execution: recorded once, never edited nor deleted.</summary>
public sealed class ExecutionEntry
{
    private readonly List<ExecutionAttachment> _attachments = [];

    private ExecutionEntry()
    {
        CreationKey = "";
        RecordedByUserId = "";
        RecordedBy = "";
    }

    internal ExecutionEntry(int sequence, ExecutionEntryInput input, IReadOnlyList<ExecutionFile> files, string creationKey, Actor actor, bool recordedAsCommittee, DateTimeOffset now)
    {
        Sequence = sequence;
        State = input.State;
        ProgressPercent = input.ProgressPercent;
        Spent = input.Spent;
        TenderDate = input.Milestones.TenderDate;
        StartDate = input.Milestones.StartDate;
        PlannedEndDate = input.Milestones.PlannedEndDate;
        ActualEndDate = input.Milestones.ActualEndDate;
        Observations = string.IsNullOrWhiteSpace(input.Observations) ? null : input.Observations.Trim();
        _attachments.AddRange(files.Select(f => new ExecutionAttachment(f)));
        CreationKey = creationKey;
        RecordedByUserId = actor.UserId;
        RecordedBy = actor.DisplayName;
        RecordedAsCommittee = recordedAsCommittee;
        RecordedAt = now.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int ProjectExecutionId { get; private set; }

    /// <summary>1, 2, … within the project, in the order recorded.</summary>
    public int Sequence { get; private set; }

    public ExecutionState State { get; private set; }

    public int ProgressPercent { get; private set; }

    /// <summary>The amount spent so far (accumulated).</summary>
    public Money Spent { get; private set; }

    public DateOnly? TenderDate { get; private set; }

    public DateOnly? StartDate { get; private set; }

    public DateOnly? PlannedEndDate { get; private set; }

    public DateOnly? ActualEndDate { get; private set; }

    public string? Observations { get; private set; }

    public IReadOnlyList<ExecutionAttachment> Attachments => _attachments;

    public ExecutionMilestones Milestones => new(TenderDate, StartDate, PlannedEndDate, ActualEndDate);

    /// <summary>The random key of the form that recorded it: a second submit of the same form finds this one.</summary>
    public string CreationKey { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedBy { get; private set; }

    /// <summary>True when recorded by a member of the oversight committee (else by staff).</summary>
    public bool RecordedAsCommittee { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A photo or document of an update.</summary>
public sealed class ExecutionAttachment
{
    private ExecutionAttachment()
    {
        FileName = "";
        StorageKey = "";
        ContentType = "";
        Sha256 = "";
    }

    internal ExecutionAttachment(ExecutionFile file)
    {
        Kind = file.Kind;
        FileName = file.FileName;
        StorageKey = file.StorageKey;
        ContentType = file.ContentType;
        SizeBytes = file.SizeBytes;
        Sha256 = file.Sha256;
    }

    public int Id { get; private set; }

    public int ExecutionEntryId { get; private set; }

    public ExecutionAttachmentKind Kind { get; private set; }

    public string FileName { get; private set; }

    public string StorageKey { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; }
}
