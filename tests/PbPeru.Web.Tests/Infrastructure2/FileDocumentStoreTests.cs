using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Tests.Infrastructure2;

[Trait("Capability", "Preparation")]
public sealed class FileDocumentStoreTests : IDisposable
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    private readonly TemporaryFolder _temp = new();
    private readonly FileDocumentStore _store;

    public FileDocumentStoreTests() =>
        _store = new FileDocumentStore(Path.Combine(_temp.Path, "documents"), NullLogger<FileDocumentStore>.Instance);

    public static TheoryData<string, string, string> AcceptedFiles => new()
    {
        { "pdf", "application/pdf", ".pdf" },
        { "png", "image/png", ".png" },
        { "jpeg", "image/jpeg", ".jpg" },
    };

    public static TheoryData<string> RefusedFiles => ["windows-exe", "linux-elf", "zip", "html"];

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public async Task Save_WithAcceptedType_StoresItUnderARandomKey_AndReadsBackTheSameBytes(string kind, string contentType, string extension)
    {
        var bytes = Sample(kind);

        var stored = await _store.SaveAsync(new MemoryStream(bytes), "Acta de constitución.pdf", CancellationToken.None);

        Assert.Equal(contentType, stored.ContentType);
        Assert.Equal(bytes.Length, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Matches("^[0-9a-f]{32}" + extension.Replace(".", @"\.", StringComparison.Ordinal) + "$", stored.Key);
        Assert.DoesNotContain("Acta", stored.Key, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([Path.Combine(_store.RootPath, stored.Key)], _temp.Files("documents"));

        await using var read = _store.OpenRead(stored.Key);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
    }

    [Fact]
    public async Task Save_TheContentTypeComesFromTheBytes_NotFromTheFileName()
    {
        var stored = await _store.SaveAsync(new MemoryStream(SampleFiles.Png()), "estatuto.pdf", CancellationToken.None);

        Assert.Equal("image/png", stored.ContentType);
        Assert.EndsWith(".png", stored.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_TheSameFileTwice_GetsTwoDifferentKeys()
    {
        var first = await _store.SaveAsync(new MemoryStream(SampleFiles.Pdf()), "acta.pdf", CancellationToken.None);
        var second = await _store.SaveAsync(new MemoryStream(SampleFiles.Pdf()), "acta.pdf", CancellationToken.None);

        Assert.NotEqual(first.Key, second.Key);
        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public async Task Save_CreatesTheFolderWhenMissing()
    {
        Assert.False(Directory.Exists(_store.RootPath));

        await _store.SaveAsync(new MemoryStream(SampleFiles.Jpeg()), "foto.jpg", CancellationToken.None);

        Assert.True(Directory.Exists(_store.RootPath));
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Save_WithOtherContentUnderAnAcceptedName_IsRefused_AndLeavesNothing(string kind)
    {
        var error = await Assert.ThrowsAsync<DocumentRejectedException>(
            () => _store.SaveAsync(new MemoryStream(Sample(kind)), "acta.pdf", CancellationToken.None));

        Assert.Equal(DocumentRejectionReason.UnsupportedType, error.Reason);
        Assert.Empty(_temp.Files());
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 })] // "%PDF" without its dash
    [InlineData(new byte[] { 0x20, 0x25, 0x50, 0x44, 0x46, 0x2D })] // " %PDF-": the signature must come first
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 })] // half a PNG signature
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    public async Task Save_WithATruncatedOrMisplacedSignature_IsRefused(byte[] bytes)
    {
        var error = await Assert.ThrowsAsync<DocumentRejectedException>(
            () => _store.SaveAsync(new MemoryStream(bytes), "acta.pdf", CancellationToken.None));

        Assert.Equal(DocumentRejectionReason.UnsupportedType, error.Reason);
    }

    [Fact]
    public async Task Save_WithAnEmptyFile_IsRefused()
    {
        var error = await Assert.ThrowsAsync<DocumentRejectedException>(
            () => _store.SaveAsync(new MemoryStream(), "acta.pdf", CancellationToken.None));

        Assert.Equal(DocumentRejectionReason.Empty, error.Reason);
        Assert.Empty(_temp.Files());
    }

    [Fact]
    public async Task Save_WithExactlyFiveMegabytes_IsAccepted()
    {
        var stored = await _store.SaveAsync(new MemoryStream(SampleFiles.PdfOfSize(FiveMegabytes)), "acta.pdf", CancellationToken.None);

        Assert.Equal(FiveMegabytes, stored.SizeBytes);
        Assert.Equal(FiveMegabytes, new FileInfo(Path.Combine(_store.RootPath, stored.Key)).Length);
    }

    [Fact]
    public async Task Save_WithFiveMegabytesAndOneByte_IsRefused_AndLeavesNothing()
    {
        var error = await Assert.ThrowsAsync<DocumentRejectedException>(
            () => _store.SaveAsync(new MemoryStream(SampleFiles.PdfOfSize(FiveMegabytes + 1)), "acta.pdf", CancellationToken.None));

        Assert.Equal(DocumentRejectionReason.TooLarge, error.Reason);
        Assert.Empty(_temp.Files());
    }

    [Fact]
    public async Task Save_WithAnEndlessUpload_StopsReadingJustPastTheLimit()
    {
        // Claims to be small, never ends: the store must count what it reads, not believe the length.
        var upload = new EndlessPdfStream(claimedLength: 1024);

        var error = await Assert.ThrowsAsync<DocumentRejectedException>(
            () => _store.SaveAsync(upload, "acta.pdf", CancellationToken.None));

        Assert.Equal(DocumentRejectionReason.TooLarge, error.Reason);
        Assert.Equal(FiveMegabytes + 1, upload.BytesRead);
        Assert.Empty(_temp.Files());
    }

    [Theory]
    [InlineData("../secreto.pdf")]
    [InlineData("..")]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\secreto.pdf")]
    [InlineData("/etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcdef.pdf/../../secreto.pdf")]
    [InlineData("0123456789abcdef0123456789abcde/.pdf")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.pdf")]
    [InlineData("0123456789abcdef0123456789abcdef.exe")]
    [InlineData("0123456789abcdef0123456789abcdef.pdf.partial")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("")]
    public void OpenRead_WithAKeyTheStoreCouldNotHaveMade_IsRefused(string key) =>
        Assert.Throws<ArgumentException>(() => _store.OpenRead(key));

    [Fact]
    public async Task OpenReadAndDelete_WithPathTraversal_NeverReachTheFileOutside()
    {
        var stored = await _store.SaveAsync(new MemoryStream(SampleFiles.Pdf()), "acta.pdf", CancellationToken.None);
        var outside = Path.Combine(_temp.Path, "secreto.pdf");
        await File.WriteAllTextAsync(outside, "no");

        Assert.Throws<ArgumentException>(() => _store.OpenRead("../secreto.pdf"));
        Assert.Throws<ArgumentException>(() => _store.Delete("../secreto.pdf"));
        Assert.Throws<ArgumentException>(() => _store.Delete($"{stored.Key}/../../secreto.pdf"));

        Assert.True(File.Exists(outside));
    }

    [Fact]
    public async Task Delete_RemovesTheDocument()
    {
        var stored = await _store.SaveAsync(new MemoryStream(SampleFiles.Pdf()), "acta.pdf", CancellationToken.None);

        _store.Delete(stored.Key);

        Assert.Empty(_temp.Files());
        Assert.Throws<FileNotFoundException>(() => _store.OpenRead(stored.Key));
    }

    private static byte[] Sample(string kind) => kind switch
    {
        "pdf" => SampleFiles.Pdf(),
        "png" => SampleFiles.Png(),
        "jpeg" => SampleFiles.Jpeg(),
        "windows-exe" => SampleFiles.WindowsExecutable(),
        "linux-elf" => SampleFiles.LinuxExecutable(),
        "zip" => SampleFiles.Zip(),
        "html" => SampleFiles.Html(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A PDF header followed by zeros forever, whose Length lies.</summary>
    private sealed class EndlessPdfStream(long claimedLength) : Stream
    {
        private static readonly byte[] Header = "%PDF-1.4\n"u8.ToArray();

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => claimedLength;

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var span = buffer.AsSpan(offset, count);
            span.Clear();
            for (var i = 0; i < span.Length && BytesRead + i < Header.Length; i++)
            {
                span[i] = Header[BytesRead + i];
            }

            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
