using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Data;

namespace PbPeru.Web.Pages.AgentCommittee;

/// <summary>The signed-in person's committee elections: one row per cycle where they are an agent and an election is set up.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int CycleId, string CycleName, int FiscalYear, CommitteeElectionState State, bool Counted);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow();
        var elections = await (
                from e in db.CommitteeElections.AsNoTracking()
                join c in db.Cycles.AsNoTracking() on e.CycleId equals c.Id
                where db.Agents.Any(a => a.UserId == userId && a.CycleId == c.Id)
                select new { Election = e, c.Name, c.FiscalYear })
            .ToListAsync(cancellationToken);
        Rows = [.. elections
            .Select(x => new Row(x.Election.CycleId, x.Name, x.FiscalYear, x.Election.StateAt(now), x.Election.CountedAt is not null))
            .OrderBy(r => r.State == CommitteeElectionState.Open ? 0 : r.State == CommitteeElectionState.Closed ? 2 : 1)
            .ThenByDescending(r => r.FiscalYear)];
    }
}
