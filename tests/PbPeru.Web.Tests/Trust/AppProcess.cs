using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// The app as a real child process (<c>dotnet PbPeru.Web.dll</c>, configured as
/// <see cref="PbPeruFactory"/> configures it, through environment variables), on a free loopback
/// port: a test can kill it as an operating system would, mid-request.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly string _filesFolder;

    private AppProcess(Process process, StringBuilder output, Uri baseAddress, string filesFolder)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        _filesFolder = filesFolder;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the app on <paramref name="connectionString"/> (migrated already) and waits until <c>/health/live</c> answers.</summary>
    public static async Task<AppProcess> StartAsync(string connectionString)
    {
        var port = FreeLoopbackPort();
        var filesFolder = Path.Combine(Path.GetTempPath(), $"pbperu-process-{Guid.NewGuid():N}");
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PbPeru.Web.dll"));
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = PbPeruFactory.TestingEnvironment;
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        startInfo.Environment["Database__Provider"] = "Postgres";
        startInfo.Environment["ConnectionStrings__Postgres"] = connectionString;
        startInfo.Environment["Demo__Enabled"] = "false";
        startInfo.Environment["Documents__Path"] = Path.Combine(filesFolder, "documents");
        startInfo.Environment["Email__PickupFolder"] = Path.Combine(filesFolder, "mail");
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";

        var output = new StringBuilder();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, output, new Uri($"http://127.0.0.1:{port}"), filesFolder);
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} before answering:\n{app.Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health/live", patience.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!patience.IsCancellationRequested)
            {
            }

            await Task.Delay(200, patience.Token);
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Kills the process and its children at once (SIGKILL): no shutdown, no cleanup, sockets closed by the kernel.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (Directory.Exists(_filesFolder))
        {
            Directory.Delete(_filesFolder, recursive: true);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
