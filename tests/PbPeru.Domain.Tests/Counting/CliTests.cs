using System.Diagnostics;
using System.Text.Json;
using PbPeru.Cli;
using PbPeru.Domain.Counting;

namespace PbPeru.Domain.Tests.Counting;

[Trait("Capability", "Voting")]
public class CliTests
{
    private const string Assen = "Netherlands_Assen_2024.pb";

    // "ten" is not a cost: line 6.
    private const string Malformed = "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\nc1;ten\nVOTES\nvoter_id;vote\nv1;c1\n";

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Counting", "Pabulib", name);

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A file in the temp folder with the given text, deleted afterwards.</summary>
    private sealed class TempFile : IDisposable
    {
        public TempFile(string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pbperu-cli-{Guid.NewGuid():N}.pb");
            File.WriteAllText(Path, text);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }

    public static TheoryData<string> Files() => PabulibFilesTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void CountWithTheFilesRule_Json_SelectsWhatTheCityFunded(string name)
    {
        var (exit, output, error) = Run("count", PathOf(name), "--rule", "file", "--json");

        Assert.Equal(CommandLine.Done, exit);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var file = PabulibFilesTests.Load(name);
        var funded = file.Projects
            .Where(p => p.Fields.GetValueOrDefault("selected", "0").Trim() == "1")
            .Select(p => p.Id)
            .Order(StringComparer.Ordinal);
        var selected = root.GetProperty("selected").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(funded, selected.Order(StringComparer.Ordinal));
        Assert.Equal(file.Projects.Where(p => selected.Contains(p.Id)).Sum(p => p.Cost), root.GetProperty("totalCost").GetInt64());
        Assert.Equal(file.Budget, root.GetProperty("budget").GetInt64());
        Assert.Equal(file.Votes.Count, root.GetProperty("voters").GetInt32());
        Assert.Equal(selected, root.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    public static TheoryData<string, string> RuleNames() => new()
    {
        { "greedy", "greedy" },
        { "greedy-no-skip", "greedy-no-skip" },
        { "greedy-threshold", "greedy-threshold" },
        { "mes", "mes" },
        { "mes-add1", "mes-add1" },
        { "mes-add1-comparison", "mes-add1-comparison" },
        { "phragmen", "phragmen" },
        { "file", "mes-add1" },
    };

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Count_EveryRuleName_CountsWithThatRule(string rule, string counted)
    {
        var file = PabulibFilesTests.Load(Assen);
        var election = file.ToElection();
        var expected = counted switch
        {
            "greedy" => CountingRules.Greedy(election),
            "greedy-no-skip" => CountingRules.GreedyNoSkip(election),
            "greedy-threshold" => CountingRules.GreedyThreshold(election, 0),
            "mes" => CountingRules.EqualShares(election),
            "mes-add1" => CountingRules.EqualSharesAdd1(election),
            "mes-add1-comparison" => CountingRules.EqualSharesAdd1Comparison(election),
            _ => CountingRules.Phragmen(election),
        };

        var (exit, output, _) = Run("count", PathOf(Assen), "--rule", rule, "--json");

        Assert.Equal(CommandLine.Done, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(counted, json.RootElement.GetProperty("rule").GetString());
        Assert.Equal(expected.Selected, json.RootElement.GetProperty("selected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(expected.TotalCost, json.RootElement.GetProperty("totalCost").GetInt64());
    }

    [Fact]
    public void Count_Mes_Json_GivesEachProjectsPaymentExactly()
    {
        var (_, output, _) = Run("count", PathOf(Assen), "--rule", "mes", "--json");

        using var json = JsonDocument.Parse(output);
        var first = json.RootElement.GetProperty("details")[0];
        Assert.Equal("PopUp Podium", first.GetProperty("name").GetString());
        Assert.Equal("7200/43", first.GetProperty("payment").GetProperty("equalShare").GetString());
        Assert.Equal(43, first.GetProperty("payment").GetProperty("fullPayers").GetInt64());
    }

    [Fact]
    public void Count_Threshold_LeavesOutProjectsWithLessSupport()
    {
        var (exit, output, _) = Run("count", PathOf(Assen), "--rule", "greedy", "--threshold", "30", "--json");

        Assert.Equal(CommandLine.Done, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(30, json.RootElement.GetProperty("threshold").GetInt64());
        Assert.All(json.RootElement.GetProperty("details").EnumerateArray(), d => Assert.True(d.GetProperty("support").GetInt64() >= 30));
    }

    [Fact]
    public void Count_Text_IsInSpanishByDefault()
    {
        var (exit, output, _) = Run("count", PathOf(Assen));

        Assert.Equal(CommandLine.Done, exit);
        Assert.Contains("Regla: mes-add1", output, StringComparison.Ordinal);
        Assert.Contains("Votantes: 84", output, StringComparison.Ordinal);
        Assert.Contains("PopUp Podium", output, StringComparison.Ordinal);
        Assert.Contains("cuota igual", output, StringComparison.Ordinal);
        Assert.Contains("Costo total: 76,700", output, StringComparison.Ordinal);
        Assert.Contains("Sobrante: 23,300", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_Text_InEnglishWithLangEn()
    {
        var (_, output, _) = Run("count", PathOf(Assen), "--rule", "greedy", "--lang", "en");

        Assert.Contains("Rule: greedy", output, StringComparison.Ordinal);
        Assert.Contains("Left over:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_UnreadableFile_ExitsWith2AndNamesTheLine()
    {
        using var file = new TempFile(Malformed);

        var spanish = Run("count", file.Path, "--rule", "greedy");
        var english = Run("count", file.Path, "--rule", "greedy", "--lang", "en");

        Assert.Equal(CommandLine.FileError, spanish.Exit);
        Assert.Contains("Línea 6", spanish.Error, StringComparison.Ordinal);
        Assert.Equal(CommandLine.FileError, english.Exit);
        Assert.Contains("Line 6", english.Error, StringComparison.Ordinal);
        Assert.Contains("ten", english.Error, StringComparison.Ordinal);
        Assert.Empty(english.Out);
    }

    [Fact]
    public void Count_VoteBreakingTheMetaLimits_ExitsWith2AndNamesTheLine()
    {
        using var file = new TempFile("META\nkey;value\nbudget;10\nmax_length;1\nPROJECTS\nproject_id;cost\nc1;5\nc2;5\nVOTES\nvoter_id;vote\nv1;c1,c2\n");

        var (exit, _, error) = Run("count", file.Path, "--lang", "en");

        Assert.Equal(CommandLine.FileError, exit);
        Assert.Contains("Line 11", error, StringComparison.Ordinal);
        Assert.Contains("max_length", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_MissingFile_ExitsWith2()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"pbperu-missing-{Guid.NewGuid():N}.pb");

        var (exit, _, error) = Run("count", missing, "--rule", "mes", "--lang", "en");

        Assert.Equal(CommandLine.FileError, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_MesOnPointBallots_ExitsWith2()
    {
        var (exit, _, error) = Run("count", PathOf("Poland_Czestochowa_2024_Trzech_Wieszczow.pb"), "--rule", "mes", "--lang", "en");

        Assert.Equal(CommandLine.FileError, exit);
        Assert.Contains("approval", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count", "FILE", "--rule", "magic")]
    [InlineData("count", "--rule", "mes")]
    [InlineData("count", "FILE", "--threshold", "ten")]
    [InlineData("count", "FILE", "--threshold", "-3")]
    [InlineData("count", "FILE", "--rule", "mes", "--threshold", "3")]
    [InlineData("count", "FILE", "--rule")]
    [InlineData("count", "FILE", "--colour")]
    [InlineData("count", "FILE", "FILE")]
    [InlineData("count", "FILE", "--lang", "fr")]
    [InlineData("recount", "FILE")]
    public void WrongCommand_ExitsWith1AndShowsTheUsage(params string[] args)
    {
        var (exit, output, error) = Run([.. args.Select(a => a == "FILE" ? PathOf(Assen) : a)]);

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Empty(output);
        Assert.StartsWith("Error: ", error, StringComparison.Ordinal);
        Assert.Contains("Uso:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRule_IsNamedInTheMessage()
    {
        var (exit, _, error) = Run("count", PathOf(Assen), "--rule", "magic", "--lang", "en");

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("«magic»", error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoArguments_ShowsTheUsageAndExitsWith1()
    {
        var (exit, output, error) = Run();

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("count ARCHIVO.pb", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ShowsTheUsageAndExitsWith0()
    {
        var (exit, output, error) = Run("help", "--lang", "en");

        Assert.Equal(CommandLine.Done, exit);
        Assert.Empty(error);
        Assert.Contains("count FILE.pb", output, StringComparison.Ordinal);
        Assert.Contains("mes-add1-comparison", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuiltCli_RunAsAProcess_ExitsWith2OnAMalformedFile()
    {
        // The build copies the command line (and its runtimeconfig) next to the tests.
        var dll = Path.Combine(AppContext.BaseDirectory, "PbPeru.Cli.dll");
        Assert.True(File.Exists(dll), dll);
        Assert.True(File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")));
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        using var file = new TempFile(Malformed);
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "count", file.Path, "--lang", "en" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(CommandLine.FileError, process.ExitCode);
        Assert.Contains("Line 6", await error, StringComparison.Ordinal);
        Assert.Empty(await output);
    }
}
