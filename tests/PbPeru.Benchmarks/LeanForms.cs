using System.Net;
using System.Text.RegularExpressions;

namespace PbPeru.Benchmarks;

/// <summary>
/// The little a load generator needs from a page: one form's action and fields, read with regular
/// expressions instead of a full HTML parser. A parser building a DOM for every answer would spend
/// the machine's two cores on the client's side of the figure; what is posted is the same — the
/// form's own action, its antiforgery token and hidden fields, and the boxes the agent ticks.
/// </summary>
internal static partial class LeanForms
{
    /// <summary>The first form whose opening tag contains <paramref name="marker"/> (a class or an attribute), or null.</summary>
    public static LeanForm? Find(string html, string marker)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            if (!form.Groups["open"].Value.Contains(marker, StringComparison.Ordinal))
            {
                continue;
            }

            var action = WebUtility.HtmlDecode(Attribute(form.Groups["open"].Value, "action") ?? "");
            var hidden = new List<KeyValuePair<string, string>>();
            var boxes = new List<string>();
            foreach (Match input in InputPattern().Matches(form.Groups["body"].Value))
            {
                var tag = input.Value;
                var name = Attribute(tag, "name");
                var value = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
                if (name is null)
                {
                    continue;
                }

                switch (Attribute(tag, "type"))
                {
                    case "hidden":
                        hidden.Add(KeyValuePair.Create(name, value));
                        break;
                    case "checkbox" when name == "Picked":
                        boxes.Add(value);
                        break;
                }
            }

            return new LeanForm(action, hidden, boxes);
        }

        return null;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"(?<v>[^\"]*)\"");
        return match.Success ? match.Groups["v"].Value : null;
    }

    [GeneratedRegex("<form(?<open>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*>", RegexOptions.Singleline)]
    private static partial Regex InputPattern();
}

/// <summary>A form as posted: its action, its hidden fields (the antiforgery token among them) and its ballot boxes' values.</summary>
internal sealed record LeanForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Hidden, IReadOnlyList<string> Boxes);
