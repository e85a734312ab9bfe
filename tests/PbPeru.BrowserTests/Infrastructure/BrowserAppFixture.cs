using Microsoft.Playwright;
using PbPeru.Web.Tests.Infrastructure;

[assembly: TestFramework(PbPeruTestFramework.TypeName, PbPeruTestFramework.AssemblyName)]

namespace PbPeru.BrowserTests.Infrastructure;

/// <summary>
/// Class fixture for browser tests: the app with the demo seeded, served by Kestrel on a free
/// 127.0.0.1 port over plain HTTP against its own new PostgreSQL database, and a headless Debian
/// Chromium driven by Playwright. Demo accounts (<see cref="DemoAccounts"/>) sign in with
/// <see cref="DemoPassword"/>.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private PbPeruFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _baseAddress;

    /// <summary>The running app (its <c>Services</c>, <c>CreateUserAsync</c>, <c>CreateAppClient</c>).</summary>
    public PbPeruFactory Factory => _factory ?? throw NotStarted();

    /// <summary>The app's address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw NotStarted();

    public IBrowser Browser => _browser ?? throw NotStarted();

    public static string DemoPassword => PbPeruFactory.DemoPassword;

    public async Task InitializeAsync()
    {
        _factory = await PbPeruFactory.CreateAsync(demoEnabled: true, traceRequests: true);
        _baseAddress = await Task.Run(_factory.StartKestrel);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("BrowserAppFixture is not started (use it as an IClassFixture).");
}
