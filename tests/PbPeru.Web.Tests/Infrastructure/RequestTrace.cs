using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PbPeru.Web.Tests.Infrastructure;

/// <summary>
/// What the app under test is doing, for a test that has to say why it waited in vain: the requests
/// in flight and how long each has run, the slowest finished ones, the warnings the app logged and
/// the thread pool's state. Every <see cref="PbPeruFactory"/> keeps one, as <see cref="PbPeruFactory.Trace"/>.
/// </summary>
public sealed class RequestTrace
{
    private const int Kept = 200;

    private readonly ConcurrentDictionary<long, (string Request, long Started)> _inFlight = new();
    private readonly ConcurrentQueue<(string Request, int Status, TimeSpan Took)> _finished = new();
    private readonly ConcurrentQueue<string> _warnings = new();
    private long _next;

    /// <summary>A report of the moment: in flight, the ten slowest of the last 200 requests, the last warnings, the thread pool.</summary>
    public string Describe()
    {
        var now = Stopwatch.GetTimestamp();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Thread pool: {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} work items queued, {ThreadPool.CompletedWorkItemCount} done.");
        report.AppendLine("Server requests in flight:");
        foreach (var (request, started) in _inFlight.Values.OrderBy(r => r.Started))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {request} for {Stopwatch.GetElapsedTime(started, now).TotalMilliseconds:F0} ms");
        }

        report.AppendLine("Slowest of the last requests:");
        foreach (var (request, status, took) in _finished.ToArray().OrderByDescending(r => r.Took).Take(10))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {request} → {status} in {took.TotalMilliseconds:F0} ms");
        }

        report.AppendLine("Warnings logged:");
        foreach (var warning in _warnings.ToArray().TakeLast(20))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {warning}");
        }

        return report.ToString();
    }

    internal async Task TrackAsync(HttpContext context, RequestDelegate next)
    {
        var id = Interlocked.Increment(ref _next);
        var request = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
        var started = Stopwatch.GetTimestamp();
        _inFlight[id] = (request, started);
        try
        {
            await next(context);
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
            Keep(_finished, (request, context.Response.StatusCode, Stopwatch.GetElapsedTime(started)));
        }
    }

    internal void Warn(string line) => Keep(_warnings, $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");

    private static void Keep<T>(ConcurrentQueue<T> queue, T item)
    {
        queue.Enqueue(item);
        while (queue.Count > Kept && queue.TryDequeue(out _))
        {
        }
    }

    /// <summary>Puts the tracking first in the app's pipeline.</summary>
    internal sealed class StartupFilter(RequestTrace trace) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) => trace.TrackAsync(context, following));
            next(app);
        };
    }

    /// <summary>Keeps the app's warnings and errors (Kestrel's starved-heartbeat warning among them).</summary>
    internal sealed class LoggerProvider(RequestTrace trace) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(trace, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(RequestTrace trace, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    trace.Warn($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}");
                }
            }
        }
    }
}
