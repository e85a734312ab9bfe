using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.PublicResults;

namespace PbPeru.Benchmarks;

/// <summary>
/// The public results page (issue 8) against PostgreSQL: a published cycle with 500 approved projects and
/// 2,000 accredited agents (1,250 organizations, a fifth of them not accepted, so 2,500 agents registered),
/// built through the domain by <see cref="ResultsTestData"/>. Prints the median, p95 and max time of
/// <c>/Public/Results/{id}</c> over the in-memory test server (server time: no network), the page's size
/// and how many SQL commands one request runs (the same whatever the size: no N+1). Goal: under 200 ms.
/// </summary>
internal static class ResultsBenchmark
{
    private const int Projects = 500;
    private const int Organizations = 1_250;
    private const int Rounds = 30;

    public static async Task<int> RunAsync()
    {
        // Outside a test host the factory cannot find the app's content root by itself: point it there.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PBPERU_WEB", Path.Combine(Repository.Root(), "src", "PbPeru.Web"));
        await using var app = await PbPeruFactory.CreateAsync();
        var watch = Stopwatch.StartNew();
        var data = await ResultsTestData.CreateAsync(app, Projects, Organizations, ubigeo: "0801", womenQuota: 30);
        await data.PublishAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // As autovacuum would soon after a bulk load: planner statistics for the new rows.
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var (approved, agents) = await data.Data.ReadAsync(async db => (
            await db.FinalVotes.Where(v => v.CycleId == data.Id).SelectMany(v => v.Result!.Lines).CountAsync(l => l.SelectionOrder != null),
            await db.Agents.CountAsync(a => a.CycleId == data.Id && a.IsAccredited)));
        Console.WriteLine($"Seeded a published cycle with {approved:N0} approved projects and {agents:N0} accredited agents in {watch.Elapsed.TotalSeconds:F1} s");
        if (approved != Projects)
        {
            throw new InvalidOperationException($"{approved} projects approved, {Projects} expected.");
        }

        var url = $"/Public/Results/{data.Id}";
        using var client = app.CreateAppClient();
        for (var i = 0; i < 3; i++)
        {
            await client.GetPageAsync(url);
        }

        using var commands = new SqlCommandCounter();
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
            }

            bytes = body.Length;
        }

        times.Sort();
        Console.WriteLine($"Results benchmark — {Projects:N0} approved projects, {agents:N0} accredited agents; {Rounds} timed requests after 3 warm-ups");
        Console.WriteLine($"{"page",-30} {"median ms",10} {"p95 ms",8} {"max ms",8} {"KB",8} {"SQL/req",8}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"public results",-30} {times[times.Count / 2],10:F1} {times[(int)(times.Count * 0.95)],8:F1} {times[^1],8:F1} {bytes / 1024.0,8:F0} {commands.Count / (double)Rounds,8:F1}"));
        return 0;
    }

    /// <summary>Counts the SQL commands EF Core runs while it lives (through its diagnostic events).</summary>
    private sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public SqlCommandCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public int Count => _count;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(listener.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted.Name)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
