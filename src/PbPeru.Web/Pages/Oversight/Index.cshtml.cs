using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Oversight;

/// <summary>The committees the signed-in person sits on: one row per cycle.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int CycleId, string CycleName, int FiscalYear);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var cycleIds = await CommitteeQueries.CyclesOfMemberAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        Rows = await db.Cycles.AsNoTracking()
            .Where(c => cycleIds.Contains(c.Id))
            .OrderByDescending(c => c.FiscalYear).ThenBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.FiscalYear))
            .ToListAsync(cancellationToken);
    }
}
