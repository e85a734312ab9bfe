using System.Security.Cryptography;
using System.Text;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Formalization;

/// <summary>What must hold before an acta is issued, read by the caller from the cycle's data.</summary>
public sealed record ActaFacts(bool ResultComputed, bool CommitteeElected);

/// <summary>What the manager gives when issuing: the workshop's date and place, and for a correction its reason.</summary>
public sealed record ActaIssueInput(DateOnly WorkshopDate, string Place, string? Reason);

/// <summary>What the domain fixes for a version before its content is written: number, instant, issuer, date, place, reason.</summary>
public sealed record ActaStamp(int Number, DateTimeOffset IssuedAt, string IssuedBy, DateOnly WorkshopDate, string Place, string? Reason);

/// <summary>
/// The <i>Acta de Acuerdos y Compromisos</i> of a cycle: a list of issued versions, 1, 2, … Each
/// version is a snapshot of everything printed, with the SHA-256 of its exact bytes; once issued it
/// never changes (<see cref="ActaVersion"/> has no method that changes it). A correction does not
/// touch an issued version: it issues the next one, with its reason.
/// </summary>
public sealed class Acta
{
    private readonly List<ActaVersion> _versions = [];

    private Acta()
    {
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public IReadOnlyList<ActaVersion> Versions => _versions.OrderBy(v => v.Number).ToList();

    public ActaVersion? Latest => _versions.MaxBy(v => v.Number);

    public int NextNumber => _versions.Count == 0 ? 1 : _versions.Max(v => v.Number) + 1;

    public static Acta Of(Cycle cycle) => new() { CycleId = cycle.Id };

    /// <summary>
    /// Issues the next version: the first needs the result computed and the committee elected (so
    /// does every later one); a correction (version 2 on) needs its reason. <paramref name="writeContent"/>
    /// writes the snapshot for the stamp the domain fixed, so the printed number and date are the stored ones.
    /// </summary>
    public ActaVersion Issue(Cycle cycle, Actor actor, ActaFacts facts, ActaIssueInput input, Func<ActaStamp, string> writeContent, DateTimeOffset now)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.ActaNotOfCycle.Format());
        }

        if (!actor.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            throw new DomainException(Messages.NotManagerOfJurisdiction.Format());
        }

        if (cycle.Phase != Phase.Formalization)
        {
            throw new DomainException(Messages.ActaOnlyInFormalization.Format());
        }

        var problems = new List<string>();
        if (!facts.ResultComputed)
        {
            problems.Add(Messages.ActaNeedsResult.Format());
        }

        if (!facts.CommitteeElected)
        {
            problems.Add(Messages.ActaNeedsCommittee.Format());
        }

        var place = (input.Place ?? "").Trim();
        if (place.Length is 0 or > ActaVersion.MaxPlaceLength)
        {
            problems.Add(Messages.ActaPlaceRequired.Format(ActaVersion.MaxPlaceLength));
        }

        var number = NextNumber;
        var reason = input.Reason?.Trim();
        if (number == 1 && !string.IsNullOrEmpty(reason))
        {
            problems.Add(Messages.ActaFirstHasNoReason.Format());
        }

        if (number > 1 && (string.IsNullOrEmpty(reason) || reason.Length > ActaVersion.MaxReasonLength))
        {
            problems.Add(Messages.ActaReasonRequired.Format(ActaVersion.MaxReasonLength));
        }

        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        var stamp = new ActaStamp(number, now.ToUniversalTime(), actor.DisplayName, input.WorkshopDate, place, number == 1 ? null : reason);
        var content = writeContent(stamp);
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new DomainException(Messages.ActaContentRequired.Format());
        }

        if (content.Length > ActaVersion.MaxContentLength)
        {
            throw new DomainException(Messages.ActaContentTooLong.Format());
        }

        var version = new ActaVersion(CycleId, stamp, actor.UserId, content);
        _versions.Add(version);
        return version;
    }
}

/// <summary>One issued version of an acta: immutable, and its <see cref="Hash"/> is the SHA-256 of <see cref="Content"/>'s UTF-8 bytes.</summary>
public sealed class ActaVersion
{
    public const int MaxPlaceLength = 300;
    public const int MaxReasonLength = 1000;

    /// <summary>Characters of the stored snapshot: far above any real list of projects, agents and commitments.</summary>
    public const int MaxContentLength = 4_000_000;

    private ActaVersion()
    {
        IssuedByUserId = "";
        IssuedBy = "";
        Place = "";
        Content = "";
        Hash = "";
    }

    internal ActaVersion(int cycleId, ActaStamp stamp, string issuedByUserId, string content)
    {
        CycleId = cycleId;
        Number = stamp.Number;
        IssuedAt = stamp.IssuedAt;
        IssuedByUserId = issuedByUserId;
        IssuedBy = stamp.IssuedBy;
        WorkshopDate = stamp.WorkshopDate;
        Place = stamp.Place;
        Reason = stamp.Reason;
        Content = content;
        Hash = HashOf(content);
    }

    public int Id { get; private set; }

    public int ActaId { get; private set; }

    public int CycleId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string IssuedByUserId { get; private set; }

    public string IssuedBy { get; private set; }

    public DateOnly WorkshopDate { get; private set; }

    public string Place { get; private set; }

    /// <summary>Why this correction was issued; null for version 1.</summary>
    public string? Reason { get; private set; }

    /// <summary>The snapshot of everything printed (JSON), exactly as hashed.</summary>
    public string Content { get; private set; }

    /// <summary>SHA-256 of the content's UTF-8 bytes, lowercase hexadecimal (64 characters).</summary>
    public string Hash { get; private set; }

    /// <summary>True when the stored content still has the stored hash.</summary>
    public bool IsIntact => HashOf(Content) == Hash;

    public static string HashOf(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
