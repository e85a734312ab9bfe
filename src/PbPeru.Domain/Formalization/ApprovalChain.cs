using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Formalization;

/// <summary>
/// Who decides on the approved list: first the coordination council (CCR for a region, CCL for a
/// province or a district), then the council (Consejo Regional or Concejo Municipal).
/// </summary>
public enum ApprovalBody
{
    CoordinationCouncil = 0,
    Council = 1,
}

public enum ApprovalOutcome
{
    Approved = 0,

    /// <summary>The list goes back with the body's observations; the same body decides again later.</summary>
    Observed = 1,

    /// <summary>The list goes back with the reason; the same body decides again later.</summary>
    Rejected = 2,
}

/// <summary>A supporting document already kept by the document store (the agreement or resolution, signed).</summary>
public sealed record ApprovalDocument(string FileName, string StorageKey, string ContentType, long SizeBytes, string Sha256);

/// <summary>
/// What the manager records of a decision. Note: the observations (Observed) or the reason (Rejected);
/// optional for Approved.
/// </summary>
public sealed record ApprovalDecisionInput(
    ApprovalBody Body,
    DateOnly Date,
    string AgreementNumber,
    ApprovalOutcome Outcome,
    string? Note,
    ApprovalDocument? Document);

/// <summary>
/// The approval chain of a cycle's approved list, one per cycle: the decisions of the coordination
/// council and then of the council, kept as a history that is never edited nor deleted (an observed
/// or rejected list goes back with its record and the same body decides again, as a new decision),
/// and then the submission to the MEF.
/// <para>Order: the acta must be issued; the coordination council decides until it approves; then
/// the council decides until it approves; then the list is sent to the MEF once.</para>
/// </summary>
public sealed class ApprovalChain
{
    public const int MaxAgreementNumberLength = 100;
    public const int MaxNoteLength = 2000;
    public const int MaxMefReferenceLength = 200;
    public const int CreationKeyLength = 32;

    private readonly List<ApprovalDecision> _decisions = [];

