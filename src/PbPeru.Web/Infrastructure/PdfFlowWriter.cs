using Microsoft.Extensions.Localization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// Writes a portrait A4 document top to bottom with the app's DejaVu fonts (<see cref="ReportFonts"/>),
/// starting a new page when the next block does not fit: headings, wrapped paragraphs, key–value
/// lines and tables whose header repeats on every page. The acta and the oversight committee's
/// report draw their own content on it; <see cref="Complete"/> stamps every page's footer and
/// returns the bytes.
/// </summary>
internal abstract class PdfFlowWriter
{
    protected const double Margin = 42;
    private const double Padding = 3;

    private readonly PdfDocument _document;
    private readonly double _footerHeight;

    protected PdfFlowWriter(PdfDocument document, double footerHeight, double titleSize)
    {
        // The fonts resolve through the app's resolver, so it is registered before the first XFont.
        ReportFonts.EnsureRegistered();
        _document = document;
        _footerHeight = footerHeight;
        Regular = new XFont(ReportFonts.Family, 9, XFontStyleEx.Regular);
        Small = new XFont(ReportFonts.Family, 8, XFontStyleEx.Regular);
        SmallBold = new XFont(ReportFonts.Family, 8, XFontStyleEx.Bold);
        Bold = new XFont(ReportFonts.Family, 9, XFontStyleEx.Bold);
        HeadingFont = new XFont(ReportFonts.Family, 11, XFontStyleEx.Bold);
        Title = new XFont(ReportFonts.Family, titleSize, XFontStyleEx.Bold);
    }

    protected XFont Regular { get; }

    protected XFont Small { get; }

    protected XFont SmallBold { get; }

    protected XFont Bold { get; }

    protected XFont HeadingFont { get; }

    protected XFont Title { get; }

    protected XGraphics Gfx { get; private set; } = null!;

    /// <summary>Where the next block starts, in points from the top of the page.</summary>
    protected double Y { get; set; }

    protected double Width => _page.Width.Point - (2 * Margin);

    private double Bottom => _page.Height.Point - Margin - _footerHeight;

    private PdfPage _page = null!;

    /// <summary>
    /// Ends the drawing, prints on every page a rule, <paramref name="footer"/> at the left and
    /// "page n / N" at the right (and <paramref name="secondLine"/> below, when given), and saves.
    /// </summary>
    public byte[] Complete(IStringLocalizer t, string footer, string? secondLine = null)
    {
        Gfx.Dispose();
        var footerFont = new XFont(ReportFonts.Family, 6.5, XFontStyleEx.Regular);
        var pages = _document.PageCount;
        for (var i = 0; i < pages; i++)
        {
            var page = _document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point - (2 * Margin);
            var y = page.Height.Point - Margin - _footerHeight + 8;
            gfx.DrawLine(new XPen(XColors.Gray, 0.5), Margin, y - 3, Margin + width, y - 3);
            gfx.DrawString(footer, footerFont, XBrushes.Black, new XRect(Margin, y, width, 9), XStringFormats.TopLeft);
            gfx.DrawString(t["Página {0} / {1}", i + 1, pages], footerFont, XBrushes.Black, new XRect(Margin, y, width, 9), XStringFormats.TopRight);
            if (secondLine is not null)
            {
                gfx.DrawString(secondLine, footerFont, XBrushes.Black, new XRect(Margin, y + 9, width, 9), XStringFormats.TopLeft);
            }
        }

        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    protected void NewPage()
    {
        Gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _page.Orientation = PageOrientation.Portrait;
        Gfx = XGraphics.FromPdfPage(_page);
        Y = Margin;
    }

    protected void EnsureRoom(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage();
        }
    }

    protected void Heading(string text)
    {
        EnsureRoom(40);
        Y += 10;
        Gfx.DrawString(text, HeadingFont, XBrushes.Black, new XRect(Margin, Y, Width, HeadingFont.GetHeight()), XStringFormats.TopLeft);
        Y += HeadingFont.GetHeight() + 4;
    }

    protected void Paragraph(string text, XFont font, XStringFormat format)
    {
        foreach (var line in ReportPdf.Wrap(Gfx, text, font, Width))
        {
            EnsureRoom(font.GetHeight());
            Gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, Y, Width, font.GetHeight()), format);
            Y += font.GetHeight();
        }

        Y += 2;
    }

    protected void KeyValue(string key, string value)
    {
        const double keyWidth = 130;
        var lines = ReportPdf.Wrap(Gfx, value, Regular, Width - keyWidth);
        EnsureRoom(lines.Count * Regular.GetHeight());
        Gfx.DrawString(key, Bold, XBrushes.Black, new XRect(Margin, Y, keyWidth, Bold.GetHeight()), XStringFormats.TopLeft);
        foreach (var line in lines)
        {
            Gfx.DrawString(line, Regular, XBrushes.Black, new XRect(Margin + keyWidth, Y, Width - keyWidth, Regular.GetHeight()), XStringFormats.TopLeft);
            Y += Regular.GetHeight();
        }

        Y += 1;
    }

    /// <summary>A table with a grey header row, repeated at the top of every page it runs onto.</summary>
    protected void Table(IReadOnlyList<(string Header, double Width, bool Right)> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var headers = columns.Select(c => c.Header).ToList();
        EnsureRoom(RowHeight(columns, headers, SmallBold) + RowHeight(columns, rows[0], Small));
        Row(columns, headers, SmallBold, XBrushes.LightGray);
        foreach (var row in rows)
        {
            if (Y + RowHeight(columns, row, Small) > Bottom)
            {
                NewPage();
                Row(columns, headers, SmallBold, XBrushes.LightGray);
            }

            Row(columns, row, Small, null);
        }

        Y += 4;
    }

    private double RowHeight(IReadOnlyList<(string Header, double Width, bool Right)> columns, IReadOnlyList<string> cells, XFont font) =>
        (columns.Select((c, i) => ReportPdf.Wrap(Gfx, cells[i], font, c.Width - (2 * Padding)).Count).Max() * font.GetHeight()) + (2 * Padding);

    private void Row(IReadOnlyList<(string Header, double Width, bool Right)> columns, IReadOnlyList<string> cells, XFont font, XBrush? background)
    {
        var height = RowHeight(columns, cells, font);
        var x = Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            var box = new XRect(x, Y, columns[i].Width, height);
            if (background is not null)
            {
                Gfx.DrawRectangle(background, box);
            }

            Gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), box);
            var lineY = Y + Padding;
            foreach (var line in ReportPdf.Wrap(Gfx, cells[i], font, columns[i].Width - (2 * Padding)))
            {
                var format = columns[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft;
                Gfx.DrawString(line, font, XBrushes.Black, new XRect(x + Padding, lineY, columns[i].Width - (2 * Padding), font.GetHeight()), format);
                lineY += font.GetHeight();
            }

            x += columns[i].Width;
        }

        Y += height;
    }
}
