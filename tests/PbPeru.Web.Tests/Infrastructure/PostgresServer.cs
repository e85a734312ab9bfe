using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PbPeru.Web.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL 15 server per test process, started on first use and shared by every
/// test class; each class gets its own empty database from <see cref="CreateDatabaseAsync"/>. A test
/// that stops or restarts PostgreSQL starts a server of its own (<see cref="StartOwnAsync"/>).
/// </summary>
/// <remarks>
/// <para>If <c>PBPERU_TEST_POSTGRES</c> holds a connection string, that server is used instead and
/// nothing is started (the databases created on it are dropped by <see cref="PbPeruFactory"/>).</para>
/// <para>The server is stopped and its folder deleted when the test assembly finishes
/// (<see cref="PbPeruTestFramework"/>) or, failing that, when the process exits; a detached
/// watchdog does the same if the process is killed first (the test runner kills its test host).</para>
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ExternalServerVariable = "PBPERU_TEST_POSTGRES";

    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string OsUser = "postgres";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databaseCounter;

    private readonly string? _folder;
    private readonly bool _asRoot;
    private int _stopped;
    private bool _owned;
    private string _options = "";

    private PostgresServer(string adminConnectionString, string? folder, bool asRoot)
    {
        AdminConnectionString = adminConnectionString;
        _folder = folder;
        _asRoot = asRoot;
    }

    /// <summary>Connection string to the <c>postgres</c> maintenance database, as a superuser.</summary>
    public string AdminConnectionString { get; private set; }

    /// <summary>True when the server comes from <c>PBPERU_TEST_POSTGRES</c> (not started by the tests).</summary>
    public bool IsExternal => _folder is null;

    /// <summary>How long the throwaway server took to start (zero for an external server).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The server shared by the whole test run, started on first call.</summary>
    public static Task<PostgresServer> GetSharedAsync() => Shared.Value;

    /// <summary>Creates a new empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"pbperu_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}"[..50];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its pooled connections first.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Starts a throwaway server for one test alone (always local, even with <c>PBPERU_TEST_POSTGRES</c>):
    /// for tests that stop, restart or otherwise hurt the server, which must never touch the shared one.
    /// Dispose it to stop it and delete its folder.
    /// </summary>
    public static async Task<PostgresServer> StartOwnAsync()
    {
        var server = await StartLocalAsync();
        server._owned = true;
        return server;
    }

    /// <summary>Stops this server as an administrator would (<c>pg_ctl stop -m fast</c>): open connections are closed.</summary>
    public Task StopServerAsync() => RunPostgresToolAsync("pg_ctl", "stop", "-m", "fast", "-w", "-D", DataDirectory);

    /// <summary>Starts again a server stopped by <see cref="StopServerAsync"/>, on the same port.</summary>
    public Task StartServerAsync() =>
        RunPostgresToolAsync("pg_ctl", "start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", _options);

    /// <summary><c>pg_ctl restart -m fast</c>: every connection is closed and the server starts again on the same port.</summary>
    public Task RestartAsync() => RunPostgresToolAsync("pg_ctl", "restart", "-m", "fast", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", _options);

    /// <summary>Stops a server of <see cref="StartOwnAsync"/>; the shared server is left to the end of the run.</summary>
    public ValueTask DisposeAsync()
    {
        if (_owned)
        {
            Stop();
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, folder: null, asRoot: false);
        }

        var server = await StartLocalAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private static async Task<PostgresServer> StartLocalAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var asRoot = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), $"pbperu-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(folder);
        if (asRoot)
        {
            await RunAsync("chown", [$"{OsUser}:{OsUser}", folder], asRoot: false);
        }

        var server = new PostgresServer("", folder, asRoot);
        try
        {
            await server.RunPostgresToolAsync("initdb", "-D", server.DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            StartWatchdog(server);

            // A free port can be taken between our check and the server's bind: retry a few times.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreeLoopbackPort();
                var options = string.Join(' ',
                    "-c listen_addresses=127.0.0.1",
                    $"-c port={port}",
                    $"-c unix_socket_directories={folder}",
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                    "-c max_connections=300");
                try
                {
                    await server.RunPostgresToolAsync("pg_ctl", "start", "-w", "-t", "60", "-D", server.DataDirectory, "-l", server.LogFile, "-o", options);
                    server.AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
                    server._options = options;
                    break;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }

            server.StartupTime = stopwatch.Elapsed;
            return server;
        }
        catch (Exception ex)
        {
            var log = File.Exists(server.LogFile) ? File.ReadAllText(server.LogFile) : "(no server log)";
            server.Stop();
            throw new InvalidOperationException($"Could not start the test PostgreSQL server: {ex.Message}\nServer log:\n{log}", ex);
        }
    }

    private string DataDirectory => Path.Combine(_folder!, "data");

    private string LogFile => Path.Combine(_folder!, "server.log");

    /// <summary>
    /// Stops the shared server (if one was started) and deletes its folder. Called when the test
    /// assembly finishes (<see cref="PbPeruTestFramework"/>); later use is an error.
    /// </summary>
    public static async Task StopSharedAsync()
    {
        if (!Shared.IsValueCreated)
        {
            return;
        }

        try
        {
            (await Shared.Value).Stop();
        }
        catch (InvalidOperationException)
        {
            // The server never started: StartSharedAsync cleaned up already.
        }
    }

    private void Stop()
    {
        if (_folder is null || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (Directory.Exists(DataDirectory) && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                RunPostgresToolAsync("pg_ctl", "stop", "-m", "immediate", "-w", "-D", DataDirectory).GetAwaiter().GetResult();
            }
        }
        catch (InvalidOperationException)
        {
            // Already stopped: nothing to do but delete the folder.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task RunPostgresToolAsync(string tool, params string[] arguments) =>
        _asRoot
            ? RunAsync("runuser", ["-u", OsUser, "--", Path.Combine(BinDirectory, tool), .. arguments], asRoot: true)
            : RunAsync(Path.Combine(BinDirectory, tool), arguments, asRoot: false);

    private static async Task RunAsync(string fileName, IEnumerable<string> arguments, bool asRoot)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            // The postgres user cannot read the repository: run from /tmp.
            WorkingDirectory = asRoot ? "/tmp" : Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', startInfo.ArgumentList)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    /// <summary>
    /// A detached shell that outlives a killed test process: when this process is gone it stops the
    /// server and deletes the folder. After a normal exit it finds nothing left to do.
    /// </summary>
    private static void StartWatchdog(PostgresServer server)
    {
        var pgCtl = Path.Combine(BinDirectory, "pg_ctl");
        var stop = server._asRoot
            ? $"runuser -u {OsUser} -- {pgCtl} stop -m immediate -D {server.DataDirectory}"
            : $"{pgCtl} stop -m immediate -D {server.DataDirectory}";
        var script = $"cd /tmp; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; "
            + $"if [ -f {server.DataDirectory}/postmaster.pid ]; then {stop}; fi; rm -rf {server._folder}";
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = "/tmp" };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add($"setsid /bin/sh -c '{script}' </dev/null >/dev/null 2>&1 &");
        using var process = Process.Start(startInfo);
        process?.WaitForExit();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