    private ApprovalChain()
    {
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    /// <summary>When a decision or the MEF submission was last recorded (it also makes a concurrent second record a conflict).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Every decision, in the order they were recorded.</summary>
    public IReadOnlyList<ApprovalDecision> Decisions => _decisions.OrderBy(d => d.Sequence).ToList();

    public DateOnly? MefSubmittedOn { get; private set; }

    public string? MefReference { get; private set; }

    public string? MefRecordedByUserId { get; private set; }

    public string? MefRecordedBy { get; private set; }

    public DateTimeOffset? MefRecordedAt { get; private set; }

    public bool IsSubmittedToMef => MefSubmittedOn is not null;

    /// <summary>The latest decision of both bodies is Approved.</summary>
    public bool IsApproved => Latest(ApprovalBody.CoordinationCouncil)?.Outcome == ApprovalOutcome.Approved
        && Latest(ApprovalBody.Council)?.Outcome == ApprovalOutcome.Approved;

    /// <summary>The body that decides next: the coordination council until it approves, then the council until it approves; null once both have.</summary>
    public ApprovalBody? NextBody =>
        Latest(ApprovalBody.CoordinationCouncil)?.Outcome != ApprovalOutcome.Approved ? ApprovalBody.CoordinationCouncil
        : Latest(ApprovalBody.Council)?.Outcome != ApprovalOutcome.Approved ? ApprovalBody.Council
        : null;

    public static ApprovalChain Start(Cycle cycle, DateTimeOffset now) => new()
    {
        CycleId = cycle.Id,
        UpdatedAt = now.ToUniversalTime(),
    };

    public ApprovalDecision? Latest(ApprovalBody body) =>
        _decisions.Where(d => d.Body == body).MaxBy(d => d.Sequence);

    public ApprovalDecision? WithCreationKey(string creationKey) =>
        _decisions.FirstOrDefault(d => d.CreationKey == creationKey);

    /// <summary>
    /// Records a decision of <see cref="ApprovalDecisionInput.Body"/>. Refused outside Formalization,
    /// before the acta is issued, out of order (the council before the coordination council approved),
    /// for a body that has already approved, with a date after <paramref name="today"/> or before
    /// the decision it follows, without a number, or without the observations or the reason.
    /// </summary>
    public ApprovalDecision Decide(Cycle cycle, Actor actor, bool actaIssued, ApprovalDecisionInput input, string creationKey, DateOnly today, DateTimeOffset now)
    {
        EnsureOfCycle(cycle);
        EnsureManager(cycle, actor);
        if (cycle.Phase != Phase.Formalization)
        {
            throw new DomainException(Messages.ApprovalOnlyInFormalization.Format());
        }

        if (!actaIssued)
        {
            throw new DomainException(Messages.ApprovalNeedsActa.Format());
        }

        if (!Enum.IsDefined(input.Body))
        {
            throw new DomainException(Messages.ApprovalBodyInvalid.Format());
        }

        if (Latest(input.Body)?.Outcome == ApprovalOutcome.Approved)
        {
            throw new DomainException(Messages.ApprovalAlreadyApproved.Format());
        }

        if (input.Body == ApprovalBody.Council && Latest(ApprovalBody.CoordinationCouncil)?.Outcome != ApprovalOutcome.Approved)
        {
            throw new DomainException(Messages.ApprovalNeedsCoordinationCouncil.Format());
        }

        var problems = Problems(input, today).ToList();
        var previous = _decisions.MaxBy(d => d.Sequence);
        if (previous is not null && input.Date < previous.Date)
        {
            problems.Add(Messages.ApprovalDateBeforePrevious.Format(previous.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        var decision = new ApprovalDecision(
            _decisions.Count + 1,
            input,
            creationKey,
            actor,
            now);
        _decisions.Add(decision);
        UpdatedAt = now.ToUniversalTime();
        return decision;
    }

    /// <summary>Records the submission of the approved list to the MEF, once, after the council approved it.</summary>
    public void SubmitToMef(Cycle cycle, Actor actor, DateOnly date, string reference, DateOnly today, DateTimeOffset now)
    {
        EnsureOfCycle(cycle);
        EnsureManager(cycle, actor);
        if (cycle.Phase is not (Phase.Formalization or Phase.Published))
        {
            throw new DomainException(Messages.MefOnlyInFormalizationOrPublished.Format());
        }

        if (!IsApproved)
        {
            throw new DomainException(Messages.MefNeedsCouncilApproval.Format());
        }

        if (IsSubmittedToMef)
        {
            throw new DomainException(Messages.MefAlreadySubmitted.Format());
        }

        var problems = new List<string>();
        reference = (reference ?? "").Trim();
        if (reference.Length == 0 || reference.Length > MaxMefReferenceLength)
        {
            problems.Add(Messages.MefReferenceRequired.Format(MaxMefReferenceLength));
        }

        if (date > today)
        {
            problems.Add(Messages.MefDateInFuture.Format());
        }

        var approval = Latest(ApprovalBody.Council)!;
        if (date < approval.Date)
        {
            problems.Add(Messages.MefDateBeforeApproval.Format(approval.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        MefSubmittedOn = date;
        MefReference = reference;
        MefRecordedByUserId = actor.UserId;
        MefRecordedBy = actor.DisplayName;
        MefRecordedAt = now.ToUniversalTime();
        UpdatedAt = now.ToUniversalTime();
    }

    private static IEnumerable<string> Problems(ApprovalDecisionInput input, DateOnly today)
    {
        if (!Enum.IsDefined(input.Outcome))
        {
            yield return Messages.ApprovalOutcomeInvalid.Format();
        }

        if (input.Date > today)
        {
            yield return Messages.ApprovalDateInFuture.Format();
        }

        var number = input.AgreementNumber?.Trim() ?? "";
        if (number.Length == 0 || number.Length > MaxAgreementNumberLength)
        {
            yield return Messages.ApprovalNumberRequired.Format(MaxAgreementNumberLength);
        }

        var note = input.Note?.Trim() ?? "";
        if (note.Length > MaxNoteLength)
        {
            yield return Messages.ApprovalNoteTooLong.Format(MaxNoteLength);
        }
        else if (note.Length == 0 && input.Outcome == ApprovalOutcome.Observed)
        {
            yield return Messages.ApprovalObservationsRequired.Format(MaxNoteLength);
        }
        else if (note.Length == 0 && input.Outcome == ApprovalOutcome.Rejected)
        {
            yield return Messages.ApprovalReasonRequired.Format(MaxNoteLength);
        }
    }

    private void EnsureOfCycle(Cycle cycle)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.ApprovalNotOfCycle.Format());
        }
    }

    private static void EnsureManager(Cycle cycle, Actor actor)
    {
        if (!actor.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }
    }
}

/// <summary>One decision of a body on the approved list: recorded once, never edited nor deleted.</summary>
public sealed class ApprovalDecision
{
    private ApprovalDecision()
    {
        AgreementNumber = "";
        CreationKey = "";
        RecordedByUserId = "";
        RecordedBy = "";
    }

    internal ApprovalDecision(int sequence, ApprovalDecisionInput input, string creationKey, Actor actor, DateTimeOffset now)
    {
        Sequence = sequence;
        Body = input.Body;
        Date = input.Date;
        AgreementNumber = input.AgreementNumber.Trim();
        Outcome = input.Outcome;
        Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (input.Document is { } document)
        {
            DocumentFileName = document.FileName;
            DocumentKey = document.StorageKey;
            DocumentContentType = document.ContentType;
            DocumentSizeBytes = document.SizeBytes;
            DocumentSha256 = document.Sha256;
        }

        CreationKey = creationKey;
        RecordedByUserId = actor.UserId;
        RecordedBy = actor.DisplayName;
        RecordedAt = now.ToUniversalTime();
    }

    public int Id { get; private set; }

    public int ApprovalChainId { get; private set; }

    /// <summary>1, 2, … within the chain, in the order recorded.</summary>
    public int Sequence { get; private set; }

    public ApprovalBody Body { get; private set; }

    /// <summary>The day the body decided (the session's date).</summary>
    public DateOnly Date { get; private set; }

    /// <summary>The agreement (acuerdo) or resolution number.</summary>
    public string AgreementNumber { get; private set; }

    public ApprovalOutcome Outcome { get; private set; }

    /// <summary>The observations (Observed), the reason (Rejected), or an optional remark (Approved).</summary>
    public string? Note { get; private set; }

    public string? DocumentFileName { get; private set; }

    public string? DocumentKey { get; private set; }

    public string? DocumentContentType { get; private set; }

    public long? DocumentSizeBytes { get; private set; }

    public string? DocumentSha256 { get; private set; }

    /// <summary>The random key of the form that recorded it: a second submit of the same form finds this one.</summary>
    public string CreationKey { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
