using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// One open-data file of the approved list: <c>/Public/ExportFile/{cycleId}?format=csv|xlsx|json</c>,
/// once the cycle is published (404 before, and for a cycle without a result); an unknown format: 400.
/// </summary>
public sealed class ExportFileModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int cycleId, string? format, CancellationToken cancellationToken)
    {
        var phase = await db.Cycles.Where(c => c.Id == cycleId).Select(c => (Phase?)c.Phase).SingleOrDefaultAsync(cancellationToken);
        if (phase is null or < Phase.Published || await ApprovedListQuery.ForCycleAsync(db, cycleId, cancellationToken) is not { } list)
        {
            return NotFound();
        }

        if (!ApprovedListExport.TryParseFormat(format, out var kind))
        {
            return BadRequest();
        }

        var file = ApprovedListExport.Build(list, kind);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.AccessControlAllowOrigin = "*";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
