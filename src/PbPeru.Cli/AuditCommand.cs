using PbPeru.Domain.Audit;

namespace PbPeru.Cli;

/// <summary>
/// <c>verify-audit FILE.json [--head HASH]</c>: reads a chain exported from a cycle's Audit tab,
/// recomputes every hash and link, and prints OK with the count and head, or the first entry that
/// was edited, removed or reordered. Exit codes: 0 intact, 1 tampered (the usage error of every
/// command is 1 too), 2 the file cannot be read.
/// </summary>
public static class AuditCommand
{
    public const int Tampered = 1;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? file = null, head = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--head" or "--lang")
            {
                if (i + 1 >= args.Length)
                {
                    return CommandLine.Usage(stderr, CliText.MissingValue.Format(arg));
                }

                var value = args[++i];
                if (arg == "--head")
                {
                    head = value;
                }
                else if (value is not ("es" or "en"))
                {
                    return CommandLine.Usage(stderr, CliText.UnknownLanguage.Format(value));
                }
            }
            else if (arg is "--help" or "-h")
            {
                stdout.WriteLine(CliText.Usage.Format());
                return CommandLine.Done;
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                return CommandLine.Usage(stderr, CliText.UnknownOption.Format(arg));
            }
            else if (file is null)
            {
                file = arg;
            }
            else
            {
                return CommandLine.Usage(stderr, CliText.TwoFiles.Format(arg));
            }
        }

        if (file is null)
        {
            return CommandLine.Usage(stderr, CliText.MissingAuditFile.Format());
        }

        if (!File.Exists(file))
        {
            stderr.WriteLine(CliText.Error.Format(CliText.FileNotFound.Format(file)));
            return CommandLine.FileError;
        }

        AuditChainExport export;
        try
        {
            using var stream = File.OpenRead(file);
            export = AuditChainFile.Read(stream);
        }
        catch (AuditFileException e)
        {
            stderr.WriteLine(CliText.Error.Format(CliText.FileProblem.Format(file, e.Message)));
            return CommandLine.FileError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(CliText.Error.Format(CliText.FileUnreadable.Format(file, e.Message)));
            return CommandLine.FileError;
        }

        var verdict = AuditVerifier.Verify(export.Chain, export.Entries, export.RecordedHead, head);
        if (verdict.IsSound)
        {
            stdout.WriteLine(CliText.AuditIntact.Format(verdict.Explanation));
            stdout.WriteLine(CliText.AuditChainName.Format(export.Chain));
            stdout.WriteLine(CliText.AuditHeadLine.Format(verdict.Head.Sequence, verdict.Head.Hash));
            return CommandLine.Done;
        }

        stdout.WriteLine(CliText.AuditTampered.Format(verdict.Explanation));
        stdout.WriteLine(CliText.AuditChainName.Format(export.Chain));
        stdout.WriteLine(CliText.AuditProblemAt.Format(verdict.ProblemSequence, ProblemCode(verdict.Problem!.Value)));
        return Tampered;
    }

    /// <summary>The problem's stable English code, for scripts: edited, removed, reordered, head-mismatch, foreign-line.</summary>
    public static string ProblemCode(AuditProblem problem) => problem switch
    {
        AuditProblem.Edited => "edited",
        AuditProblem.Removed => "removed",
        AuditProblem.Reordered => "reordered",
        AuditProblem.HeadMismatch => "head-mismatch",
        _ => "foreign-line",
    };
}
