using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Public;

/// <summary>The approved list as open data (CSV, XLSX, JSON; CC BY 4.0), for everyone once the cycle is published; 404 until then.</summary>
public sealed class ExportsModel(AppDbContext db) : PageModel
{
    public ApprovedList List { get; private set; } = null!;

    public Cycle Cycle { get; private set; } = null!;

    public Jurisdiction? Jurisdiction { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null || cycle.Phase < Phase.Published || await ApprovedListQuery.ForCycleAsync(db, cycleId, cancellationToken) is not { } list)
        {
            return NotFound();
        }

        Cycle = cycle;
        List = list;
        Jurisdiction = await db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Ubigeo == cycle.JurisdictionUbigeo, cancellationToken);
        return Page();
    }
}
