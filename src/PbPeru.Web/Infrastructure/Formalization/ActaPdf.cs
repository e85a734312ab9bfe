using System.Globalization;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
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
    /// <summary>The PDF of a version; <c>auditHead</c>, the cycle's audit chain head when it was issued, is printed after the signatures.</summary>
    public static byte[] Render(ActaContent acta, string hash, IStringLocalizer t, AuditHead? auditHead = null)
    {
        var heading = $"{t["Acta de Acuerdos y Compromisos"]} · {acta.GovernmentName} · {t["Año fiscal"]} {acta.FiscalYear} · {t["Versión {0}", acta.Number]}";
        using var document = new PdfDocument();
        document.Info.Title = $"{t["Acta de Acuerdos y Compromisos"]} — {acta.GovernmentName} {acta.FiscalYear} — {t["Versión {0}", acta.Number]}";
        document.Info.Author = "PbPeru";
        var writer = new Writer(document);
        writer.Draw(acta, t);
        if (auditHead is not null)
        {
            writer.AuditHead(auditHead, t);
        }

        return writer.Complete(t, heading, $"SHA-256: {hash}");
    }

    /// <summary>Writes top to bottom, starting a new page when the next block does not fit.</summary>
    private sealed class Writer(PdfDocument document) : PdfFlowWriter(document, footerHeight: 24, titleSize: 16)
    {
        public void Draw(ActaContent acta, IStringLocalizer t)
        {
            var culture = CultureInfo.CurrentCulture;
            NewPage();

            Paragraph(t["Acta de Acuerdos y Compromisos"], Title, XStringFormats.TopCenter);
            Paragraph(t["Presupuesto participativo {0}", acta.FiscalYear] + " — " + acta.GovernmentName, HeadingFont, XStringFormats.TopCenter);
            Paragraph(t["Versión {0}, emitida el {1} por {2}", acta.Number, LimaTime.Format(acta.IssuedAt), acta.IssuedBy], Small, XStringFormats.TopCenter);
            if (acta.Reason is { } reason)
            {
                Paragraph(t["Corrección de la versión anterior. Motivo: {0}", reason], Small, XStringFormats.TopCenter);
            }

            Y += 8;
            Heading(t["Datos generales"]);
            KeyValue(t["Jurisdicción"], $"{acta.GovernmentName} ({t["Ubigeo"]} {acta.Ubigeo})");
            KeyValue(t["Ciclo"], acta.CycleName);
            KeyValue(t["Año fiscal"], acta.FiscalYear.ToString(CultureInfo.InvariantCulture));
            KeyValue(t["Fecha del taller"], LimaTime.FormatLong(acta.WorkshopDate));
            KeyValue(t["Lugar"], acta.Place);
            KeyValue(t["Techo presupuestal"], acta.Ceiling.ToString(culture));
            KeyValue(t["Total priorizado"], acta.Total.ToString(culture));
            Y += 4;
            Paragraph(t["En {0}, el {1}, los agentes participantes del presupuesto participativo {2} de {3} acuerdan los proyectos priorizados y los compromisos que constan en esta acta.",
                acta.Place, LimaTime.FormatLong(acta.WorkshopDate), acta.FiscalYear, acta.GovernmentName], Regular, XStringFormats.TopLeft);

            Heading(t["Proyectos priorizados"]);
            if (acta.Projects.Count == 0)
            {
                Paragraph(t["No hay proyectos priorizados."], Regular, XStringFormats.TopLeft);
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
                Paragraph(t["El comité de vigilancia no tiene miembros registrados."], Regular, XStringFormats.TopLeft);
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
                Paragraph(t["No hay agentes registrados como presentes."], Regular, XStringFormats.TopLeft);
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

        public void AuditHead(AuditHead head, IStringLocalizer t)
        {
            Heading(t["Registro de auditoría"]);
            Paragraph(t["Al emitirse esta versión, el registro de auditoría del ciclo llegaba al asiento n.º {0}, con la huella SHA-256:", head.Sequence], Small, XStringFormats.TopLeft);
            Paragraph(head.Hash, Small, XStringFormats.TopLeft);
        }

        private void Commitments(IReadOnlyList<ActaCommitment> commitments, IStringLocalizer t)
        {
            if (commitments.Count == 0)
            {
                Paragraph(t["Sin compromisos registrados."], Regular, XStringFormats.TopLeft);
                return;
            }

            for (var i = 0; i < commitments.Count; i++)
            {
                var c = commitments[i];
                Paragraph($"{i + 1}. {c.Text}", Regular, XStringFormats.TopLeft);
                var detail = t["Responsable: {0}", c.Responsible].Value;
                if (c.DueDate is { } due)
                {
                    detail += " · " + t["Plazo: {0}", LimaTime.Format(due)];
                }

                Paragraph(detail, Small, XStringFormats.TopLeft);
            }
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
                    var lineY = Y + 36;
                    Gfx.DrawLine(new XPen(XColors.Black, 0.6), x, lineY, x + boxWidth, lineY);
                    var textY = lineY + 2;
                    foreach (var text in new[] { s.Name, SignerLabel(s, t), s.Detail }.Where(text => !string.IsNullOrWhiteSpace(text)))
                    {
                        foreach (var line in ReportPdf.Wrap(Gfx, text, Small, boxWidth).Take(2))
                        {
                            Gfx.DrawString(line, Small, XBrushes.Black, new XRect(x, textY, boxWidth, Small.GetHeight()), XStringFormats.TopCenter);
                            textY += Small.GetHeight();
                        }
                    }
                }

                Y += boxHeight;
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
