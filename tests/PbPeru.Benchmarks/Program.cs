// Rerunnable speed checks; each mode measures and prints, nothing asserts a time.
//   dotnet run -c Release --project tests/PbPeru.Benchmarks -- pages
//   dotnet run -c Release --project tests/PbPeru.Benchmarks -- counting [--json]
//   dotnet run -c Release --project tests/PbPeru.Benchmarks -- voting [--json] [--agents N] [--statements]
//   dotnet run -c Release --project tests/PbPeru.Benchmarks -- results
using PbPeru.Benchmarks;

// One mode per case: a new benchmark adds a line here and a class beside the others.
return args.FirstOrDefault() switch
{
    "pages" => await PagesBenchmark.RunAsync(),
    "counting" => CountingBenchmark.Run(args[1..]),
    "voting" => await VotingBenchmark.RunAsync(args.Contains("--json"), AgentsOption(args), args.Contains("--statements")),
    "results" => await ResultsBenchmark.RunAsync(),
    _ => Usage(args.FirstOrDefault()),
};

static int AgentsOption(string[] args)
{
    var at = Array.IndexOf(args, "--agents");
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var n) && n >= 100 && n % 2 == 0 ? n : 2_000;
}

static int Usage(string? mode)
{
    if (mode is not null)
    {
        Console.Error.WriteLine($"Unknown mode «{mode}».");
    }

    Console.Error.WriteLine("""
        Usage: dotnet run -c Release --project tests/PbPeru.Benchmarks -- MODE
          pages              page timings against PostgreSQL with realistic volumes (issues 3 and 4)
          counting [--json]  every counting rule on the three largest pabulib files (issue 6)
          voting [--json] [--agents N] [--statements]
                             2,000 agents (or N, even, at least 100) casting ballots over HTTP, 32 at a time, beside pgbench (issue 6);
                             --statements prints the SQL of one agent's vote, request by request, before the run
          results            the public results page of a cycle with 500 approved projects and 2,000 agents (issue 8)
        """);
    return 1;
}
