using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.OpenData;

namespace PbPeru.Web.Pages.Public;

/// <summary>One published cycle's open-data files (<c>/Public/OpenData/{cycleId}</c>); 404 until the cycle is published.</summary>
public sealed class OpenDataCycleModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public OpenDataCycle Cycle { get; private set; } = null!;

    public IReadOnlyList<OpenDataFile> Files { get; private set; } = [];

    /// <summary>The cycle's audit chain head now: anyone can hold a later export of the chain against it.</summary>
    public AuditHead AuditHead { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await OpenDataCatalog.PublishedCycleAsync(db, cycleId, t, cancellationToken) is not { } cycle)
        {
            return NotFound();
        }

        Cycle = cycle;
        Files = await OpenDataCatalog.FilesAsync(db, cycle, t, clock, cancellationToken);
        AuditHead = await AuditTrail.HeadAsync(db, cycleId, cancellationToken);
        return Page();
    }
}
