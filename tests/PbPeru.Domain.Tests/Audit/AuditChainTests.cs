using System.Globalization;
using System.Text;
using PbPeru.Cli;
using PbPeru.Domain.Audit;

namespace PbPeru.Domain.Tests.Audit;

[Trait("Capability", "Trust")]
public class AuditChainTests
{
    private const string Chain = "cycle:7";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Hash_OfTheDocumentedExample_IsSha256OfTheCanonicalText()
    {
        var entry = AuditEntry.Draft("cycle:1", new DateTimeOffset(2026, 1, 2, 3, 4, 5, 6, TimeSpan.Zero), "u1", "phase.moved", "cycle:1", "Draft → Preparation");
        entry.Seal(AuditHead.Empty("cycle:1"));

        var expectedText = "pbperu-audit-v1\n7:cycle:1\n1:1\n24:2026-01-02T03:04:05.006Z\n2:u1\n11:phase.moved\n7:cycle:1\n21:Draft → Preparation\n64:"
            + new string('0', 64) + "\n";
        Assert.Equal(expectedText, AuditHash.CanonicalText(entry));
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(expectedText))),
            entry.Hash);
    }

    [Fact]
    public void Hash_DoesNotDependOnTheCulture()
    {
        var entry = AuditEntry.Draft(Chain, Start, "u1", AuditActions.BallotCast, "vote:3", "agent:12 cast");
        entry.Seal(AuditHead.Empty(Chain));
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            foreach (var name in new[] { "es-PE", "ar-SA", "th-TH", "en-US" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                Assert.Equal(entry.Hash, AuditHash.Of(entry));
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    [Fact]
    public void Draft_KeepsTheTimeToTheMillisecondInUtc()
    {
        var lima = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5)).AddTicks(12_345_678);

        var entry = AuditEntry.Draft(Chain, lima, "", AuditActions.PhaseMoved, "cycle:7", "");

        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 0, 1, 234, TimeSpan.Zero), entry.At);
    }

    [Fact]
    public void Verify_AnIntactChain_IsSoundWithItsCountAndHead()
    {
        var chain = Build(5);

        var verdict = AuditVerifier.Verify(Chain, chain, chain[^1].AsHead(), chain[2].Hash);

        Assert.True(verdict.IsSound, verdict.Explanation);
        Assert.Equal(5, verdict.Count);
        Assert.Equal(chain[^1].AsHead(), verdict.Head);
    }

    [Fact]
    public void Verify_AnEmptyChain_IsSound()
    {
        var verdict = AuditVerifier.Verify(Chain, [], AuditHead.Empty(Chain));

        Assert.True(verdict.IsSound);
        Assert.Equal(0, verdict.Head.Sequence);
    }

    [Fact]
    public void Verify_AnEditedDetail_IsReportedAsEditedAtThatEntry()
    {
        var chain = Build(6);
        chain[3] = Copy(chain[3], detail: "agent:99 cast");

        var verdict = AuditVerifier.Verify(Chain, chain);

        Assert.Equal(AuditProblem.Edited, verdict.Problem);
        Assert.Equal(4, verdict.ProblemSequence);
    }

    [Theory]
    [InlineData("actor")]
    [InlineData("action")]
    [InlineData("subject")]
    [InlineData("at")]
    public void Verify_AnyEditedField_IsReportedAsEdited(string field)
    {
        var chain = Build(4);
        var e = chain[1];
        chain[1] = field switch
        {
            "actor" => Copy(e, actor: "someone-else"),
            "action" => Copy(e, action: AuditActions.ExportDownloaded),
            "subject" => Copy(e, subject: "vote:4"),
            _ => Copy(e, at: e.At.AddSeconds(-1)),
        };

        var verdict = AuditVerifier.Verify(Chain, chain);

        Assert.Equal(AuditProblem.Edited, verdict.Problem);
        Assert.Equal(2, verdict.ProblemSequence);
    }

    [Fact]
    public void Verify_ARemovedEntry_IsReportedAsRemovedWithTheMissingNumber()
    {
        var chain = Build(6);
        chain.RemoveAt(2);

        var verdict = AuditVerifier.Verify(Chain, chain);

        Assert.Equal(AuditProblem.Removed, verdict.Problem);
        Assert.Equal(3, verdict.ProblemSequence);
    }

    [Fact]
    public void Verify_ARemovedEntryWithTheRestRenumbered_IsReportedAsABrokenLink()
    {
        var chain = Build(5);
        chain.RemoveAt(1);
        for (var i = 1; i < chain.Count; i++)
        {
            chain[i] = Copy(chain[i], sequence: i + 1, rehash: true);
        }

        var verdict = AuditVerifier.Verify(Chain, chain);

        Assert.Equal(AuditProblem.Removed, verdict.Problem);
        Assert.Equal(2, verdict.ProblemSequence);
    }

    [Fact]
    public void Verify_TheLastEntriesCutOff_AreReportedAgainstTheRecordedHead()
    {
        var chain = Build(5);
        var head = chain[^1].AsHead();
        chain.RemoveAt(4);

        var verdict = AuditVerifier.Verify(Chain, chain, head);

        Assert.Equal(AuditProblem.Removed, verdict.Problem);
        Assert.Equal(5, verdict.ProblemSequence);
    }

    [Fact]
    public void Verify_TwoEntriesWithSwappedSequenceNumbers_IsReportedAsReordered()
    {
        var chain = Build(6);

        // What a swap of two rows' sequence numbers in the database exports: the lines in their new order.
        var (third, fourth) = (chain[2], chain[3]);
        chain[2] = Copy(fourth, sequence: 3);
        chain[3] = Copy(third, sequence: 4);

        var verdict = AuditVerifier.Verify(Chain, chain);

        Assert.Equal(AuditProblem.Reordered, verdict.Problem);
        Assert.Equal(3, verdict.ProblemSequence);
    }

    [Fact]
    public void Verify_EntriesOutOfOrderInTheFile_IsReportedAsReordered()
    {
        var chain = Build(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var verdict = AuditVerifier.Verify(Chain, chain);

        Assert.Equal(AuditProblem.Reordered, verdict.Problem);
        Assert.Equal(2, verdict.ProblemSequence);
    }

    [Fact]
    public void Verify_AChainRehashedAfterAnEdit_IsOnlyCaughtByTheHeadNotedBefore()
    {
        var chain = Build(4);
        var published = chain[^1].Hash;
        chain[1] = Copy(chain[1], detail: "rewritten", rehash: true);
        for (var i = 2; i < chain.Count; i++)
        {
            chain[i] = Copy(chain[i], previous: chain[i - 1].Hash, rehash: true);
        }

        Assert.True(AuditVerifier.Verify(Chain, chain).IsSound);
        var verdict = AuditVerifier.Verify(Chain, chain, expectedHash: published);
        Assert.Equal(AuditProblem.HeadMismatch, verdict.Problem);
    }

    [Fact]
    public void Verify_ALineOfAnotherChain_IsReported()
    {
        var chain = Build(3);
        chain[1] = AuditEntry.Restore("cycle:8", 2, chain[1].At, chain[1].Actor, chain[1].Action, chain[1].Subject, chain[1].Detail, chain[1].PreviousHash, chain[1].Hash);

        var verdict = AuditVerifier.Verify(Chain, chain);

        Assert.Equal(AuditProblem.ForeignLine, verdict.Problem);
    }

    [Fact]
    public void ChainFile_WrittenAndReadBack_VerifiesTheSame()
    {
        var chain = Build(3, detail: "«comillas» \"y\" \n saltos");
        using var buffer = new MemoryStream();
        AuditChainFile.Write(buffer, Chain, chain[^1].AsHead(), chain);
        buffer.Position = 0;

        var read = AuditChainFile.Read(buffer);

        Assert.Equal(Chain, read.Chain);
        Assert.Equal(chain[^1].AsHead(), read.RecordedHead);
        Assert.Equal(chain.Select(e => e.Hash), read.Entries.Select(AuditHash.Of));
        Assert.True(AuditVerifier.Verify(read.Chain, read.Entries, read.RecordedHead).IsSound);
    }

    [Fact]
    public void ChainFile_NotJson_IsRefusedWithAReadableMessage()
    {
        using var buffer = new MemoryStream(Encoding.UTF8.GetBytes("META\nkey;value"));

        Assert.Throws<AuditFileException>(() => AuditChainFile.Read(buffer));
    }

    [Fact]
    public void Cli_VerifyAudit_IntactTamperedAndUnreadable_ExitWith0Then1Then2()
    {
        var folder = Directory.CreateTempSubdirectory("pbperu-audit-");
        try
        {
            var chain = Build(4);
            var good = Path.Combine(folder.FullName, "good.json");
            using (var file = File.Create(good))
            {
                AuditChainFile.Write(file, Chain, chain[^1].AsHead(), chain);
            }

            var (exit, output, _) = RunCli("verify-audit", good, "--head", chain[^1].Hash);
            Assert.Equal(CommandLine.Done, exit);
            Assert.Contains(chain[^1].Hash, output, StringComparison.Ordinal);
            Assert.Contains("OK", output, StringComparison.Ordinal);

            var (wrongHead, headOutput, _) = RunCli("verify-audit", good, "--head", new string('a', 64));
            Assert.Equal(1, wrongHead);
            Assert.Contains("head-mismatch", headOutput, StringComparison.Ordinal);

            chain[2] = Copy(chain[2], detail: "changed");
            var bad = Path.Combine(folder.FullName, "bad.json");
            using (var file = File.Create(bad))
            {
                AuditChainFile.Write(file, Chain, chain[^1].AsHead(), chain);
            }

            var (tampered, badOutput, _) = RunCli("verify-audit", bad);
            Assert.Equal(1, tampered);
            Assert.Contains("n.º 3 (edited)", badOutput, StringComparison.Ordinal);

            var junk = Path.Combine(folder.FullName, "junk.json");
            File.WriteAllText(junk, "{ not json");
            Assert.Equal(CommandLine.FileError, RunCli("verify-audit", junk).Exit);
            Assert.Equal(CommandLine.FileError, RunCli("verify-audit", Path.Combine(folder.FullName, "missing.json")).Exit);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (int Exit, string Output, string Error) RunCli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static List<AuditEntry> Build(int count, string detail = "detail")
    {
        var head = AuditHead.Empty(Chain);
        var entries = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            var entry = AuditEntry.Draft(Chain, Start.AddMinutes(i), $"user-{i % 3}", AuditActions.BallotCast, "vote:3", $"{detail} {i}");
            entry.Seal(head);
            head = entry.AsHead();
            entries.Add(entry);
        }

        return entries;
    }

    private static AuditEntry Copy(
        AuditEntry e,
        long? sequence = null,
        string? actor = null,
        string? action = null,
        string? subject = null,
        string? detail = null,
        DateTimeOffset? at = null,
        string? previous = null,
        bool rehash = false)
    {
        var copy = AuditEntry.Restore(Chain, sequence ?? e.Sequence, at ?? e.At, actor ?? e.Actor, action ?? e.Action, subject ?? e.Subject, detail ?? e.Detail, previous ?? e.PreviousHash, e.Hash);
        return rehash
            ? AuditEntry.Restore(Chain, copy.Sequence, copy.At, copy.Actor, copy.Action, copy.Subject, copy.Detail, copy.PreviousHash, AuditHash.Of(copy))
            : copy;
    }
}
