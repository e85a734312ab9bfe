using System.Collections.Concurrent;
using System.Diagnostics;

namespace PbPeru.Benchmarks;

/// <summary>
/// The SQL the app sends while it is open, by request: Npgsql's activities (one per round trip)
/// under ASP.NET Core's request activity. For <c>--statements</c>, which prints one agent's vote
/// before the timed run; nothing listens while the figures are taken.
/// </summary>
internal sealed class StatementLog : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string Request, string Sql)> _commands = new();

    private readonly Func<string?> _currentRequest;

    /// <param name="currentRequest">The method and path of the request being served, if any (the app's HTTP context accessor).</param>
    public StatementLog(Func<string?> currentRequest)
    {
        _currentRequest = currentRequest;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The round trips of each request, in the order the requests ended.</summary>
    public void Print(TextWriter writer)
    {
        foreach (var request in _commands.GroupBy(c => c.Request))
        {
            writer.WriteLine($"{request.Key}: {request.Count()} round trips");
            foreach (var (_, sql) in request)
            {
                var line = string.Join(' ', sql.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));
                writer.WriteLine($"    {line[..Math.Min(200, line.Length)]}");
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        if (activity.Source.Name != "Npgsql")
        {
            return;
        }

        var request = activity.Parent;
        while (request is not null && request.Source.Name != "Microsoft.AspNetCore")
        {
            request = request.Parent;
        }

        var sql = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        var name = request is null
            ? "(outside a request)"
            : $"{_currentRequest() ?? request.DisplayName} #{request.TraceId.ToString()[..6]}";
        _commands.Enqueue((name, sql));
    }
}
