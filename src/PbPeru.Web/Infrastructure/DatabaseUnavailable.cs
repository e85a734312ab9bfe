using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// A database that cannot answer for a moment (restarting, unreachable, its connection pool taken)
/// is not a fault of the request: the person gets 503 with <c>Retry-After</c> and a short page in
/// their language, a proxy knows to try again or another replica, and the next request after the
/// database is back works without restarting the app.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client or proxy is asked to wait: about what a PostgreSQL restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// Answers transient database failures with 503 and maps the proxy's health endpoints:
    /// <c>/health/live</c> (the process answers; the database is not asked) and
    /// <c>/health/ready</c> (the database answers; 503 when it does not). Call after the request
    /// culture is chosen and before anything that may read the database (authentication included).
    /// </summary>
    public static WebApplication UseDatabaseFaults(this WebApplication app)
    {
        app.UseMiddleware<DatabaseUnavailableMiddleware>();

        // The default writer already sends Cache-Control: no-store; the middleware adds Retry-After to a 503.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        return app;
    }

    /// <summary>
    /// True when <paramref name="exception"/> (or anything it wraps: EF's execution strategy, a
    /// DbUpdateException, an AggregateException) says the database could not be reached or used for
    /// now, as opposed to a mistake in the request or the code.
    /// </summary>
    public static bool IsTransient(Exception exception) => Find(exception, e => e switch
    {
        PostgresException p => p.IsTransient || IsConnectionState(p.SqlState),
        NpgsqlException n => n.IsTransient || n.InnerException is TimeoutException || IsPoolExhausted(n),
        RetryLimitExceededException => true,
        _ => false,
    });

    /// <summary>
    /// True when the connection itself was lost or refused (the server went away or is starting):
    /// idle pooled connections to that server are dead too, unlike a pool that is merely busy.
    /// </summary>
    public static bool IsConnectionLost(Exception exception) => Find(exception, e => e switch
    {
        PostgresException p => IsConnectionState(p.SqlState),
        NpgsqlException n => n.IsTransient && n.InnerException is not TimeoutException && !IsPoolExhausted(n),
        _ => false,
    });

    // Class 08: connection exception; 57P01-57P04: shut down by an administrator, crashed, not
    // accepting connections yet, database dropped.
    private static bool IsConnectionState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("57P", StringComparison.Ordinal);

    private static bool IsPoolExhausted(NpgsqlException exception) =>
        exception.Message.Contains("connection pool has been exhausted", StringComparison.OrdinalIgnoreCase);

    private static bool Find(Exception exception, Func<Exception, bool> test)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var e))
        {
            if (test(e))
            {
                return true;
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return false;
    }
}

/// <summary>Turns a transient database failure into 503 + Retry-After and a page without any detail; see <see cref="DatabaseUnavailable"/>.</summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Any 503 of the app (a health check that finds the database down too) says when to come back.
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && !context.Response.Headers.ContainsKey("Retry-After"))
            {
                context.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        });

        try
        {
            await next(context);
        }
        catch (Exception exception) when (DatabaseUnavailable.IsTransient(exception) && !context.Response.HasStarted)
        {
            logger.LogWarning("{Method} {Path} answered 503: the database is unavailable ({Reason}).",
                context.Request.Method, context.Request.Path, exception.GetBaseException().Message);

            if (DatabaseUnavailable.IsConnectionLost(exception))
            {
                // Idle pooled connections to a server that restarted are dead: drop them now so the
                // next request opens a fresh one instead of failing once per pooled connection.
                NpgsqlConnection.ClearAllPools();
            }

            await WritePageAsync(context);
        }
    }

    private static async Task WritePageAsync(HttpContext context)
    {
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var html = HtmlEncoder.Default;
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "es-PE";
        var title = html.Encode(t["Servicio no disponible por un momento"]);
        var explanation = html.Encode(t["El servicio no puede atenderle en este momento. Vuelva a intentarlo en unos segundos; si enviaba un formulario, envíelo de nuevo."]);
        var again = html.Encode(t["Volver a intentar"]);
        var home = html.Encode(t["Volver al inicio"]);
        var root = html.Encode(context.Request.PathBase);
        var here = html.Encode(context.Request.PathBase + context.Request.Path + context.Request.QueryString);

        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";

        // Written by hand: the layout and the error page may read the database, which is what failed.
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{title} · PbPeru</title>
                <link rel="stylesheet" href="{root}/lib/bootstrap/css/bootstrap.min.css" />
                <link rel="stylesheet" href="{root}/css/site.css" />
            </head>
            <body>
                <main id="main" class="container py-4">
                    <h1>{title}</h1>
                    <p class="lead">{explanation}</p>
                    <p><a href="{here}" class="btn btn-primary">{again}</a> <a href="{root}/" class="btn btn-link">{home}</a></p>
                </main>
            </body>
            </html>
            """);
    }
}
