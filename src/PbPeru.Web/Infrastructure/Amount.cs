using System.Globalization;
using PbPeru.Domain.Common;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// Reads an amount in soles as people in Peru write it: "S/ 1,250,000.50", "1250000.5" or
/// "1250000". Commas group thousands, the point marks the céntimos, at most two decimals.
/// </summary>
public static class Amount
{
    public static readonly Money Max = Money.FromSoles(100_000_000_000m);

    public static bool TryParse(string? text, out Money money)
    {
        money = Money.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim();
        if (cleaned.StartsWith("S/", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = cleaned[2..];
        }

        cleaned = cleaned.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var soles)
            || soles * 100m != decimal.Truncate(soles * 100m)
            || Math.Abs(soles) > Max.Soles)
        {
            return false;
        }

        money = Money.FromSoles(soles);
        return true;
    }

    /// <summary>The text a form shows for an amount: "1250000.50" (no symbol, no grouping).</summary>
    public static string ForInput(Money money) => money.Soles.ToString("0.00", CultureInfo.InvariantCulture);
}
