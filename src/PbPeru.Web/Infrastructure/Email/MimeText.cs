using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace PbPeru.Web.Infrastructure.Email;

/// <summary>Writes a plain-text message in Internet Message Format (RFC 5322, with MIME and RFC 2047 words).</summary>
internal static class MimeText
{
    // RFC 5322 limits a line to 998 octets; RFC 2047 an encoded word to 75 characters. Chunks of
    // at most 39 UTF-8 bytes give words of 64 characters, so "Subject: " plus a word stays under 78.
    private const int MaxLineOctets = 998;
    private const int MaxEncodedWordBytes = 39;
    private const string Crlf = "\r\n";

    public static string Format(MailAddress from, MailAddress to, string subject, string textBody, DateTimeOffset date, string messageId)
    {
        var body = NormalizeLineEndings(textBody);
        var eightBit = body.Split(Crlf).All(line => Encoding.UTF8.GetByteCount(line) <= MaxLineOctets);

        var message = new StringBuilder()
            .Append("Message-ID: <").Append(messageId).Append('>').Append(Crlf)
            .Append("Date: ").Append(FormatDate(date)).Append(Crlf)
            .Append("From: ").Append(FormatAddress(from)).Append(Crlf)
            .Append("To: ").Append(FormatAddress(to)).Append(Crlf)
            .Append("Subject: ").Append(EncodeHeaderText(subject)).Append(Crlf)
            .Append("MIME-Version: 1.0").Append(Crlf)
            .Append("Content-Type: text/plain; charset=utf-8").Append(Crlf)
            .Append("Content-Transfer-Encoding: ").Append(eightBit ? "8bit" : "base64").Append(Crlf)
            .Append(Crlf);

        if (eightBit)
        {
            message.Append(body);
        }
        else
        {
            // A line too long for 8bit: base64 keeps the message valid, at the cost of readability.
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
            for (var i = 0; i < encoded.Length; i += 76)
            {
                message.Append(encoded.AsSpan(i, Math.Min(76, encoded.Length - i))).Append(Crlf);
            }
        }

        if (message[^1] != '\n')
        {
            message.Append(Crlf);
        }

        return message.ToString();
    }

    /// <summary>
    /// Printable ASCII as it is; anything else (accents, line breaks that could forge a header,
    /// text that looks like an encoded word) as RFC 2047 "B" words in UTF-8, folded one per line.
    /// </summary>
    public static string EncodeHeaderText(string text)
    {
        if (text.Length <= 900 && text.All(c => c is >= ' ' and <= '~') && !text.Contains("=?", StringComparison.Ordinal))
        {
            return text;
        }

        var words = new List<string>();
        var chunk = new StringBuilder();
        var chunkBytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (chunkBytes + rune.Utf8SequenceLength > MaxEncodedWordBytes)
            {
                words.Add(EncodedWord(chunk.ToString()));
                chunk.Clear();
                chunkBytes = 0;
            }

            chunk.Append(rune.ToString());
            chunkBytes += rune.Utf8SequenceLength;
        }

        if (chunk.Length > 0 || words.Count == 0)
        {
            words.Add(EncodedWord(chunk.ToString()));
        }

        // Readers join adjacent encoded words and drop the folding whitespace between them.
        return string.Join(Crlf + " ", words);
    }

    /// <summary>"Name" &lt;address&gt;, the name quoted or encoded; the bare address when there is no name.</summary>
    public static string FormatAddress(MailAddress address)
    {
        var name = string.Concat(address.DisplayName.Where(c => !char.IsControl(c))).Trim();
        if (name.Length == 0)
        {
            return address.Address;
        }

        var displayName = name.All(c => c is >= ' ' and <= '~') && !name.Contains("=?", StringComparison.Ordinal)
            ? "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : EncodeHeaderText(name);
        return $"{displayName} <{address.Address}>";
    }

    /// <summary>RFC 5322 date-time: "Sat, 28 Nov 2026 10:36:00 -0500".</summary>
    public static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + abs.Hours.ToString("00", CultureInfo.InvariantCulture) + abs.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    private static string EncodedWord(string text) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";

    private static string NormalizeLineEndings(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\n", Crlf, StringComparison.Ordinal);
}
