using System.Globalization;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PbPeru.Web.Infrastructure.Formalization;

/// <summary>
/// Draws an acta version as a portrait A4 PDF with PDFsharp and the app's DejaVu fonts: the title,
/// the general data, the table of prioritized projects, the commitments, the committee, the agents
/// present and the signature lines; every page's footer carries the version number and the hash.
/// Everything comes from the version's stored content.
/// </summary>
public static class ActaPdf
{
    private const double Margin = 42;
    private const double FooterHeight = 24;
    private const double Padding = 3;

    public static byte[] Render(ActaContent acta, string hash, IStringLocalizer t)
    {
        ReportFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"{t["Acta de Acuerdos y Compromisos"]} — {acta.GovernmentName} {acta.FiscalYear} — {t["Versión {0}", acta.Number]}";
        document.Info.Author = "PbPeru";

        var writer = new Writer(document);
        writer.Draw(acta, t);
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
            gfx.DrawString(
                $"{t["Acta de Acuerdos y Compromisos"]} · {acta.GovernmentName} · {t["Año fiscal"]} {acta.FiscalYear} · {t["Versión {0}", acta.Number]}",
                footerFont, XBrushes.Black, new XRect(Margin, y, width, 9), XStringFormats.TopLeft);
            gfx.DrawString(t["Página {0} / {1}", i + 1, pages], footerFont, XBrushes.Black, new XRect(Margin, y, width, 9), XStringFormats.TopRight);
            gfx.DrawString($"SHA-256: {hash}", footerFont, XBrushes.Black, new XRect(Margin, y + 9, width, 9), XStringFormats.TopLeft);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Writes top to bottom, starting a new page when the next block does not fit.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private readonly XFont _regular = new(ReportFonts.Family, 9, XFontStyleEx.Regular);
        private readonly XFont _small = new(ReportFonts.Family, 8, XFontStyleEx.Regular);
        private readonly XFont _smallBold = new(ReportFonts.Family, 8, XFontStyleEx.Bold);
        private readonly XFont _bold = new(ReportFonts.Family, 9, XFontStyleEx.Bold);
        private readonly XFont _heading = new(ReportFonts.Family, 11, XFontStyleEx.Bold);
        private readonly XFont _title = new(ReportFonts.Family, 16, XFontStyleEx.Bold);
        private PdfPage _page = null!;
        private XGraphics _gfx = null!;
        private double _y;

        private double Width => _page.Width.Point - (2 * Margin);

        private double Bottom => _page.Height.Point - Margin - FooterHeight;

        public void Draw(ActaContent acta, IStringLocalizer t)
        {
            var culture = CultureInfo.CurrentCulture;
            NewPage();

            Paragraph(t["Acta de Acuerdos y Compromisos"], _title, XStringFormats.TopCenter);
            Paragraph(t["Presupuesto participativo {0}", acta.FiscalYear] + " — " + acta.GovernmentName, _heading, XStringFormats.TopCenter);
            Paragraph(t["Versión {0}, emitida el {1} por {2}", acta.Number, LimaTime.Format(acta.IssuedAt), acta.IssuedBy], _small, XStringFormats.TopCenter);
            if (acta.Reason is { } reason)
            {
                Paragraph(t["Corrección de la versión anterior. Motivo: {0}", reason], _small, XStringFormats.TopCenter);
            }

            _y += 8;
            Heading(t["Datos generales"]);
            KeyValue(t["Jurisdicción"], $"{acta.GovernmentName} ({t["Ubigeo"]} {acta.Ubigeo})");
            KeyValue(t["Ciclo"], acta.CycleName);
            KeyValue(t["Año fiscal"], acta.FiscalYear.ToString(CultureInfo.InvariantCulture));
            KeyValue(t["Fecha del taller"], LimaTime.FormatLong(acta.WorkshopDate));
            KeyValue(t["Lugar"], acta.Place);
            KeyValue(t["Techo presupuestal"], acta.Ceiling.ToString(culture));
            KeyValue(t["Total priorizado"], acta.Total.ToString(culture));
            _y += 4;
            Paragraph(t["En {0}, el {1}, los agentes participantes del presupuesto participativo {2} de {3} acuerdan los proyectos priorizados y los compromisos que constan en esta acta.",
                acta.Place, LimaTime.FormatLong(acta.WorkshopDate), acta.FiscalYear, acta.GovernmentName], _regular, XStringFormats.TopLeft);

            Heading(t["Proyectos priorizados"]);
            if (acta.Projects.Count == 0)
            {
                Paragraph(t["No hay proyectos priorizados."], _regular, XStringFormats.TopLeft);
            }
            else
            {
                var columns = new List<(string Header, double Width, bool Right)>
                {
                    (t["N.º"], 26, true),
                    (t["Proyecto"], 0, false),
                    (t["CUI"], 46, false),
                    (t["Distritos"], 80, false),
                    (t["Monto del ciclo"], 76, true),
                    (t["Cofinanciamiento"], 130, false),
                };
                columns[1] = columns[1] with { Width = Width - columns.Sum(c => c.Width) };
                var rows = acta.Projects.Select(p => (IReadOnlyList<string>)
                [
                    p.Rank.ToString(culture),
                    p.Name,
                    p.Cui ?? "—",
                    p.Districts.Count == 0 ? "—" : string.Join(", ", p.Districts),
                    p.Amount.ToString(culture),
                    p.Cofinancing.Count == 0 ? "—" : string.Join("; ", p.Cofinancing.Select(c => $"{c.Government}: {c.Amount.ToString(culture)}")),
                ]).ToList();
                rows.Add(["", t["Total"], "", "", acta.Total.ToString(culture), ""]);
                Table(columns, rows);
            }

            Heading(t["Compromisos del gobierno"]);
            Commitments(acta.Commitments.Where(c => c.Party == Domain.Formalization.CommitmentParty.Government).ToList(), t);
            Heading(t["Compromisos de la sociedad civil"]);
            Commitments(acta.Commitments.Where(c => c.Party == Domain.Formalization.CommitmentParty.CivilSociety).ToList(), t);

            Heading(t["Comité de vigilancia"]);
            if (acta.Committee.Count == 0)
            {
                Paragraph(t["El comité de vigilancia no tiene miembros registrados."], _regular, XStringFormats.TopLeft);
            }
            else
            {
                var columns = new List<(string Header, double Width, bool Right)>
                {
                    (t["N.º"], 26, true),
                    (t["Nombre"], 0, false),
                    (t["Organización"], 0, false),
                    (t["Votos"], 50, true),
                };
                var flexible = (Width - 76) / 2;
                columns[1] = columns[1] with { Width = flexible };
                columns[2] = columns[2] with { Width = flexible };
                Table(columns, acta.Committee.Select((m, i) => (IReadOnlyList<string>)
                    [(m.Rank ?? i + 1).ToString(culture), m.Name, m.Organization, m.Votes?.ToString("N0", culture) ?? "—"]).ToList());
            }

            Heading(t["Agentes participantes presentes"]);
            if (acta.AgentsPresent.Count == 0)
            {
                Paragraph(t["No hay agentes registrados como presentes."], _regular, XStringFormats.TopLeft);
            }
            else
            {
                var columns = new List<(string Header, double Width, bool Right)>
                {
                    (t["N.º"], 26, true),
                    (t["Nombre"], (Width - 26) / 2, false),
                    (t["Organización"], (Width - 26) / 2, false),
                };
                Table(columns, acta.AgentsPresent.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(culture), a.Name, a.Organization]).ToList());
            }

