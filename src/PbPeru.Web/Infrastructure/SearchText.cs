using System.Globalization;
using System.Text;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// Folds text for a forgiving search: "apurimac" finds "Apurímac", "NUNOA" finds "Ñuñoa". Done in
/// memory because SQLite and PostgreSQL share no accent-insensitive comparison.
/// </summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    /// <summary>Whether a person's name, either way round, contains <paramref name="foldedSearch"/> (already <see cref="Fold"/>ed).</summary>
    public static bool NameMatches(string givenNames, string surnames, string foldedSearch) =>
        Fold($"{givenNames} {surnames}").Contains(foldedSearch, StringComparison.Ordinal)
        || Fold($"{surnames} {givenNames}").Contains(foldedSearch, StringComparison.Ordinal);
}
