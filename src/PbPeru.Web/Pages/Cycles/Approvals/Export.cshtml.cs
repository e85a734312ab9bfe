using Microsoft.AspNetCore.Mvc;
using PbPeru.Domain.Audit;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Cycles.Approvals;

/// <summary>
/// The approved list for staff, at any time once the result is computed:
/// <c>/Cycles/Approvals/Export/{id}?format=csv|xlsx|json</c> (a cycle manager of the jurisdiction;
/// 403 otherwise). No result yet: 404; an unknown format: 400.
/// </summary>
public sealed class ExportModel(AppDbContext db, CurrentActor currentActor, AuditTrail audit) : CyclePageModel(db, currentActor)
{
    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ApprovedListExport.TryParseFormat(format, out var kind))
        {
            return BadRequest();
        }

        if (await ApprovedListQuery.ForCycleAsync(Db, id, cancellationToken) is not { } list)
        {
            return NotFound();
        }

        var file = ApprovedListExport.Build(list, kind);
        await audit.RecordNowAsync(id, AuditActions.ExportDownloaded, $"cycle:{id}", file.FileName, cancellationToken);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
