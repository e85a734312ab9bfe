using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests.Trust;

/// <summary>
/// Every page type of the app, as each role reaches it by following links from the home page and
/// its own menu, passes the axe-core scan with no serious or critical violation. A page type is a
/// path with its numbers taken out (<c>/Cycles/Voting/{n}</c>), scanned once, by the first role that
/// reaches it.
/// </summary>
[Trait("Capability", "Trust")]
public sealed partial class AccessibilityTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    /// <summary>Enough for every page type of every role's reach; a crawl that hits it says so.</summary>
    private const int PagesPerRole = 160;

    /// <summary>Who crawls, in order: the visitor first, so public pages are scanned as the public sees them.</summary>
    private static readonly string?[] Crawlers =
    [
        null,
        DemoAccounts.Agent,
        DemoAccounts.OrganizationRepresentative,
        DemoAccounts.OversightCommittee,
        DemoAccounts.TechnicalTeam,
        DemoAccounts.CycleManager,
        DemoAccounts.Administrator,
    ];

    [Fact]
    public async Task EveryPageType_ReachedByEveryRole_HasNoSeriousOrCriticalViolation()
    {
        var scanned = new Dictionary<string, string>(StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (var crawler in Crawlers)
        {
            await Context.ClearCookiesAsync();
            if (crawler is not null)
            {
                await LoginAsync(crawler);
            }

            var count = await CrawlAsync(crawler ?? "visitante", scanned, violations);
            Output.WriteLine($"{crawler ?? "visitante"}: {count} pages visited, {scanned.Count} page types scanned so far");
        }

        Output.WriteLine(string.Join("\n", scanned.Select(s => $"{s.Key} ← {s.Value}")));

        // The crawl really went everywhere: public, agent, staff and administration page types.
        Assert.True(scanned.Count >= 60, $"Only {scanned.Count} page types were reached.");
        foreach (var expected in new[] { "/Public/Results/{n}", "/Voting/Ballot/{n}", "/Cycles/Voting/{n}", "/Evaluation", "/Admin/Users", "/Registration" })
        {
            Assert.Contains(scanned.Keys, k => k.StartsWith(expected, StringComparison.Ordinal));
        }

        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical violations:\n{string.Join("\n", violations)}");
    }

    private async Task<int> CrawlAsync(string who, Dictionary<string, string> scanned, List<string> violations)
    {
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var typesSeenByThisCrawler = new HashSet<string>(StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0 && visited < PagesPerRole)
        {
            var path = queue.Dequeue();
            var type = PageType(path);

            // One visit per page type per crawler: the links of a second proposal add nothing new.
            if (!typesSeenByThisCrawler.Add(type))
            {
                continue;
            }

            IResponse? response;
            try
            {
                response = await Page.GotoAsync(path);
            }
            catch (PlaywrightException ex) when (ex.Message.Contains("Download is starting", StringComparison.Ordinal))
            {
                // A file served as an attachment (a PDF, a spreadsheet): not a page.
                continue;
            }

            visited++;
            if (response is null || !(response.Headers.TryGetValue("content-type", out var contentType) && contentType.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            if (!scanned.ContainsKey(type))
            {
                scanned[type] = who;
                foreach (var violation in await AxeScan.SeriousAsync(Page))
                {
                    violations.Add($"{path} ({who}): {violation}");
                }
            }

            foreach (var link in await LinksAsync())
            {
                if (seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        Assert.True(visited < PagesPerRole, $"The crawl as {who} stopped at {PagesPerRole} pages: raise the limit.");
        return visited;
    }

    /// <summary>Same-site page links of the current page, without their fragment; downloads and sign-out left out.</summary>
    private async Task<IReadOnlyList<string>> LinksAsync()
    {
        var origin = App.BaseAddress.GetLeftPart(UriPartial.Authority);
        var hrefs = await Page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        var links = new List<string>();
        foreach (var href in hrefs)
        {
            if (!href.StartsWith(origin, StringComparison.Ordinal))
            {
                continue;
            }

            var path = href[origin.Length..];
            var hash = path.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                path = path[..hash];
            }

            if (path.Length == 0 || IsNotAPage().IsMatch(path))
            {
                continue;
            }

            links.Add(path);
        }

        return links;
    }

    /// <summary>The path with every number, identifier and query replaced, so pages of the same kind share one type.</summary>
    private static string PageType(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var bare = query >= 0 ? path[..query] : path;
        return Number().Replace(bare, "/{n}").TrimEnd('/') is { Length: > 0 } type ? type : "/";
    }

    [GeneratedRegex(@"/([0-9]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?=/|$)")]
    private static partial Regex Number();

    /// <summary>Files, sign-out, the language switch and page-number variants are not page types to crawl.</summary>
    [GeneratedRegex(@"(?i)(\.(pdf|csv|json|pb|xlsx|docx|png|jpe?g|svg|zip)$)|/Account/Logout|/Culture|[?&](page|p|culture|returnUrl)=|handler=(download|pdf|csv|json|export)|/(OpenDataFile|Documents|Download|Export|Pdf|Photo|Attachment|Receipt)s?(/|$|\?)")]
    private static partial Regex IsNotAPage();
}
