using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PbPeru.Web.Tests.Localization;

/// <summary>
/// UI text is keyed by its Spanish; the English lives in Resources/SharedResource.en.resx. Every
/// key the app asks for must have its English, and the file must hold no text nobody asks for.
/// </summary>
[Trait("Capability", "Foundation")]
public sealed partial class EnglishResourceTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "PbPeru.Web");

    [GeneratedRegex(@"(?:\bT|\bt|Localizer)\[""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizedKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    private static HashSet<string> KeysInSource() =>
        Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .ToHashSet();

    private static Dictionary<string, string> EnglishEntries() =>
        XDocument.Load(Path.Combine(WebProject, "Resources", "SharedResource.en.resx")).Root!
            .Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void EveryLocalizedText_HasAnEnglishTranslation()
    {
        var english = EnglishEntries();

        var missing = KeysInSource().Where(k => !english.ContainsKey(k)).Order().ToList();

        Assert.True(missing.Count == 0, "Missing English for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EnglishResource_HoldsNoUnusedEntries()
    {
        var used = KeysInSource();

        var unused = EnglishEntries().Keys.Where(k => !used.Contains(k)).Order().ToList();

        Assert.True(unused.Count == 0, "English entries nobody asks for:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void EnglishTranslations_KeepTheirPlaceholdersAndAreNotEmpty()
    {
        var broken = EnglishEntries()
            .Where(e => e.Value.Trim().Length == 0
                        || !Placeholder().Matches(e.Key).Select(m => m.Value).Order().SequenceEqual(Placeholder().Matches(e.Value).Select(m => m.Value).Order()))
            .Select(e => e.Key)
            .ToList();

        Assert.True(broken.Count == 0, "Translations whose placeholders differ or are empty:\n" + string.Join("\n", broken));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PbPeru.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PbPeru.sln not found above the test's folder.");
    }
}
