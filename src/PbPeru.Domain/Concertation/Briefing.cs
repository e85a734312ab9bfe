using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Concertation;

/// <summary>Where an agreement of the previous cycle stands.</summary>
public enum AgreementState
{
    Pending = 0,
    InProgress = 1,
    Done = 2,
    Dropped = 3,
}

/// <summary>An agreement of the previous cycle, as the manager reports it.</summary>
public sealed record AgreementInput(string Description, AgreementState State, string Note);

/// <summary>
/// The information workshop's page of a cycle (one per cycle): what the agents must know before they
/// prioritize and propose — a text, the previous cycle's agreements and their state, and
/// attachments. The ceiling and the themes are shown from the cycle itself. Only a manager of the
/// cycle's jurisdiction writes it, and only in Concertation; it stays editable after publishing,
/// and every edit is dated.
/// </summary>
public sealed class Briefing
{
    public const int MaxBodyLength = 20_000;
    public const int MaxAgreements = 50;

    private readonly List<PreviousAgreement> _agreements = [];
    private readonly List<BriefingDocument> _documents = [];

    private Briefing()
    {
        Body = "";
        UpdatedByUserId = "";
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    /// <summary>Plain text; paragraphs are separated by blank lines.</summary>
    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedByUserId { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string? PublishedByUserId { get; private set; }

    public bool IsPublished => PublishedAt is not null;

    public IReadOnlyList<PreviousAgreement> PreviousAgreements => _agreements.OrderBy(a => a.Position).ToList();

    public IReadOnlyList<BriefingDocument> Documents => _documents.OrderBy(d => d.UploadedAt).ToList();

    /// <summary>The paragraphs of the body, for display.</summary>
    public IReadOnlyList<string> Paragraphs => Body
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .ToList();

    /// <summary>Starts the cycle's workshop page, unpublished. One per cycle: the caller checks none exists (and a unique index).</summary>
    public static Briefing Start(Cycle cycle, Actor actor, DateTimeOffset now)
    {
        EnsureManagerInConcertation(cycle, actor);
        return new Briefing
        {
            CycleId = cycle.Id,
            CreatedAt = now.ToUniversalTime(),
            UpdatedAt = now.ToUniversalTime(),
            UpdatedByUserId = actor.UserId,
        };
    }

    /// <summary>Replaces the text and the previous agreements (in the given order).</summary>
    public void Edit(Cycle cycle, Actor actor, string body, IReadOnlyList<AgreementInput> agreements, DateTimeOffset now)
    {
        EnsureEditable(cycle, actor);
        var problems = new List<string>();
        var trimmed = body.Trim();
        if (trimmed.Length > MaxBodyLength)
        {
            problems.Add(Messages.BriefingBodyTooLong.Format(MaxBodyLength));
        }

        if (IsPublished && trimmed.Length == 0)
        {
            problems.Add(Messages.BriefingBodyRequired.Format());
        }

        problems.AddRange(AgreementProblems(agreements));
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        Body = trimmed;

        // Update in place by position so that existing agreements keep their identity.
        var existing = PreviousAgreements;
        for (var i = 0; i < agreements.Count; i++)
        {
            var input = agreements[i];
            if (i < existing.Count)
            {
                existing[i].Update(i + 1, input.Description.Trim(), input.State, input.Note.Trim());
            }
            else
            {
                _agreements.Add(new PreviousAgreement(i + 1, input.Description.Trim(), input.State, input.Note.Trim()));
            }
        }

        foreach (var extra in existing.Skip(agreements.Count))
        {
            _agreements.Remove(extra);
        }

        Touch(actor, now);
    }

    public BriefingDocument AddDocument(Cycle cycle, Actor actor, string fileName, string storageKey, string contentType, long sizeBytes, string sha256, DateTimeOffset now)
    {
        EnsureEditable(cycle, actor);
        if (_documents.Count >= BriefingDocument.MaxPerBriefing)
        {
            throw new DomainException(Messages.TooManyBriefingDocuments.Format(BriefingDocument.MaxPerBriefing));
        }

        var document = new BriefingDocument(fileName, storageKey, contentType, sizeBytes, sha256, now);
        _documents.Add(document);
        Touch(actor, now);
        return document;
    }

    /// <summary>Removes a document's record; the caller deletes the stored file once this is saved.</summary>
    public BriefingDocument RemoveDocument(Cycle cycle, Actor actor, int documentId, DateTimeOffset now)
    {
        EnsureEditable(cycle, actor);
        var document = _documents.SingleOrDefault(d => d.Id == documentId) ?? throw new DomainException(Messages.BriefingDocumentNotFound.Format());
        _documents.Remove(document);
        Touch(actor, now);
        return document;
    }

    /// <summary>Makes the page public. It needs a text; it can be published once.</summary>
    public void Publish(Cycle cycle, Actor actor, DateTimeOffset now)
    {
        EnsureEditable(cycle, actor);
        if (IsPublished)
        {
            throw new DomainException(Messages.BriefingAlreadyPublished.Format());
        }

        if (Body.Length == 0)
        {
            throw new DomainException(Messages.BriefingBodyRequired.Format());
        }

        PublishedAt = now.ToUniversalTime();
        PublishedByUserId = actor.UserId;
    }

    private static IEnumerable<string> AgreementProblems(IReadOnlyList<AgreementInput> agreements)
    {
        if (agreements.Count > MaxAgreements)
        {
            yield return Messages.TooManyAgreements.Format(MaxAgreements);
        }

        foreach (var agreement in agreements)
        {
            var description = agreement.Description.Trim();
            if (description.Length == 0 || description.Length > PreviousAgreement.MaxDescriptionLength)
            {
                yield return Messages.AgreementDescriptionInvalid.Format(PreviousAgreement.MaxDescriptionLength);
            }

            if (!Enum.IsDefined(agreement.State))
            {
                yield return Messages.AgreementStateUnknown.Format(description);
            }

            if (agreement.Note.Trim().Length > PreviousAgreement.MaxNoteLength)
            {
                yield return Messages.AgreementNoteTooLong.Format(PreviousAgreement.MaxNoteLength);
            }
        }
    }

    private void Touch(Actor actor, DateTimeOffset now)
    {
        UpdatedAt = now.ToUniversalTime();
        UpdatedByUserId = actor.UserId;
    }

    private void EnsureEditable(Cycle cycle, Actor actor)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        EnsureManagerInConcertation(cycle, actor);
    }

    private static void EnsureManagerInConcertation(Cycle cycle, Actor actor)
    {
        if (!actor.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        ConcertationWindow.EnsureInConcertation(cycle);
    }
}

/// <summary>An agreement of the previous cycle and where it stands.</summary>
public sealed class PreviousAgreement
{
    public const int MaxDescriptionLength = 500;
    public const int MaxNoteLength = 1000;

    private PreviousAgreement()
    {
        Description = "";
        Note = "";
    }

    internal PreviousAgreement(int position, string description, AgreementState state, string note)
    {
        Position = position;
        Description = description;
        State = state;
        Note = note;
    }

    public int Id { get; private set; }

    public int Position { get; private set; }

    public string Description { get; private set; }

    public AgreementState State { get; private set; }

    /// <summary>What the manager adds: progress, why it was dropped… May be empty.</summary>
    public string Note { get; private set; }

    internal void Update(int position, string description, AgreementState state, string note)
    {
        Position = position;
        Description = description;
        State = state;
        Note = note;
    }
}

/// <summary>A file attached to the workshop page, held in the file store under its key.</summary>
public sealed class BriefingDocument
{
    public const int MaxPerBriefing = 10;
    public const long MaxSizeBytes = 10 * 1024 * 1024;

    private BriefingDocument()
    {
        FileName = "";
        StorageKey = "";
        ContentType = "";
        Sha256 = "";
    }

    internal BriefingDocument(string fileName, string storageKey, string contentType, long sizeBytes, string sha256, DateTimeOffset uploadedAt)
    {
        FileName = UploadNames.Bare(fileName);
        StorageKey = storageKey;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedAt = uploadedAt.ToUniversalTime();
    }

    public int Id { get; private set; }

    /// <summary>The name the manager gave it, shown back; never used to store it.</summary>
    public string FileName { get; private set; }

    public string StorageKey { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}
