using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.OpenData;

namespace PbPeru.Web.Pages.Public;

/// <summary>The machine-readable open-data index, <c>/Public/OpenData/index.json</c> (see <see cref="OpenDataIndex"/>).</summary>
public sealed class OpenDataIndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var cycles = new List<(OpenDataCycle, IReadOnlyList<OpenDataFile>)>();
        var heads = new Dictionary<int, AuditHead>();
        foreach (var cycle in await OpenDataCatalog.PublishedCyclesAsync(db, t, cancellationToken))
        {
            cycles.Add((cycle, await OpenDataCatalog.FilesAsync(db, cycle, t, clock, cancellationToken)));
            heads[cycle.CycleId] = await AuditTrail.HeadAsync(db, cycle.CycleId, cancellationToken);
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.AccessControlAllowOrigin = "*";
        return File(OpenDataIndex.Build(cycles, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", heads), "application/json; charset=utf-8");
    }
}
