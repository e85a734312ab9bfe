using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PbPeru.Domain.Audit;

/// <summary>
/// The hash of a line: SHA-256, as 64 lowercase hexadecimal digits, of this canonical text in UTF-8:
/// <code>
/// pbperu-audit-v1\n
/// then, for each field in this order — chain, sequence, at, actor, action, subject, detail,
/// previous hash — its length in UTF-8 bytes, a colon, the field, and \n.
/// </code>
/// The sequence is written in decimal digits; the time in UTC as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.
/// The length prefix makes the text unambiguous whatever a field contains (colons, line breaks), and
/// nothing depends on the machine's culture. Example, for a line whose fields are
/// <c>cycle:1</c>, 1, 2026-01-02T03:04:05.006Z, <c>u1</c>, <c>phase.moved</c>, <c>cycle:1</c>,
/// <c>Draft → Preparation</c> and the genesis hash:
/// <code>
/// pbperu-audit-v1
/// 7:cycle:1
/// 1:1
/// 24:2026-01-02T03:04:05.006Z
/// 2:u1
/// 11:phase.moved
/// 7:cycle:1
/// 21:Draft → Preparation
/// 64:0000000000000000000000000000000000000000000000000000000000000000
/// </code>
/// </summary>
public static class AuditHash
{
    public const string Version = "pbperu-audit-v1";

    public static string Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Of(CanonicalText(entry));
    }

    /// <summary>The text that is hashed (see the class summary).</summary>
    public static string CanonicalText(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(Version).Append('\n');
        foreach (var field in new[]
        {
            entry.Chain,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            FormatTime(entry.At),
            entry.Actor,
            entry.Action,
            entry.Subject,
            entry.Detail,
            entry.PreviousHash,
        })
        {
            text.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A time as the canonical text and the exported file write it.</summary>
    public static string FormatTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Of(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
