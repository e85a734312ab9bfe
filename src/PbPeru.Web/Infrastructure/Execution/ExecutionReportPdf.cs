using System.Globalization;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PbPeru.Web.Infrastructure.Execution;

/// <summary>
/// Draws a periodic report of the oversight committee as a portrait A4 PDF with PDFsharp and the
/// app's DejaVu fonts (<see cref="ReportFonts"/>): the period, the committee's conclusions, the table
/// of projects (state, physical progress, amount spent against the cycle's amount), each project's
/// observations of the period, and the members with signature lines; every page's footer carries
/// the report's number. Everything comes from the report's stored content.
/// </summary>
public static class ExecutionReportPdf
{
    private const double Margin = 42;
    private const double FooterHeight = 18;
    private const double Padding = 3;

    public static byte[] Render(ExecutionReportContent report, IStringLocalizer t)
    {
        ReportFonts.EnsureRegistered();
        using var document = new PdfDocument();
        var title = t["Informe del comité de vigilancia"].Value;
        document.Info.Title = $"{title} — {report.JurisdictionName} {report.FiscalYear} — {NumberLabel(report, t)}";
        document.Info.Author = "PbPeru";

        var writer = new Writer(document);
        writer.Draw(report, t);
        writer.Finish();

        var footerFont = new XFont(ReportFonts.Family, 6.5, XFontStyleEx.Regular);
        var pages = document.PageCount;
        for (var i = 0; i < pages; i++)
        {
            var page = document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point - (2 * Margin);
            var y = page.Height.Point - Margin - FooterHeight + 8;
            gfx.DrawLine(new XPen(XColors.Gray, 0.5), Margin, y - 3, Margin + width, y - 3);
            gfx.DrawString($"{title} · {report.JurisdictionName} · {t["Año fiscal"]} {report.FiscalYear} · {NumberLabel(report, t)}",
                footerFont, XBrushes.Black, new XRect(Margin, y, width, 9), XStringFormats.TopLeft);
            gfx.DrawString(t["Página {0} / {1}", i + 1, pages], footerFont, XBrushes.Black, new XRect(Margin, y, width, 9), XStringFormats.TopRight);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public static string NumberLabel(ExecutionReportContent report, IStringLocalizer t) =>
        report.Number is { } n ? t["Informe N.º {0}", n] : t["Borrador"];

    public static string Amount(long centimos) => Money.FromCentimos(centimos).ToString(CultureInfo.CurrentCulture);

    /// <summary>Writes top to bottom, starting a new page when the next block does not fit.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private readonly XFont _regular = new(ReportFonts.Family, 9, XFontStyleEx.Regular);
        private readonly XFont _small = new(ReportFonts.Family, 8, XFontStyleEx.Regular);
        private readonly XFont _smallBold = new(ReportFonts.Family, 8, XFontStyleEx.Bold);
        private readonly XFont _bold = new(ReportFonts.Family, 9, XFontStyleEx.Bold);
        private readonly XFont _heading = new(ReportFonts.Family, 11, XFontStyleEx.Bold);
        private readonly XFont _title = new(ReportFonts.Family, 15, XFontStyleEx.Bold);
        private PdfPage _page = null!;
        private XGraphics _gfx = null!;
        private double _y;

        private double Width => _page.Width.Point - (2 * Margin);

        private double Bottom => _page.Height.Point - Margin - FooterHeight;

        public void Draw(ExecutionReportContent report, IStringLocalizer t)
        {
            var culture = CultureInfo.CurrentCulture;
            NewPage();
            Paragraph(t["Informe del comité de vigilancia"], _title, XStringFormats.TopCenter);
            Paragraph(t["Ejecución del presupuesto participativo {0}", report.FiscalYear] + " — " + report.JurisdictionName, _heading, XStringFormats.TopCenter);
            Paragraph(report.Number is { } number && report.IssuedAt is { } issuedAt
                ? t["Informe N.º {0}, emitido el {1} por {2}", number, LimaTime.Format(issuedAt), report.IssuedBy ?? ""]
                : t["Borrador: aún no emitido"], _small, XStringFormats.TopCenter);

            _y += 6;
            Heading(t["Datos generales"]);
            KeyValue(t["Ciclo"], report.CycleName);
            KeyValue(t["Periodo"], t["Del {0} al {1}", LimaTime.Format(report.PeriodStart), LimaTime.Format(report.PeriodEnd)]);
            KeyValue(t["Monto aprobado"], Amount(report.ApprovedCentimos));
            KeyValue(t["Monto ejecutado"], Amount(report.SpentCentimos));

            Heading(t["Conclusiones del comité"]);
            foreach (var paragraph in report.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Paragraph(paragraph, _regular, XStringFormats.TopLeft);
            }

            Heading(t["Estado de los proyectos al cierre del periodo"]);
            if (report.Projects.Count == 0)
            {
                Paragraph(t["El ciclo no tiene proyectos aprobados."], _regular, XStringFormats.TopLeft);
            }
            else
            {
                var columns = new List<(string Header, double Width, bool Right)>
                {
                    (t["N.º"], 22, true),
                    (t["Proyecto"], 0, false),
                    (t["CUI"], 46, false),
                    (t["Estado"], 72, false),
                    (t["Avance físico"], 44, true),
                    (t["Monto ejecutado"], 74, true),
                    (t["Monto del ciclo"], 74, true),
                };
                columns[1] = columns[1] with { Width = Width - columns.Sum(c => c.Width) };
                var rows = report.Projects.Select(p => (IReadOnlyList<string>)
                [
                    p.Rank.ToString(culture),
                    p.Name,
                    p.Cui ?? "—",
                    ExecutionLabels.StateOf(p.State, t),
                    $"{p.ProgressPercent} %",
                    Amount(p.SpentCentimos),
                    Amount(p.AmountCentimos),
                ]).ToList();
                rows.Add(["", t["Total"], "", "", "", Amount(report.SpentCentimos), Amount(report.ApprovedCentimos)]);
                Table(columns, rows);
            }

            Heading(t["Observaciones del periodo"]);
            var observed = report.Projects.Where(p => p.Observations.Count > 0).ToList();
            if (observed.Count == 0)
            {
                Paragraph(t["No se registraron observaciones en el periodo."], _regular, XStringFormats.TopLeft);
            }

            foreach (var p in observed)
            {
                Paragraph($"{p.Rank}. {p.Name}", _bold, XStringFormats.TopLeft);
                foreach (var o in p.Observations)
                {
                    Paragraph($"{LimaTime.Format(o.RecordedAt)} · {o.RecordedBy}: {o.Text}", _small, XStringFormats.TopLeft);
                }
            }

            Heading(t["Comité de vigilancia"]);
            if (report.Members.Count == 0)
            {
                Paragraph(t["El comité de vigilancia no tiene miembros registrados."], _regular, XStringFormats.TopLeft);
            }

            const double boxHeight = 60;
            const double gap = 24;
            var boxWidth = (Width - gap) / 2;
            for (var i = 0; i < report.Members.Count; i += 2)
            {
                EnsureRoom(boxHeight);
                for (var j = 0; j < 2 && i + j < report.Members.Count; j++)
                {
                    var m = report.Members[i + j];
                    var x = Margin + (j * (boxWidth + gap));
                    var lineY = _y + 30;
                    _gfx.DrawLine(new XPen(XColors.Black, 0.6), x, lineY, x + boxWidth, lineY);
                    _gfx.DrawString(m.FullName, _small, XBrushes.Black, new XRect(x, lineY + 2, boxWidth, _small.GetHeight()), XStringFormats.TopCenter);
                    _gfx.DrawString(m.OrganizationName, _small, XBrushes.Black, new XRect(x, lineY + 2 + _small.GetHeight(), boxWidth, _small.GetHeight()), XStringFormats.TopCenter);
                }

                _y += boxHeight;
            }
        }

        public void Finish() => _gfx.Dispose();

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            _page.Orientation = PageOrientation.Portrait;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private void EnsureRoom(double height)
        {
            if (_y + height > Bottom)
            {
                NewPage();
            }
        }

        private void Heading(string text)
        {
            EnsureRoom(40);
            _y += 10;
            _gfx.DrawString(text, _heading, XBrushes.Black, new XRect(Margin, _y, Width, _heading.GetHeight()), XStringFormats.TopLeft);
            _y += _heading.GetHeight() + 4;
        }

        private void Paragraph(string text, XFont font, XStringFormat format)
        {
            foreach (var line in ReportPdf.Wrap(_gfx, text, font, Width))
            {
                EnsureRoom(font.GetHeight());
                _gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, font.GetHeight()), format);
                _y += font.GetHeight();
            }

            _y += 2;
        }

