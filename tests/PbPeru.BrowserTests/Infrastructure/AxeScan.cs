using System.Text.Json;
using Microsoft.Playwright;

namespace PbPeru.BrowserTests.Infrastructure;

/// <summary>One accessibility rule broken on a page, as axe-core reports it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Impact} {Id}: {Help} — {string.Join(", ", Targets.Take(5))}";
}

/// <summary>
/// Runs axe-core (vendored in Accessibility/axe.min.js, 4.14.1) on the page as it is now. The script
/// is evaluated through the browser's debugging protocol, not added as a script element, so the
/// app's content security policy neither blocks it nor needs loosening for the tests.
/// </summary>
public static class AxeScan
{
    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe.min.js")));

    /// <summary>The violations of impact serious or critical (the bar the issues set) on <paramref name="page"/>.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> SeriousAsync(IPage page)
    {
        await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return result.violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
            }
            """);
        return json.EnumerateArray()
            .Select(v => new AxeViolation(
                v.GetProperty("id").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("help").GetString()!,
                v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList()))
            .Where(v => v.Impact is "serious" or "critical")
            .ToList();
    }
}
