namespace PbPeru.Web.Infrastructure.Documents;

/// <summary>Why an upload was refused; the page turns it into a message for the person.</summary>
public enum DocumentRejectionReason
{
    /// <summary>Larger than <see cref="DocumentRules.MaxSizeBytes"/>.</summary>
    TooLarge,

    /// <summary>No bytes at all.</summary>
    Empty,

    /// <summary>Not a PDF, PNG or JPEG by its content, whatever its name says.</summary>
    UnsupportedType,
}

/// <summary>An upload the document store refused; nothing was stored.</summary>
public sealed class DocumentRejectedException(DocumentRejectionReason reason)
    : Exception($"The document was refused: {reason}.")
{
    public DocumentRejectionReason Reason { get; } = reason;
}
