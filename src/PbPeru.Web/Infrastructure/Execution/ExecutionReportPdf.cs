using System.Globalization;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
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
    public static byte[] Render(ExecutionReportContent report, IStringLocalizer t)
    {
        var title = t["Informe del comité de vigilancia"].Value;
        using var document = new PdfDocument();
        document.Info.Title = $"{title} — {report.JurisdictionName} {report.FiscalYear} — {NumberLabel(report, t)}";
        document.Info.Author = "PbPeru";
        var writer = new Writer(document);
        writer.Draw(report, t);
        return writer.Complete(t, $"{title} · {report.JurisdictionName} · {t["Año fiscal"]} {report.FiscalYear} · {NumberLabel(report, t)}");
    }

    public static string NumberLabel(ExecutionReportContent report, IStringLocalizer t) =>
        report.Number is { } n ? t["Informe N.º {0}", n] : t["Borrador"];

    public static string Amount(long centimos) => Money.FromCentimos(centimos).ToString(CultureInfo.CurrentCulture);

    /// <summary>Writes top to bottom, starting a new page when the next block does not fit.</summary>
    private sealed class Writer(PdfDocument document) : PdfFlowWriter(document, footerHeight: 18, titleSize: 15)
    {
        public void Draw(ExecutionReportContent report, IStringLocalizer t)
        {
            var culture = CultureInfo.CurrentCulture;
            NewPage();
            Paragraph(t["Informe del comité de vigilancia"], Title, XStringFormats.TopCenter);
            Paragraph(t["Ejecución del presupuesto participativo {0}", report.FiscalYear] + " — " + report.JurisdictionName, HeadingFont, XStringFormats.TopCenter);
            Paragraph(report.Number is { } number && report.IssuedAt is { } issuedAt
                ? t["Informe N.º {0}, emitido el {1} por {2}", number, LimaTime.Format(issuedAt), report.IssuedBy ?? ""]
                : t["Borrador: aún no emitido"], Small, XStringFormats.TopCenter);

            Y += 6;
            Heading(t["Datos generales"]);
            KeyValue(t["Ciclo"], report.CycleName);
            KeyValue(t["Periodo"], t["Del {0} al {1}", LimaTime.Format(report.PeriodStart), LimaTime.Format(report.PeriodEnd)]);
            KeyValue(t["Monto aprobado"], Amount(report.ApprovedCentimos));
            KeyValue(t["Monto ejecutado"], Amount(report.SpentCentimos));

            Heading(t["Conclusiones del comité"]);
            foreach (var paragraph in report.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Paragraph(paragraph, Regular, XStringFormats.TopLeft);
            }

            Heading(t["Estado de los proyectos al cierre del periodo"]);
            if (report.Projects.Count == 0)
            {
                Paragraph(t["El ciclo no tiene proyectos aprobados."], Regular, XStringFormats.TopLeft);
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
                Paragraph(t["No se registraron observaciones en el periodo."], Regular, XStringFormats.TopLeft);
            }

            foreach (var p in observed)
            {
                Paragraph($"{p.Rank}. {p.Name}", Bold, XStringFormats.TopLeft);
                foreach (var o in p.Observations)
                {
                    Paragraph($"{LimaTime.Format(o.RecordedAt)} · {o.RecordedBy}: {o.Text}", Small, XStringFormats.TopLeft);
                }
            }

            Heading(t["Comité de vigilancia"]);
            if (report.Members.Count == 0)
            {
                Paragraph(t["El comité de vigilancia no tiene miembros registrados."], Regular, XStringFormats.TopLeft);
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
                    var lineY = Y + 30;
                    Gfx.DrawLine(new XPen(XColors.Black, 0.6), x, lineY, x + boxWidth, lineY);
                    Gfx.DrawString(m.FullName, Small, XBrushes.Black, new XRect(x, lineY + 2, boxWidth, Small.GetHeight()), XStringFormats.TopCenter);
                    Gfx.DrawString(m.OrganizationName, Small, XBrushes.Black, new XRect(x, lineY + 2 + Small.GetHeight(), boxWidth, Small.GetHeight()), XStringFormats.TopCenter);
                }

                Y += boxHeight;
            }
        }

    }
}