            Heading(t["Firmas"]);
            Signatures(acta.Signatures, t);
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

        private void Commitments(IReadOnlyList<ActaCommitment> commitments, IStringLocalizer t)
        {
            if (commitments.Count == 0)
            {
                Paragraph(t["Sin compromisos registrados."], _regular, XStringFormats.TopLeft);
                return;
            }

            for (var i = 0; i < commitments.Count; i++)
            {
                var c = commitments[i];
                Paragraph($"{i + 1}. {c.Text}", _regular, XStringFormats.TopLeft);
                var detail = t["Responsable: {0}", c.Responsible].Value;
                if (c.DueDate is { } due)
                {
                    detail += " · " + t["Plazo: {0}", LimaTime.Format(due)];
                }

                Paragraph(detail, _small, XStringFormats.TopLeft);
            }
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

        /// <summary>Two signature boxes a row: a blank space to sign, a line, the name and who signs.</summary>
        private void Signatures(IReadOnlyList<ActaSignature> signatures, IStringLocalizer t)
        {
            const double boxHeight = 72;
            var gap = 24.0;
            var boxWidth = (Width - gap) / 2;
            for (var i = 0; i < signatures.Count; i += 2)
            {
                EnsureRoom(boxHeight);
                for (var j = 0; j < 2 && i + j < signatures.Count; j++)
                {
                    var s = signatures[i + j];
                    var x = Margin + (j * (boxWidth + gap));
                    var lineY = _y + 36;
                    _gfx.DrawLine(new XPen(XColors.Black, 0.6), x, lineY, x + boxWidth, lineY);
                    var textY = lineY + 2;
                    foreach (var text in new[] { s.Name, SignerLabel(s, t), s.Detail }.Where(text => !string.IsNullOrWhiteSpace(text)))
                    {
                        foreach (var line in ReportPdf.Wrap(_gfx, text, _small, boxWidth).Take(2))
                        {
                            _gfx.DrawString(line, _small, XBrushes.Black, new XRect(x, textY, boxWidth, _small.GetHeight()), XStringFormats.TopCenter);
                            textY += _small.GetHeight();
                        }
                    }
                }

                _y += boxHeight;
            }
        }
    }

    public static string SignerLabel(ActaSignature signature, IStringLocalizer t) => signature.Signer switch
    {
        ActaSigner.Authority => t["Titular del pliego (gobernador/a o alcalde/sa)"],
        ActaSigner.Manager => t["Responsable del proceso"],
        ActaSigner.CommitteeMember => t["Miembro del comité de vigilancia"],
        _ => t["Agente participante"],
    };

    /// <summary>Amounts as the acta prints them.</summary>
    public static string Amount(long centimos) => Money.FromCentimos(centimos).ToString(CultureInfo.CurrentCulture);
}
