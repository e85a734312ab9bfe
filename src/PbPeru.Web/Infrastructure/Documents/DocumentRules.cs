namespace PbPeru.Web.Infrastructure.Documents;

/// <summary>What a supporting document may be: its size limit and the types recognized by their first bytes.</summary>
public static class DocumentRules
{
    public const int MaxSizeBytes = 5 * 1024 * 1024;

    private static readonly (byte[] Magic, string ContentType, string Extension)[] KnownTypes =
    [
        ("%PDF-"u8.ToArray(), "application/pdf", ".pdf"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", ".png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg", ".jpg"),
    ];

    /// <summary>The extensions a stored document's key may end with.</summary>
    public static IEnumerable<string> Extensions => KnownTypes.Select(t => t.Extension);

    /// <summary>The type the content starts like, or null when it is none of the accepted ones.</summary>
    public static (string ContentType, string Extension)? Detect(ReadOnlySpan<byte> content)
    {
        foreach (var (magic, contentType, extension) in KnownTypes)
        {
            if (content.StartsWith(magic))
            {
                return (contentType, extension);
            }
        }

        return null;
    }
}
