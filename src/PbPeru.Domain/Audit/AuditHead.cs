namespace PbPeru.Domain.Audit;

/// <summary>
/// The last line of a chain: its sequence number and hash. Whoever noted the head (printed in the
/// acta, published in the open data) can later prove that no line up to it was changed.
/// </summary>
public sealed record AuditHead(string Chain, long Sequence, string Hash)
{
    /// <summary>What the first line of every chain links to: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', AuditEntry.HashLength);

    /// <summary>The head of a chain with no lines yet.</summary>
    public static AuditHead Empty(string chain) => new(chain, 0, GenesisHash);

    public bool IsEmpty => Sequence == 0;
}
