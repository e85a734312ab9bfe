using System.Globalization;
using System.Text;

namespace PbPeru.Domain.Coordination;

/// <summary>
/// Whether two project titles name the same work. Titles are folded (lower case, accents
/// removed), split into words at anything that is not a letter or digit, and words of two letters
/// or fewer and common Spanish connectives are dropped; the titles are similar when the Jaccard
/// index of the two word sets (shared words over all words) is at least one half. Pure.
/// </summary>
public static class TitleSimilarity
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "del", "las", "los", "una", "uno", "unos", "unas", "con", "por", "para", "sin", "sobre", "entre",
        "desde", "hasta", "hacia", "que", "sus", "the", "and", "for",
    };

    /// <summary>Lower case with accents and ñ folded (ñ → n), so that «Ñaña» and «nana» compare equal.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether two names (of themes, say) are the same once folded.</summary>
    public static bool SameName(string a, string b) => string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    /// <summary>The significant words of a title.</summary>
    public static IReadOnlySet<string> Words(string title)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        foreach (var c in Fold(title) + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            if (current.Length > 2 && !StopWords.Contains(current.ToString()))
            {
                words.Add(current.ToString());
            }

            current.Clear();
        }

        return words;
    }

    /// <summary>Shared words over all words; 0 when neither title has a significant word.</summary>
    public static decimal Jaccard(string a, string b)
    {
        var (shared, all) = Counts(a, b);
        return all == 0 ? 0m : (decimal)shared / all;
    }

    /// <summary>Jaccard ≥ 1/2, in exact integers.</summary>
    public static bool AreSimilar(string a, string b)
    {
        var (shared, all) = Counts(a, b);
        return all > 0 && 2 * shared >= all;
    }

    private static (int Shared, int All) Counts(string a, string b)
    {
        var left = Words(a);
        var right = Words(b);
        var shared = left.Count(right.Contains);
        return (shared, left.Count + right.Count - shared);
    }
}
