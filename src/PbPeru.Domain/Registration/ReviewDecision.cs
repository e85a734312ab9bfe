using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Registration;

public enum ReviewOutcome
{
    Accepted = 0,
    Observed = 1,
    Rejected = 2,
}

/// <summary>One decision of the cycle manager on an organization, kept with who and when.</summary>
public sealed class ReviewDecision
{
    private ReviewDecision()
    {
        Note = "";
        ReviewerUserId = "";
        ReviewerName = "";
    }

    internal ReviewDecision(ReviewOutcome outcome, string note, Actor reviewer, DateTimeOffset at)
    {
        Outcome = outcome;
        Note = note;
        ReviewerUserId = reviewer.UserId;
        ReviewerName = reviewer.DisplayName;
        At = at.ToUniversalTime();
    }

    public int Id { get; private set; }

    public ReviewOutcome Outcome { get; private set; }

    /// <summary>What to fix (observed) or why (rejected); empty when accepted.</summary>
    public string Note { get; private set; }

    public string ReviewerUserId { get; private set; }

    public string ReviewerName { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A supporting document: its record; the file itself lives in the document store.</summary>
public sealed class OrganizationDocument
{
    public const int MaxPerOrganization = 10;
    public const long MaxSizeBytes = 5 * 1024 * 1024;

    private OrganizationDocument()
    {
        FileName = "";
        StorageKey = "";
        ContentType = "";
        Sha256 = "";
    }

    internal OrganizationDocument(string fileName, string storageKey, string contentType, long sizeBytes, string sha256, DateTimeOffset uploadedAt)
    {
        FileName = Path.GetFileName(fileName.Trim());
        StorageKey = storageKey;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedAt = uploadedAt.ToUniversalTime();
    }

    public int Id { get; private set; }

    /// <summary>The name the person gave it, shown back to them; never used to store it.</summary>
    public string FileName { get; private set; }

    public string StorageKey { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }
}
