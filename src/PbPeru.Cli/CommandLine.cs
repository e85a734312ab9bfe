using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PbPeru.Domain.Common;
using PbPeru.Domain.Counting;

namespace PbPeru.Cli;

/// <summary>
/// The recount anyone can run on a published <c>.pb</c> file:
/// <c>count FILE.pb --rule RULE [--threshold N] [--json] [--lang es|en]</c>. Exit codes: 0 done,
/// 1 the command is wrong (usage on stderr), 2 the file cannot be read or counted (the message
/// names the line and the problem).
/// </summary>
public static class CommandLine
{
    public const int Done = 0;
    public const int UsageError = 1;
    public const int FileError = 2;

    private static readonly string[] GreedyRules = ["greedy", "greedy-no-skip", "greedy-threshold"];
    private static readonly string[] Rules = [.. GreedyRules, "mes", "mes-add1", "mes-add1-comparison", "phragmen", "file"];

    /// <summary>Runs one command; writes only to the writers given, so tests run it in-process.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        // Messages in Spanish unless --lang en, whatever the machine's culture.
        var language = Array.IndexOf(args, "--lang") is var at && at >= 0 && at + 1 < args.Length ? args[at + 1] : "es";
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-US" : "es-PE");
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return Dispatch(args, stdout, stderr);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    private static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine(CliText.Usage.Format());
            return UsageError;
        }

        if (args[0] is "help" or "--help" or "-h")
        {
            stdout.WriteLine(CliText.Usage.Format());
            return Done;
        }

        if (args[0] == "verify-audit")
        {
            return AuditCommand.Run(args[1..], stdout, stderr);
        }

        if (args[0] != "count")
        {
            return Usage(stderr, CliText.UnknownCommand.Format(args[0]));
        }

        var (options, error) = ParseCount(args[1..]);
        if (options is null)
        {
            return Usage(stderr, error!);
        }

        if (options.Help)
        {
            stdout.WriteLine(CliText.Usage.Format());
            return Done;
        }

        return Count(options, stdout, stderr);
    }

    private sealed record CountOptions(string File, string Rule, long? Threshold, bool Json, bool Help);

    private static (CountOptions? Options, string? Error) ParseCount(string[] args)
    {
        string? file = null, rule = null;
        long? threshold = null;
        bool json = false, help = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--rule" or "--threshold" or "--lang")
            {
                if (i + 1 >= args.Length)
                {
                    return Fail(CliText.MissingValue.Format(arg));
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--rule":
                        rule = value.Trim().ToLowerInvariant();
                        break;
                    case "--threshold":
                        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                        {
                            return Fail(CliText.BadThreshold.Format(value));
                        }

                        threshold = parsed;
                        break;
                    default:
                        if (value is not ("es" or "en"))
                        {
                            return Fail(CliText.UnknownLanguage.Format(value));
                        }

                        break;
                }
            }
            else if (arg == "--json")
            {
                json = true;
            }
            else if (arg is "--help" or "-h")
            {
                help = true;
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                return Fail(CliText.UnknownOption.Format(arg));
            }
            else if (file is null)
            {
                file = arg;
            }
            else
            {
                return Fail(CliText.TwoFiles.Format(arg));
            }
        }

        if (help)
        {
            return (new CountOptions("", "file", null, json, true), null);
        }

        rule ??= "file";
        if (!Rules.Contains(rule))
        {
            return Fail(CliText.UnknownRule.Format(rule));
        }

        if (threshold is not null && !GreedyRules.Contains(rule))
        {
            return Fail(CliText.ThresholdNotApplicable.Format());
        }

        return file is null ? Fail(CliText.MissingFile.Format()) : (new CountOptions(file, rule, threshold, json, false), null);

        static (CountOptions?, string?) Fail(string message) => (null, message);
    }

    internal static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine(CliText.Error.Format(message));
        stderr.WriteLine();
        stderr.WriteLine(CliText.Usage.Format());
        return UsageError;
    }

    private static int Count(CountOptions options, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(options.File))
        {
            stderr.WriteLine(CliText.Error.Format(CliText.FileNotFound.Format(options.File)));
            return FileError;
        }

        PabulibFile file;
        CountResult result;
        long? threshold;
        try
        {
            using (var reader = new StreamReader(options.File))
            {
                file = PabulibReader.Parse(reader);
            }

            (result, threshold) = CountWith(file, options.Rule, options.Threshold);
        }
        catch (Exception e) when (e is PabulibFormatException or DomainException)
        {
            stderr.WriteLine(CliText.Error.Format(CliText.FileProblem.Format(options.File, e.Message)));
            return FileError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(CliText.Error.Format(CliText.FileUnreadable.Format(options.File, e.Message)));
            return FileError;
        }

        if (options.Json)
        {
            WriteJson(stdout, options.File, file, result, threshold);
        }
        else
        {
            WriteText(stdout, options.File, file, result, threshold);
        }

        return Done;
    }

    /// <summary>The count, and the threshold it applied if any.</summary>
    private static (CountResult Result, long? Threshold) CountWith(PabulibFile file, string rule, long? threshold)
    {
        if (rule == "file")
        {
            var result = CountingRules.ForFile(file);
            return (result, result.Rule.StartsWith("greedy", StringComparison.Ordinal) ? file.Threshold : null);
        }

        var election = file.ToElection();
        return rule switch
        {
            "greedy" => (CountingRules.Greedy(election, null, threshold), threshold),
            "greedy-no-skip" => (CountingRules.GreedyNoSkip(election, null, threshold), threshold),
            "greedy-threshold" => (CountingRules.GreedyThreshold(election, threshold ?? file.Threshold ?? 0), threshold ?? file.Threshold ?? 0),
            "mes" => (CountingRules.EqualShares(election), null),
            "mes-add1" => (CountingRules.EqualSharesAdd1(election), null),
            "mes-add1-comparison" => (CountingRules.EqualSharesAdd1Comparison(election), null),
            _ => (CountingRules.Phragmen(election), null),
        };
    }

    private static string? NameOf(PabulibFile file, string id) =>
        file.Projects.FirstOrDefault(p => p.Id == id)?.Fields.GetValueOrDefault("name") is { Length: > 0 } name ? name : null;

    private static void WriteText(TextWriter stdout, string path, PabulibFile file, CountResult result, long? threshold)
    {
        static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
        static string Money(Rational value) => value.ToDouble().ToString("N2", CultureInfo.CurrentCulture);

        stdout.WriteLine(CliText.Heading.Format(Path.GetFileName(path)));
        stdout.WriteLine(threshold is { } t ? CliText.RuleWithThreshold.Format(result.Rule, Number(t)) : CliText.Rule.Format(result.Rule));
        stdout.WriteLine(CliText.Budget.Format(Number(file.Budget)));
        stdout.WriteLine(CliText.Voters.Format(Number(file.Votes.Count)));
        stdout.WriteLine(CliText.SelectedCount.Format(Number(result.Selected.Count)));
        stdout.WriteLine();

        var rows = result.Details.Select(d => (Id: d.Id, Cost: Number(d.Cost), Support: Number(d.Support), Name: NameOf(file, d.Id) ?? "", d.Payment)).ToList();
        var header = (Id: CliText.ColumnProject.Format(), Cost: CliText.ColumnCost.Format(), Support: CliText.ColumnSupport.Format(), Name: CliText.ColumnName.Format());
        var idWidth = rows.Select(r => r.Id.Length).Append(header.Id.Length).Max();
        var costWidth = rows.Select(r => r.Cost.Length).Append(header.Cost.Length).Max();
        var supportWidth = rows.Select(r => r.Support.Length).Append(header.Support.Length).Max();
        var hasNames = rows.Any(r => r.Name.Length > 0);
        stdout.WriteLine($"  {header.Id.PadRight(idWidth)}  {header.Cost.PadLeft(costWidth)}  {header.Support.PadLeft(supportWidth)}{(hasNames ? "  " + header.Name : "")}");
        foreach (var row in rows)
        {
            stdout.WriteLine($"  {row.Id.PadRight(idWidth)}  {row.Cost.PadLeft(costWidth)}  {row.Support.PadLeft(supportWidth)}{(hasNames ? "  " + row.Name : "")}");
            if (row.Payment is { } payment)
            {
                var line = new StringBuilder(CliText.Payment.Format(Money(payment.EqualShare), Number(payment.FullPayers)));
                if (payment.PartialPayers > 0)
                {
                    line.Append(CliText.PartialPayment.Format(Number(payment.PartialPayers), Money(payment.PartialPaid)));
                }

                line.Append(')');

                stdout.WriteLine($"  {new string(' ', idWidth)}  {line}");
            }
        }

        stdout.WriteLine();
        stdout.WriteLine(CliText.TotalCost.Format(Number(result.TotalCost)));
        stdout.WriteLine(CliText.LeftOver.Format(Number(file.Budget - result.TotalCost)));
    }

    private static void WriteJson(TextWriter stdout, string path, PabulibFile file, CountResult result, long? threshold)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("file", Path.GetFileName(path));
            json.WriteString("rule", result.Rule);
            if (threshold is { } t)
            {
                json.WriteNumber("threshold", t);
            }

            json.WriteNumber("budget", file.Budget);
            json.WriteNumber("voters", file.Votes.Count);
            json.WriteStartArray("selected");
            foreach (var id in result.Selected)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteNumber("totalCost", result.TotalCost);
            json.WriteNumber("leftOver", file.Budget - result.TotalCost);
            json.WriteStartArray("details");
            foreach (var detail in result.Details)
            {
                json.WriteStartObject();
                json.WriteString("id", detail.Id);
                if (NameOf(file, detail.Id) is { } name)
                {
                    json.WriteString("name", name);
                }

                json.WriteNumber("cost", detail.Cost);
                json.WriteNumber("support", detail.Support);
                if (detail.Payment is { } payment)
                {
                    // Exact fractions as strings ("num/den"), with a decimal beside them for reading.
                    json.WriteStartObject("payment");
                    json.WriteString("equalShare", payment.EqualShare.ToString());
                    json.WriteNumber("equalShareApprox", payment.EqualShare.ToDouble());
                    json.WriteNumber("fullPayers", payment.FullPayers);
                    json.WriteNumber("partialPayers", payment.PartialPayers);
                    json.WriteString("partialPaid", payment.PartialPaid.ToString());
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
