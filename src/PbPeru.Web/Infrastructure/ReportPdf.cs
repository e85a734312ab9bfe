using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// Draws a published technical report as a landscape A4 PDF with PDFsharp: a heading, the ceiling
/// and the selected total, then the ranked table (rank, title, score, mean per criterion, requested
/// amount, selected or why left out), repeating the table's header on every page.
/// </summary>
public static class ReportPdf
{
    private const double Margin = 36;
    private const double Padding = 3;
    private const double FontSize = 8;

    public static byte[] Render(PublishedReport published, IStringLocalizer t)
    {
        ReportFonts.EnsureRegistered();
        var culture = CultureInfo.CurrentCulture;
        var report = published.Report;
        var cycle = published.Cycle;

        using var document = new PdfDocument();
        document.Info.Title = $"{t["Informe técnico de evaluación"]} — {cycle.Name}";
        document.Info.Author = "PbPeru";

        var regular = new XFont(ReportFonts.Family, FontSize, XFontStyleEx.Regular);
        var bold = new XFont(ReportFonts.Family, FontSize, XFontStyleEx.Bold);
        var titleFont = new XFont(ReportFonts.Family, 15, XFontStyleEx.Bold);
        var subtitleFont = new XFont(ReportFonts.Family, 10, XFontStyleEx.Regular);

        var criteria = report.Criteria;
        var columns = new List<(string Header, double Width, bool Right)>
        {
            (t["Puesto"], 34, true),
            (t["Propuesta"], 0, false),
            (t["Puntaje"], 44, true),
        };
        columns.AddRange(criteria.Select(c => ($"{c.Name} ({c.WeightPercent} %)", 46.0, true)));
        columns.Add((t["Monto solicitado"], 80, true));
        columns.Add((t["Resultado"], 0, false));

        var page = NewPage(document);
        var pageWidth = page.Width.Point;
        var usable = pageWidth - (2 * Margin);
        var flexible = usable - columns.Sum(c => c.Width);
        columns[1] = columns[1] with { Width = Math.Max(80, flexible * 0.55) };
        columns[^1] = columns[^1] with { Width = Math.Max(80, flexible * 0.45) };

        var gfx = XGraphics.FromPdfPage(page);
        var y = Margin;
        gfx.DrawString(t["Informe técnico de evaluación"], titleFont, XBrushes.Black, new XRect(Margin, y, usable, 20), XStringFormats.TopLeft);
        y += 22;
        foreach (var line in new[]
                 {
                     cycle.Name,
                     $"{published.JurisdictionName} · {t["Año fiscal"]} {cycle.FiscalYear} · {t["Publicado el {0}", LimaTime.Format(report.PublishedAt!.Value)]}",
                     $"{t["Techo presupuestal"]}: {report.Ceiling.ToString(culture)} · {t["Total seleccionado"]}: {report.SelectedTotal.ToString(culture)} · {t["Saldo"]}: {(report.Ceiling - report.SelectedTotal).ToString(culture)}",
                 })
        {
            gfx.DrawString(line, subtitleFont, XBrushes.Black, new XRect(Margin, y, usable, 14), XStringFormats.TopLeft);
            y += 14;
        }

        y += 8;
        var bottom = page.Height.Point - Margin;
        y = DrawRow(gfx, y, columns, columns.Select(c => c.Header).ToList(), bold, XBrushes.LightGray);
        foreach (var entry in report.Entries)
        {
            var cells = new List<string>
            {
                entry.Rank?.ToString(culture) ?? "—",
                entry.Title,
                EvaluationLabels.Score(entry.Score),
            };
            cells.AddRange(criteria.Select(c => EvaluationLabels.Mean(PublishedReport.MeanOf(entry, c.CriterionId))));
            cells.Add(entry.RequestedAmount.ToString(culture));
            cells.Add(entry.Selected ? t["Seleccionada"] : entry.LeftOutReason ?? "");

            var height = RowHeight(gfx, columns, cells, regular);
            if (y + height > bottom)
            {
                gfx.Dispose();
                page = NewPage(document);
                gfx = XGraphics.FromPdfPage(page);
                y = DrawRow(gfx, Margin, columns, columns.Select(c => c.Header).ToList(), bold, XBrushes.LightGray);
            }

            y = DrawRow(gfx, y, columns, cells, regular, entry.Selected ? new XSolidBrush(XColor.FromArgb(220, 240, 224)) : null);
        }

        gfx.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        return page;
    }

    private static double RowHeight(XGraphics gfx, IReadOnlyList<(string Header, double Width, bool Right)> columns, IReadOnlyList<string> cells, XFont font)
    {
        var lines = columns.Select((c, i) => Wrap(gfx, cells[i], font, c.Width - (2 * Padding)).Count).Max();
        return (lines * font.GetHeight()) + (2 * Padding);
    }

    private static double DrawRow(XGraphics gfx, double y, IReadOnlyList<(string Header, double Width, bool Right)> columns, IReadOnlyList<string> cells, XFont font, XBrush? background)
    {
        var height = RowHeight(gfx, columns, cells, font);
        var x = Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            var width = columns[i].Width;
            var box = new XRect(x, y, width, height);
            if (background is not null)
            {
                gfx.DrawRectangle(background, box);
            }

            gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), box);
            var lineY = y + Padding;
            foreach (var line in Wrap(gfx, cells[i], font, width - (2 * Padding)))
            {
                var format = columns[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft;
                gfx.DrawString(line, font, XBrushes.Black, new XRect(x + Padding, lineY, width - (2 * Padding), font.GetHeight()), format);
                lineY += font.GetHeight();
            }

            x += width;
        }

        return y + height;
    }

    /// <summary>Breaks text into lines that fit the width, at spaces (a word longer than the width is cut).</summary>
    internal static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (gfx.MeasureString(candidate, font).Width <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (current.Length > 1 && gfx.MeasureString(current, font).Width > width)
            {
                var cut = current.Length - 1;
                while (cut > 1 && gfx.MeasureString(current[..cut], font).Width > width)
                {
                    cut--;
                }

                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}

/// <summary>
/// The report's typeface, DejaVu Sans (regular and bold), shipped inside the app
/// (Resources/Fonts, see its LICENSE.txt) so that the PDF looks the same on any machine.
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly object Gate = new();

    /// <summary>PDFsharp takes one resolver for the whole process: install ours once.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not ReportFonts)
            {
                GlobalFontSettings.FontResolver = new ReportFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, false, italic);

    public byte[]? GetFont(string faceName)
    {
        var name = $"PbPeru.Web.Fonts.{(faceName == BoldFace ? BoldFace : RegularFace)}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the app.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
