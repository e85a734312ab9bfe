using System.Globalization;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Coordination;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// The coordination minutes (acta de coordinación) as a portrait A4 PDF with PDFsharp and the
/// report's fonts: the minutes' text, the meetings with their attendees, the ledger of agreements
/// and each government's resulting list, flowing over as many pages as it takes.
/// </summary>
public static class CoordinationPdf
{
    private const double Margin = 42;
    private const double Padding = 3;

    public static byte[] Render(CoordinationRecord record, IStringLocalizer t)
    {
        ReportFonts.EnsureRegistered();
        var culture = CultureInfo.CurrentCulture;
        var space = record.Space;
        using var document = new PdfDocument();
        document.Info.Title = $"{t["Acta de coordinación"]} — {record.DepartmentName} {space.FiscalYear}";
        document.Info.Author = "PbPeru";
        using (var writer = new Writer(document))
        {
            writer.Title(t["Acta de coordinación"]);
            writer.Line(t["Departamento de {0}, año fiscal {1}", record.DepartmentName, space.FiscalYear], 10);
            writer.Line(t["Participan: {0}.", string.Join(", ", space.Cycles.Select(c => record.GovernmentOf(c.CycleId)))], 10);
            if (space.Minutes is { } minutes)
            {
                writer.Line(t["Registrada el {0} por {1}. Recoge las reuniones N.º {2}.", LimaTime.Format(minutes.RecordedAt), minutes.RecordedBy, string.Join(", ", minutes.MeetingNumbers)], 9);
                writer.Space();
                foreach (var paragraph in minutes.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n", StringSplitOptions.RemoveEmptyEntries))
                {
                    writer.Line(paragraph, 9);
                }
            }

            writer.Heading(t["Reuniones de coordinación"]);
            foreach (var m in space.Meetings)
            {
                writer.Line($"{t["Reunión N.º {0}", m.Number ?? 0]} · {LimaTime.Format(m.StartsAt)} · {m.Place}", 9, bold: true);
                writer.Table(
                    [(t["Asistente"], 0.35, false), (t["Cargo"], 0.3, false), (t["Gobierno"], 0.35, false)],
                    m.Guests.Select(a => (IReadOnlyList<string>)[a.Name, a.Office, record.GovernmentOfUbigeo(a.GovernmentUbigeo)]).ToList());
            }

            writer.Heading(t["Acuerdos"]);
            var revokedBy = space.Agreements.Where(a => a.Kind == AgreementKind.Revoke).ToDictionary(a => a.RevokesAgreement!.Value, a => a.Number);
            writer.Table(
                [(t["N.º"], 0.06, true), (t["Tipo"], 0.16, false), (t["Reunión"], 0.08, true), (t["Qué acordó"], 0.5, false), (t["Vigencia"], 0.2, false)],
                space.Agreements.Select(a => (IReadOnlyList<string>)
                [
                    a.Number.ToString(culture),
                    AgreementKindNames.Of(a.Kind),
                    a.MeetingNumber.ToString(culture),
                    Describe(a, record, t, culture),
                    revokedBy.TryGetValue(a.Number, out var by) ? t["Revocado (N.º {0})", by] : a.Kind == AgreementKind.Revoke ? "—" : t["Vigente"],
                ]).ToList());

            writer.Heading(t["Listas resultantes"]);
            foreach (var c in space.Cycles)
            {
                var committed = record.State.Committed(c.CycleId);
                writer.Line(record.GovernmentOf(c.CycleId), 10, bold: true);
                writer.Line($"{t["Techo"]} {c.Ceiling.ToString(culture)} · {t["Comprometido"]} {committed.ToString(culture)} · {t["Saldo"]} {(c.Ceiling - committed).ToString(culture)}", 9);
                var rows = record.State.ListOf(c.CycleId).Select(p => (IReadOnlyList<string>)
                [
                    p.Number.ToString(culture),
                    p.Project.Title,
                    p.Project.Cui ?? "—",
                    p.Project.Cost.ToString(culture),
                    p.IsCofinanced ? string.Join("; ", p.Shares.Select(s => $"{record.GovernmentOf(s.CycleId)} {s.Amount.ToString(culture)}")) : "—",
                ]).Concat(record.State.PaidBy(c.CycleId).Where(p => p.OwnerCycleId != c.CycleId).Select(p => (IReadOnlyList<string>)
                [
                    p.Number.ToString(culture),
                    $"{p.Project.Title} ({t["en la lista de {0}", record.GovernmentOf(p.OwnerCycleId)]})",
                    p.Project.Cui ?? "—",
                    p.Project.Cost.ToString(culture),
                    t["Aporta {0}", p.Shares.Single(s => s.CycleId == c.CycleId).Amount.ToString(culture)],
                ])).ToList();
                writer.Table([(t["N.º"], 0.06, true), (t["Proyecto"], 0.4, false), ("CUI", 0.1, false), (t["Costo"], 0.16, true), (t["Cofinanciamiento"], 0.28, false)], rows);
            }

            writer.Space();
            writer.Space();
            writer.Line(t["Firmas de los representantes de los gobiernos participantes:"], 9);
            foreach (var c in space.Cycles)
            {
                writer.Space();
                writer.Space();
                writer.Line($"______________________________   {record.GovernmentOf(c.CycleId)}", 9);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string Describe(CoordinationAgreement a, CoordinationRecord record, IStringLocalizer t, CultureInfo culture) => a.Kind switch
    {
        AgreementKind.Cofinancing => $"{record.ProjectLabel(a.ProjectNumbers[0])}: {string.Join("; ", a.Shares.Select(s => $"{record.GovernmentOf(s.CycleId)} {s.Amount.ToString(culture)}"))}",
        AgreementKind.Transfer => t["{0} pasa a la lista de {1}", record.ProjectLabel(a.ProjectNumbers[0]), record.GovernmentOf(a.TargetCycleId ?? 0)],
        AgreementKind.Merge => t["{0} se unen en el N.º {1} «{2}» ({3}), en la lista de {4}", string.Join(", ", a.ProjectNumbers.Select(n => $"N.º {n}")), a.ResultProject ?? 0, a.Title ?? "", a.Cost?.ToString(culture) ?? "", record.GovernmentOf(a.TargetCycleId ?? 0)],
        AgreementKind.RejectForReach => $"{record.ProjectLabel(a.ProjectNumbers[0])}: {a.Reason}",
        AgreementKind.KeepSeparate => $"{t["N.º {0} y N.º {1} no son el mismo proyecto", a.ProjectNumbers[0], a.ProjectNumbers[1]]} {a.Reason}".Trim(),
        _ => $"{t["Revoca el acuerdo N.º {0}", a.RevokesAgreement ?? 0]}: {a.Reason}",
    };

    /// <summary>Writes lines and tables down the page, starting a new page when one is full.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly PdfDocument _document;
        private XGraphics _gfx = null!;
        private double _y;
        private double _bottom;
        private double _width;

        public Writer(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public void Title(string text)
        {
            var font = new XFont(ReportFonts.Family, 15, XFontStyleEx.Bold);
            _gfx.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, _width, 20), XStringFormats.TopLeft);
            _y += 24;
        }

        public void Heading(string text)
        {
            _y += 8;
            Line(text, 12, bold: true);
            _y += 2;
        }

        public void Space() => _y += 6;

        public void Line(string text, double size, bool bold = false)
        {
            var font = new XFont(ReportFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            foreach (var line in ReportPdf.Wrap(_gfx, text, font, _width))
            {
                Ensure(font.GetHeight());
                _gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, _width, font.GetHeight()), XStringFormats.TopLeft);
                _y += font.GetHeight();
            }
        }

        public void Table(IReadOnlyList<(string Header, double Share, bool Right)> columns, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            var regular = new XFont(ReportFonts.Family, 8, XFontStyleEx.Regular);
            var bold = new XFont(ReportFonts.Family, 8, XFontStyleEx.Bold);
            var widths = columns.Select(c => c.Share * _width).ToList();
            var header = columns.Select(c => c.Header).ToList();
            Ensure(Height(header, widths, bold) + (rows.Count > 0 ? Height(rows[0], widths, regular) : 0));
            Row(header, columns, widths, bold, XBrushes.LightGray);
            foreach (var row in rows)
            {
                if (_y + Height(row, widths, regular) > _bottom)
                {
                    NewPage();
                    Row(header, columns, widths, bold, XBrushes.LightGray);
                }

                Row(row, columns, widths, regular, null);
            }

            _y += 6;
        }

        public void Dispose() => _gfx.Dispose();

        private double Height(IReadOnlyList<string> cells, IReadOnlyList<double> widths, XFont font) =>
            (cells.Select((c, i) => ReportPdf.Wrap(_gfx, c, font, widths[i] - (2 * Padding)).Count).Max() * font.GetHeight()) + (2 * Padding);

        private void Row(IReadOnlyList<string> cells, IReadOnlyList<(string Header, double Share, bool Right)> columns, IReadOnlyList<double> widths, XFont font, XBrush? background)
        {
            var height = Height(cells, widths, font);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var box = new XRect(x, _y, widths[i], height);
                if (background is not null)
                {
                    _gfx.DrawRectangle(background, box);
                }

                _gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), box);
                var lineY = _y + Padding;
                foreach (var line in ReportPdf.Wrap(_gfx, cells[i], font, widths[i] - (2 * Padding)))
                {
                    _gfx.DrawString(line, font, XBrushes.Black, new XRect(x + Padding, lineY, widths[i] - (2 * Padding), font.GetHeight()), columns[i].Right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    lineY += font.GetHeight();
                }

                x += widths[i];
            }

            _y += height;
        }

        private void Ensure(double height)
        {
            if (_y + height > _bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = _document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
            _bottom = page.Height.Point - Margin;
            _width = page.Width.Point - (2 * Margin);
        }
    }
}
