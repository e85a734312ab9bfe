using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace PbPeru.Web.Infrastructure.PublicResults;

/// <summary>One bar: what it is, its size and the figure printed beside it ("S/ 1,234.00", "12").</summary>
public sealed record ChartBar(string Label, decimal Value, string ValueText);

/// <summary>
/// Plain server-rendered SVG charts: no script, no external resource, so the content security policy
/// and print both take them as they are. Each chart is an image with an accessible name
/// (<c>role="img"</c>, <c>aria-labelledby</c> on its own title and description); the page pairs it with
/// a real table of the same figures for screen readers and for whoever wants the numbers.
/// Coordinates are written with the invariant culture; texts are HTML-encoded.
/// </summary>
public static class SvgCharts
{
    private const int Width = 760;
    private const int LabelWidth = 300;
    private const int ValueWidth = 130;
    private const int BarHeight = 22;
    private const int Gap = 8;
    private const int LabelMaxChars = 36;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Horizontal bars, one row per item, in the order given: the label at the left, the bar, the
    /// figure at its end. <paramref name="id"/> prefixes the ids of the title and description.
    /// </summary>
    public static IHtmlContent HorizontalBars(string id, string title, string description, IReadOnlyList<ChartBar> bars)
    {
        var height = Math.Max(1, bars.Count) * (BarHeight + Gap) + Gap;
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var room = Width - LabelWidth - ValueWidth;
        var svg = Open(id, title, description, Width, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Gap + i * (BarHeight + Gap);
            var length = max <= 0 ? 0 : (double)(bar.Value / max) * room;
            var textY = y + BarHeight / 2 + 5;
            svg.Append(Inv($"<text class=\"chart-label\" x=\"{LabelWidth - 8}\" y=\"{textY}\" text-anchor=\"end\">"))
                .Append(Encode(Shorten(bar.Label))).Append("</text>");
            svg.Append(Inv($"<rect class=\"chart-bar\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{Math.Max(length, bar.Value > 0 ? 1 : 0):0.##}\" height=\"{BarHeight}\"></rect>"));
            svg.Append(Inv($"<text class=\"chart-value\" x=\"{LabelWidth + length + 6:0.##}\" y=\"{textY}\">")).Append(Encode(bar.ValueText)).Append("</text>");
        }

        return Close(svg);
    }

    /// <summary>
    /// Columns in the order given (e.g. votes per project by rank), thin enough for hundreds: no label
    /// under each column, only the axis's first and last names and the largest value.
    /// </summary>
    public static IHtmlContent Columns(string id, string title, string description, IReadOnlyList<ChartBar> columns, string firstAxisLabel, string lastAxisLabel)
    {
        const int height = 260;
        const int left = 60;
        const int bottom = 30;
        const int top = 12;
        var plotWidth = Width - left - 10;
        var plotHeight = height - top - bottom;
        var max = columns.Count == 0 ? 0 : columns.Max(c => c.Value);
        var step = columns.Count == 0 ? plotWidth : (double)plotWidth / columns.Count;
        var barWidth = Math.Max(step * 0.8, 0.5);
        var svg = Open(id, title, description, Width, height);
        svg.Append(Inv($"<line class=\"chart-axis\" x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{left + plotWidth}\" y2=\"{top + plotHeight}\"></line>"));
        svg.Append(Inv($"<line class=\"chart-axis\" x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotHeight}\"></line>"));
        var maxText = columns.Count == 0 ? "0" : columns.First(c => c.Value == max).ValueText;
        svg.Append(Inv($"<text class=\"chart-value\" x=\"{left - 6}\" y=\"{top + 10}\" text-anchor=\"end\">")).Append(Encode(maxText)).Append("</text>");
        svg.Append(Inv($"<text class=\"chart-value\" x=\"{left - 6}\" y=\"{top + plotHeight}\" text-anchor=\"end\">0</text>"));
        var path = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            var h = max <= 0 ? 0 : (double)(columns[i].Value / max) * plotHeight;
            var x = left + i * step + (step - barWidth) / 2;
            // One path for every column: hundreds of columns stay one element.
            path.Append(Inv($"M{x:0.##} {top + plotHeight}h{barWidth:0.##}v{-h:0.##}h{-barWidth:0.##}z"));
        }

        if (path.Length > 0)
        {
            svg.Append("<path class=\"chart-bar\" d=\"").Append(path).Append("\"></path>");
        }

        svg.Append(Inv($"<text class=\"chart-label\" x=\"{left}\" y=\"{height - 8}\">")).Append(Encode(firstAxisLabel)).Append("</text>");
        svg.Append(Inv($"<text class=\"chart-label\" x=\"{left + plotWidth}\" y=\"{height - 8}\" text-anchor=\"end\">")).Append(Encode(lastAxisLabel)).Append("</text>");
        return Close(svg);
    }

    /// <summary>"45.5 %" in the current culture.</summary>
    public static string Percent(decimal percent) => string.Format(CultureInfo.CurrentCulture, "{0:0.#} %", percent);

    private static StringBuilder Open(string id, string title, string description, int width, int height)
    {
        var svg = new StringBuilder(1024);
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">")).Append(Encode(title)).Append("</title>");
        svg.Append(Inv($"<desc id=\"{id}-desc\">")).Append(Encode(description)).Append("</desc>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Encode(string text) => Encoder.Encode(text);

    private static string Shorten(string label) => label.Length <= LabelMaxChars ? label : label[..(LabelMaxChars - 1)].TrimEnd() + "…";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
