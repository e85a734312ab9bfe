using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Cycles.Acta;

/// <summary>One issued version as a PDF, for the cycle's managers.</summary>
public sealed class PdfModel(AppDbContext db, CurrentActor currentActor, IStringLocalizer<SharedResource> t, AuditTrail audit) : CyclePageModel(db, currentActor)
{
    public async Task<IActionResult> OnGetAsync(int versionId, CancellationToken cancellationToken)
    {
        if (await ActaQueries.FindVersionAsync(Db, versionId, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        if (await LoadAsync(version.CycleId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var content = ActaContentBuilder.Deserialize(version.Content);
        var head = await AuditTrail.HeadAtAsync(Db, version.CycleId, AuditTrail.ActaSubject(version.CycleId, version.Number), cancellationToken);
        await audit.RecordNowAsync(version.CycleId, AuditActions.ExportDownloaded, AuditTrail.ActaSubject(version.CycleId, version.Number), ActaQueries.PdfName(content), cancellationToken);
        return File(ActaPdf.Render(content, version.Hash, t, head), "application/pdf", ActaQueries.PdfName(content));
    }
}
