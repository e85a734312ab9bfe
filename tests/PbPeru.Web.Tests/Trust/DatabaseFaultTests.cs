using System.Collections.Concurrent;
using System.Net;
using Npgsql;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// A database that cannot answer for a moment is the app's 503 with Retry-After and a Spanish page,
/// never a 500; the app recovers by itself when the database is back. Tests that stop or restart
/// PostgreSQL do it to a server of their own (<see cref="PostgresServer.StartOwnAsync"/>).
/// </summary>
[Trait("Capability", "Trust")]
public sealed class DatabaseFaultTests
{
    private const string Password = "una-frase-de-prueba-larga";
    private const string UnavailableTitle = "Servicio no disponible por un momento";

    [Fact]
    public async Task WhileTheDatabaseIsStopped_PagesAndReadinessAnswer503WithRetryAfter_LivenessStays200_AndAllRecoverWhenItIsBack()
    {
        await using var server = await PostgresServer.StartOwnAsync();
        await using var app = new PbPeruFactory { ConnectionString = await server.CreateDatabaseAsync() };
        await app.CreateUserAsync("gestora@prueba.pe", "Gestora de Prueba", Password, [Roles.CycleManager], "08");
        using var manager = app.CreateAppClient(followRedirects: false);
        await manager.LoginAsync("gestora@prueba.pe", Password);
        using var visitor = app.CreateAppClient(followRedirects: false);
        await AssertAllAsync(HttpStatusCode.OK, visitor, "/", "/health", "/health/live", "/health/ready");
        await AssertAllAsync(HttpStatusCode.OK, manager, "/Cycles");

        await server.StopServerAsync();

        foreach (var (client, url) in new[] { (visitor, "/"), (manager, "/Cycles"), (manager, "/Notifications") })
        {
            using var page = await client.GetAsync(url);
            await AssertUnavailablePageAsync(page, url);
        }

        // Signing in reads the accounts: the form is shown (it needs no database), its answer is the 503 page.
        using (var stranger = app.CreateAppClient(followRedirects: false))
        using (var login = await stranger.PostFormAsync(AppClient.LoginPath, ("Input.Email", "gestora@prueba.pe"), ("Input.Password", Password)))
        {
            await AssertUnavailablePageAsync(login, "the login form");
        }

        foreach (var url in new[] { "/health/ready", "/health" })
        {
            using var health = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.NotNull(health.Headers.RetryAfter);
            Assert.True(health.Headers.CacheControl?.NoStore, $"{url} must not be cached");
        }

        using (var live = await visitor.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
            Assert.True(live.Headers.CacheControl?.NoStore);
        }

        await server.StartServerAsync();

        // The same app, not restarted: the first request may still meet a connection of the old server.
        await UntilOkAsync(visitor, "/");
        await AssertAllAsync(HttpStatusCode.OK, visitor, "/", "/health", "/health/live", "/health/ready");
        await AssertAllAsync(HttpStatusCode.OK, manager, "/Cycles", "/Notifications");
    }

