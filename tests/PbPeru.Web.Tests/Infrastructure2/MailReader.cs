using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PbPeru.Web.Tests.Infrastructure2;

/// <summary>
/// Reads a message the way a mail client would: headers unfolded, RFC 2047 words decoded (adjacent
/// words joined before decoding, so a character split across words survives), body decoded by its
/// Content-Transfer-Encoding.
/// </summary>
internal sealed partial class MailReader
{
    private MailReader(string rawHeaders, Dictionary<string, string> headers, string body)
    {
        RawHeaders = rawHeaders;
        Headers = headers;
        Body = body;
    }

    /// <summary>The header block as written, folding included.</summary>
    public string RawHeaders { get; }

    /// <summary>Unfolded values, still encoded, by lowercase name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    public string Subject => DecodeWords(Headers["subject"]);

    public static MailReader Parse(byte[] raw)
    {
        var separator = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(separator > 0, "No blank line between headers and body.");
        Assert.All(raw[..separator], b => Assert.True(b < 0x80, "A header holds a byte that is not ASCII."));

        var rawHeaders = Encoding.ASCII.GetString(raw, 0, separator);
        var unfolded = FoldedLine().Replace(rawHeaders, " ");
        var headers = unfolded.Split("\r\n")
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim());

        var bodyBytes = raw[(separator + 4)..];
        var body = headers.GetValueOrDefault("content-transfer-encoding", "7bit").ToLowerInvariant() switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Encoding.ASCII.GetString(bodyBytes).Replace("\r\n", "", StringComparison.Ordinal))),
            "quoted-printable" => Encoding.UTF8.GetString(DecodeQuotedPrintable(Encoding.ASCII.GetString(bodyBytes))),
            _ => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bodyBytes),
        };
        return new MailReader(rawHeaders, headers, body);
    }

    /// <summary>Decodes "=?utf-8?B?…?=" and "=?utf-8?Q?…?=" words; the space between two adjacent words is dropped.</summary>
    public static string DecodeWords(string value)
    {
        var text = new StringBuilder();
        var pending = new List<byte>();
        var position = 0;
        foreach (Match word in EncodedWord().Matches(value))
        {
            var between = value[position..word.Index];
            if (pending.Count == 0 || between.Trim().Length > 0)
            {
                text.Append(Encoding.UTF8.GetString([.. pending]));
                pending.Clear();
                text.Append(between);
            }

            Assert.Equal("utf-8", word.Groups["charset"].Value, ignoreCase: true);
            pending.AddRange(word.Groups["encoding"].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(word.Groups["text"].Value)
                : DecodeQuotedPrintable(word.Groups["text"].Value.Replace('_', ' ')));
            position = word.Index + word.Length;
        }

        text.Append(Encoding.UTF8.GetString([.. pending]));
        text.Append(value[position..]);
        return text.ToString();
    }

    private static byte[] DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '=')
            {
                bytes.Add((byte)text[i]);
            }
            else if (i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n')
            {
                i += 2; // soft line break
            }
            else
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex FoldedLine();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
