using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PbPeru.Domain.Counting;

namespace PbPeru.Benchmarks;

/// <summary>
/// Counting speed (issue 6), the mode <c>counting [--json]</c>: every rule on the three largest
/// real pabulib files. The goal is mes-add1 on Poland_Warszawa_2026 (61,668 voters) in under
/// 10 s; the Python reference implementation takes about 1,000 s on the same machine.
/// </summary>
internal static class CountingBenchmark
{
    private static readonly string[] Files = ["Poland_Lodz_2022.pb", "Poland_Warszawa_2026.pb", "Poland_Wroclaw_2018.pb"];

    private static readonly string[] Rules =
        ["greedy", "greedy-no-skip", "greedy-threshold", "mes", "mes-add1", "mes-add1-comparison", "phragmen"];

    private sealed record Row(string File, int Voters, int Projects, string Rule, double Seconds, int Selected);

    public static int Run(string[] args)
    {
        var json = args.Contains("--json");
        var folder = Path.Combine(Repository.Root(), "tests", "PbPeru.Domain.Tests", "Counting", "Pabulib");

        // Compile every rule once on a small file, so no timing below includes the JIT.
        var warmUp = Read(Path.Combine(folder, "Netherlands_Assen_2024.pb"));
        foreach (var rule in Rules)
        {
            Count(warmUp, warmUp.ToElection(), rule);
        }

        var rows = new List<Row>();
        var reading = new Dictionary<string, double>();
        foreach (var name in Files)
        {
            var watch = Stopwatch.StartNew();
            var file = Read(Path.Combine(folder, name));
            var election = file.ToElection();
            reading[name] = watch.Elapsed.TotalSeconds;
            foreach (var rule in Rules)
            {
                watch.Restart();
                var result = Count(file, election, rule);
                watch.Stop();
                rows.Add(new Row(Path.GetFileNameWithoutExtension(name), file.Votes.Count, file.Projects.Count, rule, watch.Elapsed.TotalSeconds, result.Selected.Count));
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(
                new
                {
                    processors = Environment.ProcessorCount,
                    runtime = Environment.Version.ToString(),
                    readingSeconds = reading,
                    results = rows.Select(r => new { file = r.File, voters = r.Voters, projects = r.Projects, rule = r.Rule, seconds = r.Seconds, selected = r.Selected }),
                },
                new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PbPeru counting benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}; goal: mes-add1 on Poland_Warszawa_2026 under 10 s"));
        foreach (var (name, seconds) in reading)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read and prepared {name} in {seconds:F2} s"));
        }

        Console.WriteLine();
        Console.WriteLine($"{"file",-24} {"voters",7} {"projects",8} {"rule",-20} {"seconds",8} {"selected",8}");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.File,-24} {row.Voters,7} {row.Projects,8} {row.Rule,-20} {row.Seconds,8:F3} {row.Selected,8}"));
        }

        return 0;
    }

    private static PabulibFile Read(string path)
    {
        using var reader = new StreamReader(path);
        return PabulibReader.Parse(reader);
    }

    private static CountResult Count(PabulibFile file, Election election, string rule) => rule switch
    {
        "greedy" => CountingRules.Greedy(election),
        "greedy-no-skip" => CountingRules.GreedyNoSkip(election),
        "greedy-threshold" => CountingRules.GreedyThreshold(election, file.Threshold ?? 0),
        "mes" => CountingRules.EqualShares(election),
        "mes-add1" => CountingRules.EqualSharesAdd1(election),
        "mes-add1-comparison" => CountingRules.EqualSharesAdd1Comparison(election),
        "phragmen" => CountingRules.Phragmen(election),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}
