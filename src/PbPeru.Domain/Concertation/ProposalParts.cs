using PbPeru.Domain.Common;

namespace PbPeru.Domain.Concertation;

/// <summary>One district a proposal benefits (a row, so the catalogue can filter by district in SQL).</summary>
public sealed class ProposalDistrict
{
    private ProposalDistrict()
    {
        Ubigeo = "";
    }

    internal ProposalDistrict(string ubigeo)
    {
        Ubigeo = ubigeo;
    }

    public int Id { get; private set; }

    public string Ubigeo { get; private set; }
}

/// <summary>A co-financing line: who else pays part of the project, and how much.</summary>
public sealed class CofinancingLine
{
    public const int MaxEntityLength = 200;

    private CofinancingLine()
    {
        Entity = "";
    }

    internal CofinancingLine(int position, string entity, Money amount)
    {
        Position = position;
        Entity = entity;
        Amount = amount;
    }

    public int Id { get; private set; }

    /// <summary>The line's place in the order the proposer gave.</summary>
    public int Position { get; private set; }

    public string Entity { get; private set; }

    public Money Amount { get; private set; }
}

/// <summary>The part of a proposal's estimated cost to be spent in one fiscal year.</summary>
public sealed class YearShare
{
    private YearShare()
    {
    }

    internal YearShare(int fiscalYear, Money amount)
    {
        FiscalYear = fiscalYear;
        Amount = amount;
    }

    public int Id { get; private set; }

    public int FiscalYear { get; private set; }

    public Money Amount { get; private set; }
}

/// <summary>A file attached to a proposal (plans, photos, quotes), held in the file store under its key.</summary>
public sealed class ProposalDocument
{
    public const int MaxPerProposal = 5;
    public const long MaxSizeBytes = 5 * 1024 * 1024;

    private ProposalDocument()
    {
        FileName = "";
        StorageKey = "";
        ContentType = "";
        Sha256 = "";
    }

    internal ProposalDocument(string fileName, string storageKey, string contentType, long sizeBytes, string sha256, DateTimeOffset uploadedAt)
    {
        FileName = UploadNames.Bare(fileName);
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

/// <summary>Helpers for uploaded files' names.</summary>
internal static class UploadNames
{
    /// <summary>The name without any folder, whichever separator the sender's system used.</summary>
    public static string Bare(string fileName)
    {
        var trimmed = fileName.Trim();
        return trimmed[(trimmed.LastIndexOfAny(['/', '\\']) + 1)..];
    }
}
