using System.Buffers;
using System.Security.Cryptography;

namespace PbPeru.Web.Infrastructure.Documents;

/// <summary>
/// Stores documents as files in one folder that the web server does not serve (see
/// <see cref="DocumentSetup"/>), each under a random name the store chooses.
/// </summary>
public sealed class FileDocumentStore(string rootPath, ILogger<FileDocumentStore> logger) : IDocumentStore
{
    private const int KeyRandomHexLength = 32;
    private const string PartialSuffix = ".partial";

    /// <summary>The folder that holds the documents, created when the first one is stored.</summary>
    public string RootPath { get; } = Path.GetFullPath(rootPath);

    public async Task<StoredDocument> SaveAsync(Stream content, string originalFileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);

        // Every check runs on the bytes in memory, so a refused upload never touches the disk.
        var bytes = await ReadAtMostAsync(content, DocumentRules.MaxSizeBytes + 1, cancellationToken);
        if ((bytes.Length is > 0 and <= DocumentRules.MaxSizeBytes ? DocumentRules.Detect(bytes) : null) is not { } type)
        {
            var reason = bytes.Length switch
            {
                0 => DocumentRejectionReason.Empty,
                > DocumentRules.MaxSizeBytes => DocumentRejectionReason.TooLarge,
                _ => DocumentRejectionReason.UnsupportedType,
            };
            logger.LogInformation("Refused the upload {FileName}: {Reason}", originalFileName, reason);
            throw new DocumentRejectedException(reason);
        }

        var (contentType, extension) = type;
        var key = RandomNumberGenerator.GetHexString(KeyRandomHexLength, lowercase: true) + extension;
        var path = PathFor(key);

        Directory.CreateDirectory(RootPath);
        // Written under a name no key can have, then moved: a key never names a half-written file.
        var partial = path + PartialSuffix;
        try
        {
            await File.WriteAllBytesAsync(partial, bytes, cancellationToken);
            File.Move(partial, path, overwrite: false);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        logger.LogInformation("Stored the upload {FileName} as {Key} ({ContentType}, {Size} bytes)", originalFileName, key, contentType, bytes.Length);
        return new StoredDocument(key, contentType, bytes.Length, sha256);
    }

    public Stream OpenRead(string key) =>
        new FileStream(PathFor(key), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);

    public void Delete(string key) => File.Delete(PathFor(key));

    /// <summary>
    /// The file of a key the store could have made (32 lowercase hex digits and a known extension),
    /// so that no key can name a path elsewhere ("../", "/etc/passwd", "C:\…").
    /// </summary>
    private string PathFor(string key)
    {
        if (!IsWellFormed(key))
        {
            throw new ArgumentException("Not a document key.", nameof(key));
        }

        return Path.Combine(RootPath, key);
    }

    private static bool IsWellFormed(string? key) =>
        key is { Length: > KeyRandomHexLength }
        && !key.AsSpan(0, KeyRandomHexLength).ContainsAnyExcept("0123456789abcdef")
        && DocumentRules.Extensions.Contains(key[KeyRandomHexLength..], StringComparer.Ordinal);

    /// <summary>Reads until the end of the stream or <paramref name="limit"/> bytes, whichever comes first.</summary>
    private static async Task<byte[]> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (buffer.Length < limit)
            {
                var wanted = (int)Math.Min(chunk.Length, limit - buffer.Length);
                var read = await content.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
