using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Oversight;

/// <summary>
/// A read-only overview of one cycle for its oversight committee: the approved list, the committee,
/// and the public acta and exports. Only a member of this cycle's committee sees it (403 for
/// anyone else, a member of another cycle's committee included).
/// </summary>
public sealed class CycleModel(AppDbContext db) : PageModel
{
    public int CycleId { get; private set; }

    public string CycleName { get; private set; } = "";

    public int FiscalYear { get; private set; }

    public ApprovedList? Approved { get; private set; }

    public IReadOnlyList<CommitteeMemberView> Members { get; private set; } = [];

    public bool ActaIssued { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => new { c.Id, c.Name, c.FiscalYear }).SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        if (!await CommitteeQueries.IsMemberAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cycleId, cancellationToken))
        {
            return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }

        (CycleId, CycleName, FiscalYear) = (cycle.Id, cycle.Name, cycle.FiscalYear);
        Approved = await ApprovedListQuery.ForCycleAsync(db, cycleId, cancellationToken);
        Members = await CommitteeQueries.MembersAsync(db, cycleId, cancellationToken);
        ActaIssued = await ActaQueries.IsIssuedAsync(db, cycleId, cancellationToken);
        return Page();
    }
}
