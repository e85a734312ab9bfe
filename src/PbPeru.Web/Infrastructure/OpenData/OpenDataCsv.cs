using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using PbPeru.Domain.Common;

namespace PbPeru.Web.Infrastructure.OpenData;

/// <summary>
/// The writing rules every open-data file shares, the same as the approved list's export
/// (<see cref="Formalization.ApprovedListExport"/>): CSV in UTF-8 with a byte-order mark, comma-separated,
/// RFC 4180 quoting, CRLF line ends, amounts in soles with two decimals and a point; JSON in camelCase,
/// indented, accents kept as they are, amounts as decimal soles. Nothing depends on the reader's
/// language or the time of the request, so the same data always gives the same bytes (and checksum).
/// </summary>
internal static class OpenDataCsv
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Serialize<T>(T document) => JsonSerializer.SerializeToUtf8Bytes(document, Json);

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Invariant(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Soles with two decimals, a point and no thousands separator: 1234567.05.</summary>
    public static string Amount(Money money) => Soles(money).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Soles with exactly two decimals (scale 2), so JSON prints 1234.50.</summary>
    public static decimal Soles(Money money) => money.Centimos * 0.01m;

    private static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