    [Fact]
    public async Task PostgresRestartedUnderLoad_EveryFailedRequestIs503NotA500_AndRequestsSucceedAfterwardsWithoutRestartingTheApp()
    {
        await using var server = await PostgresServer.StartOwnAsync();
        await using var app = new PbPeruFactory { ConnectionString = await server.CreateDatabaseAsync() };
        await app.CreateUserAsync("gestor@prueba.pe", "Gestor de Prueba", Password, [Roles.CycleManager], "08");
        using var manager = app.CreateAppClient(followRedirects: false);
        await manager.LoginAsync("gestor@prueba.pe", Password);
        using var visitor = app.CreateAppClient(followRedirects: false);

        var answers = new ConcurrentBag<(string Url, HttpStatusCode Status, bool RetryAfter, string Body)>();
        var restarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var afterRestart = new ConcurrentDictionary<int, int>();
        async Task LoadAsync(int worker, AppClient client, string url)
        {
            // Until the restart is over and this worker has made 20 more requests.
            while (!restarted.Task.IsCompleted || afterRestart.GetValueOrDefault(worker) < 20)
            {
                using var response = await client.GetAsync(url);
                var body = response.StatusCode == HttpStatusCode.OK ? "" : await response.Content.ReadAsStringAsync();
                answers.Add((url, response.StatusCode, response.Headers.RetryAfter is not null, body));
                if (restarted.Task.IsCompleted)
                {
                    afterRestart.AddOrUpdate(worker, 1, (_, n) => n + 1);
                }
            }
        }

        var load = new[]
        {
            Task.Run(() => LoadAsync(0, visitor, "/")),
            Task.Run(() => LoadAsync(1, visitor, "/")),
            Task.Run(() => LoadAsync(2, manager, "/Cycles")),
            Task.Run(() => LoadAsync(3, visitor, "/health/ready")),
        };

        // Some answers before the restart, then the restart while the requests keep coming.
        while (answers.Count < 20)
        {
            await Task.Delay(50);
        }

        await server.RestartAsync();
        restarted.SetResult();
        await Task.WhenAll(load);

        var failed = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
        Assert.NotEmpty(failed); // the restart was felt: otherwise this test proves nothing
        Assert.All(failed, a =>
        {
            Assert.True(a.Status == HttpStatusCode.ServiceUnavailable, $"{a.Url} answered {(int)a.Status}: {a.Body}");
            Assert.True(a.RetryAfter, $"{a.Url} answered 503 without Retry-After");
        });
        Assert.Contains(failed, a => a.Body.Contains(UnavailableTitle, StringComparison.Ordinal));

        // Recovered by itself: the app was never restarted.
        await AssertAllAsync(HttpStatusCode.OK, visitor, "/", "/", "/", "/health/ready");
        await AssertAllAsync(HttpStatusCode.OK, manager, "/Cycles", "/Cycles");
    }

    [Fact]
    public async Task ConnectionPoolExhausted_AFurtherRequestGets503WithRetryAfter_AndEverythingAnswers200AfterRelease()
    {
        var shared = await PostgresServer.GetSharedAsync();
        var database = await shared.CreateDatabaseAsync();

        // Two connections at most, and a request waits two seconds for one.
        var tiny = new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 2, Timeout = 2 }.ConnectionString;
        try
        {
            await using var app = new PbPeruFactory { ConnectionString = tiny };
            using var visitor = app.CreateAppClient(followRedirects: false);
            await AssertAllAsync(HttpStatusCode.OK, visitor, "/", "/health/ready");

            // The test holds the cycles table: two home pages wait on it, each holding a connection.
            await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE \"Cycles\" IN ACCESS EXCLUSIVE MODE", holder, hold))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            var held = new[] { visitor.GetAsync("/"), visitor.GetAsync("/") };
            await UntilAsync(async () => await WaitingOnLocksAsync(holder) == 2);

            using (var refused = await visitor.GetAsync("/"))
            {
                await AssertUnavailablePageAsync(refused, "/ with the pool taken");
            }

            using (var ready = await visitor.GetAsync("/health/ready"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
                Assert.NotNull(ready.Headers.RetryAfter);
            }

            await hold.RollbackAsync();
            foreach (var response in await Task.WhenAll(held))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }

            await AssertAllAsync(HttpStatusCode.OK, visitor, "/", "/", "/health/ready");
        }
        finally
        {
            if (shared.IsExternal)
            {
                await shared.DropDatabaseAsync(database);
            }
        }
    }

    private static async Task AssertUnavailablePageAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what} answered {(int)response.StatusCode}: {body}");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter!.Delta);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{what}: a 503 page must not be cached");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal(UnavailableTitle, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Vuelva a intentarlo en unos segundos", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    private static async Task AssertAllAsync(HttpStatusCode expected, AppClient client, params string[] urls)
    {
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == expected, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Requests <paramref name="url"/> until it answers 200; anything but 200 or 503 fails at once.</summary>
    private static async Task UntilOkAsync(AppClient client, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(attempt < 50, $"{url} still answers 503 after {attempt} requests: the app did not recover.");
            await Task.Delay(100);
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!await condition())
        {
            await Task.Delay(50, patience.Token);
        }
    }

    private static async Task<long> WaitingOnLocksAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