        private void KeyValue(string key, string value)
        {
            const double keyWidth = 130;
            var lines = ReportPdf.Wrap(_gfx, value, _regular, Width - keyWidth);
            EnsureRoom(lines.Count * _regular.GetHeight());
            _gfx.DrawString(key, _bold, XBrushes.Black, new XRect(Margin, _y, keyWidth, _bold.GetHeight()), XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                _gfx.DrawString(line, _regular, XBrushes.Black, new XRect(Margin + keyWidth, _y, Width - keyWidth, _regular.GetHeight()), XStringFormats.TopLeft);
                _y += _regular.GetHeight();
            }

            _y += 1;
        }

        private void Table(IReadOnlyList<(string Header, double Width, bool Right)> columns, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            var headers = columns.Select(c => c.Header).ToList();
            EnsureRoom(RowHeight(columns, headers, _smallBold) + RowHeight(columns, rows[0], _small));
            Row(columns, headers, _smallBold, XBrushes.LightGray);
            foreach (var row in rows)
            {
                if (_y + RowHeight(columns, row, _small) > Bottom)
                {
                    NewPage();
                    Row(columns, headers, _smallBold, XBrushes.LightGray);
                }

                Row(columns, row, _small, null);
            }

            _y += 4;
        }

        private double RowHeight(IReadOnlyList<(string Header, double Width, bool Right)> columns, IReadOnlyList<string> cells, XFont font) =>
            (columns.Select((c, i) => ReportPdf.Wrap(_gfx, cells[i], font, c.Width - (2 * Padding)).Count).Max() * font.GetHeight()) + (2 * Padding);

        private void Row(IReadOnlyList<(string Header, double Width, bool Right)> columns, IReadOnlyList<string> cells, XFont font, XBrush? background)
        {
            var height = RowHeight(columns, cells, font);
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                var box = new XRect(x, _y, columns[i].Width, height);
                if (background is not null)
                {
                    _gfx.DrawRectangle(background, box);
                }

                _gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), box);
                var lineY = _y + Padding;
                foreach (var line in ReportPdf.Wrap(_gfx, cells[i], font, columns[i].Width - (2 * Padding)))
                {
                    var format = columns[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft;
                    _gfx.DrawString(line, font, XBrushes.Black, new XRect(x + Padding, lineY, columns[i].Width - (2 * Padding), font.GetHeight()), format);
                    lineY += font.GetHeight();
                }

                x += columns[i].Width;
            }

            _y += height;
        }
    }
}
