using System.Globalization;

namespace PbPeru.Domain.Audit;

/// <summary>
/// One line of the audit record: who (<see cref="Actor"/>) did what (<see cref="Action"/>) to what
/// (<see cref="Subject"/>) and when, linked to the line before it in its chain by that line's hash.
/// A line is drafted by the app and sealed (numbered and hashed) when it is saved, under the lock of
/// its chain's head; once sealed it never changes.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxChainLength = 40;
    public const int MaxActorLength = 450;
    public const int MaxActionLength = 64;
    public const int MaxSubjectLength = 120;
    public const int MaxDetailLength = 400;
    public const int HashLength = 64;

    private AuditEntry()
    {
        Chain = "";
        Actor = "";
        Action = "";
        Subject = "";
        Detail = "";
        PreviousHash = "";
        Hash = "";
    }

    public long Id { get; private set; }

    /// <summary>The chain the line belongs to: <c>cycle:12</c>, or <see cref="AuditChains.General"/>.</summary>
    public string Chain { get; private set; }

    /// <summary>1, 2, 3… within the chain, without gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>When it happened, in UTC, to the millisecond (what every database keeps exactly).</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>The user id of who did it; empty for the system.</summary>
    public string Actor { get; private set; }

    /// <summary>A stable English code such as <c>ballot.cast</c>; see <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; }

    /// <summary>What it was done to, as <c>kind:id</c> (<c>proposal:12</c>).</summary>
    public string Subject { get; private set; }

    /// <summary>A short description; never the content of a ballot.</summary>
    public string Detail { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    public bool IsSealed => Sequence > 0;

    /// <summary>A line not yet numbered nor hashed; texts longer than their column are cut with an ellipsis.</summary>
    public static AuditEntry Draft(string chain, DateTimeOffset at, string? actor, string action, string subject, string? detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chain);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (chain.Length > MaxChainLength || action.Length > MaxActionLength)
        {
            throw new ArgumentException("Chain or action code too long.");
        }

        var utc = at.ToUniversalTime();
        return new AuditEntry
        {
            Chain = chain,
            At = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
            Actor = Cut(actor ?? "", MaxActorLength),
            Action = action,
            Subject = Cut(subject, MaxSubjectLength),
            Detail = Cut(detail ?? "", MaxDetailLength),
        };
    }

    /// <summary>A sealed line as it was stored or exported, to verify it; nothing is checked here.</summary>
    public static AuditEntry Restore(string chain, long sequence, DateTimeOffset at, string actor, string action, string subject, string detail, string previousHash, string hash) =>
        new()
        {
            Chain = chain,
            Sequence = sequence,
            At = at.ToUniversalTime(),
            Actor = actor,
            Action = action,
            Subject = subject,
            Detail = detail,
            PreviousHash = previousHash,
            Hash = hash,
        };

    /// <summary>
    /// Numbers the line after <paramref name="previous"/> (its chain's head) and hashes it. Sealing
    /// again (a save that failed and is retried) numbers it afresh after the new head.
    /// </summary>
    public void Seal(AuditHead previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous.Chain != Chain)
        {
            throw new ArgumentException($"The head of {previous.Chain} cannot seal a line of {Chain}.", nameof(previous));
        }

        Sequence = previous.Sequence + 1;
        PreviousHash = previous.Hash;
        Hash = AuditHash.Of(this);
    }

    /// <summary>The head of the chain once this line is on it.</summary>
    public AuditHead AsHead() => IsSealed
        ? new AuditHead(Chain, Sequence, Hash)
        : throw new InvalidOperationException("The line is not sealed yet.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Chain}#{Sequence} {Action} {Subject}");

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
