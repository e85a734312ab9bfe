namespace PbPeru.Web.Infrastructure.Documents;

/// <summary>
/// Keeps the supporting documents organizations upload (statutes, minutes, registry entries).
/// A document is known by its key, which the store chooses; the person's file name is never used
/// to store it.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Checks and stores an upload. Refuses, with <see cref="DocumentRejectedException"/> and
    /// nothing written, a file that is empty, larger than <see cref="DocumentRules.MaxSizeBytes"/>
    /// or not a PDF, PNG or JPEG by its content.
    /// </summary>
    /// <param name="content">The upload, read from its current position; never trusted for its length.</param>
    /// <param name="originalFileName">The name the person gave the file, for the log only.</param>
    /// <param name="cancellationToken">Stops reading the upload; nothing is kept.</param>
    Task<StoredDocument> SaveAsync(Stream content, string originalFileName, CancellationToken cancellationToken);

    /// <summary>The stored bytes. An ill-formed key is refused with <see cref="ArgumentException"/>.</summary>
    /// <exception cref="FileNotFoundException">No document has this key.</exception>
    Stream OpenRead(string key);

    /// <summary>Removes the document; a key that is already gone is not an error.</summary>
    void Delete(string key);
}

/// <summary>What the store kept: its key, the type found in its content, its size and its SHA-256 (lowercase hex).</summary>
public sealed record StoredDocument(string Key, string ContentType, long SizeBytes, string Sha256);
