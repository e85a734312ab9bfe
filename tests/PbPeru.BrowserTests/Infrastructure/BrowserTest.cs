using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests.Infrastructure;

/// <summary>
/// Base class of browser tests: each test gets a new browser context and page (es-PE, America/Lima,
/// relative URLs resolve against the app), and its final state is saved as
/// <c>artifacts/screenshots/&lt;TestClass&gt;.&lt;TestMethod&gt;.png</c>, whether it passed or not.
/// </summary>
/// <example>
/// <code>
/// public sealed class HomeTests(BrowserAppFixture app, ITestOutputHelper output)
///     : BrowserTest(app, output), IClassFixture&lt;BrowserAppFixture&gt;
/// </code>
/// </example>
public abstract class BrowserTest(BrowserAppFixture app, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Regex LoginPage = new("/Account/Login", RegexOptions.IgnoreCase);

    private static readonly Lazy<string> ScreenshotFolder = new(() =>
        Path.Combine(FindRepositoryRoot(), "artifacts", "screenshots"));

    private readonly ConcurrentDictionary<IRequest, DateTimeOffset> _pending = new();
    private IBrowserContext? _context;
    private IPage? _page;

    protected BrowserAppFixture App => app;

    protected ITestOutputHelper Output => output;

    protected IBrowserContext Context => _context ?? throw new InvalidOperationException("No browser context before InitializeAsync.");

    protected IPage Page => _page ?? throw new InvalidOperationException("No page before InitializeAsync.");

    /// <summary><c>TestClass.TestMethod</c> (plus the arguments of a theory), as used in screenshot names.</summary>
    protected string TestName { get; } = CurrentTestName(output);

    public virtual async Task InitializeAsync()
    {
        _context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "es-PE",
            TimezoneId = "America/Lima",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        _context.SetDefaultTimeout(10_000);
        _context.Request += (_, request) =>
        {
            // Chromium reports the icon's request but never its end: not something a page waits for.
            if (!request.Url.Contains("/favicon.", StringComparison.Ordinal))
            {
                _pending[request] = DateTimeOffset.UtcNow;
            }
        };
        _context.RequestFinished += (_, request) => _pending.TryRemove(request, out DateTimeOffset _);
        _context.RequestFailed += (_, request) => _pending.TryRemove(request, out DateTimeOffset _);
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Log($"[browser console] {message.Text}");
            }
        };
        _page.PageError += (_, error) => Log($"[page error] {error}");
    }

    public virtual async Task DisposeAsync()
    {
        if (_context is null)
        {
            return;
        }

        if (_pending.Values.Any(started => DateTimeOffset.UtcNow - started > TimeSpan.FromSeconds(5)))
        {
            Log(DescribeWait());
        }

        try
        {
            if (_page is { IsClosed: false })
            {
                await SaveScreenshotAsync($"{TestName}.png");
            }
        }
        catch (PlaywrightException ex)
        {
            Log($"Final screenshot failed: {ex.Message}");
        }
        finally
        {
            await _context.CloseAsync();
        }
    }

    /// <summary>Saves the page now as <c>&lt;TestClass&gt;.&lt;TestMethod&gt;.&lt;name&gt;.png</c>; returns the path.</summary>
    protected Task<string> ScreenshotAsync(string name) => SaveScreenshotAsync($"{TestName}.{Sanitize(name)}.png");

    /// <summary>Signs in through the login form and waits until the browser has left it.</summary>
    protected async Task LoginAsync(string email, string? password = null)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.Locator("[name='Input.Email']").FillAsync(email);
        await Page.Locator("[name='Input.Password']").FillAsync(password ?? BrowserAppFixture.DemoPassword);
        await Page.Locator("form:has([name='Input.Email']) [type=submit]").First.ClickAsync();
        try
        {
            // Password hashing is deliberately slow; on a loaded machine the answer can take a while.
            // Asked of the page again and again: Playwright's WaitForURLAsync and WaitForLoadStateAsync
            // check the page's state, then subscribe to its events, and a load event that arrives in
            // between is lost, so they can wait out their timeout on a page long loaded (playwright-dotnet#3364).
            await Assertions.Expect(Page).Not.ToHaveURLAsync(LoginPage, new PageAssertionsToHaveURLOptions { Timeout = 60_000 });
        }
        catch (PlaywrightException)
        {
            var errors = await Page.Locator(".validation-summary-errors, .field-validation-error, [role=alert]").AllInnerTextsAsync();
            throw new InvalidOperationException(
                $"Login as {email} did not leave the login page in 60 s (now at {Page.Url}); the page says: {string.Join(" | ", errors)}{Environment.NewLine}{DescribeWait()}");
        }
    }

    /// <summary>What the browser still waits for and what the app is doing, for a failure that waited in vain.</summary>
    protected string DescribeWait()
    {
        var now = DateTimeOffset.UtcNow;
        var browser = _pending.OrderBy(p => p.Value)
            .Select(p => $"  {p.Key.Method} {p.Key.Url} ({p.Key.ResourceType}) for {(now - p.Value).TotalMilliseconds:F0} ms");
        return $"Browser requests without an answer:{Environment.NewLine}{string.Join(Environment.NewLine, browser)}{Environment.NewLine}{app.Factory.Trace.Describe()}";
    }

    private async Task<string> SaveScreenshotAsync(string fileName)
    {
        Directory.CreateDirectory(ScreenshotFolder.Value);
        var path = Path.Combine(ScreenshotFolder.Value, fileName);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has already finished: nowhere to write.
        }
    }

    /// <summary>xunit 2 does not hand the test to its class; its output helper knows it.</summary>
    private static string CurrentTestName(ITestOutputHelper output)
    {
        var test = output.GetType().GetField("test", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(output) as ITest;
        if (test is null)
        {
            return $"UnknownTest.{Guid.NewGuid():N}";
        }

        var method = test.TestCase.TestMethod;
        var className = method.TestClass.Class.Name;
        var name = $"{className[(className.LastIndexOf('.') + 1)..]}.{method.Method.Name}";
        var arguments = test.TestCase.TestMethodArguments;
        return arguments is { Length: > 0 }
            ? Sanitize($"{name}({string.Join(",", arguments.Select(a => a?.ToString() ?? "null"))})")
            : name;
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c).ToArray());
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PbPeru.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"PbPeru.sln not found above {AppContext.BaseDirectory}.");
    }
}
