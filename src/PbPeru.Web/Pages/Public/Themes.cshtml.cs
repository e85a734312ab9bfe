using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;

namespace PbPeru.Web.Pages.Public;

/// <summary>The result of the theme prioritization, public as the votes come in: themes by rank with their points and voters.</summary>
public sealed class ThemesModel(AppDbContext db) : PageModel
{
    public Cycle Cycle { get; private set; } = null!;

    public ThemePriority Tally { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Themes).Include(c => c.Calendar).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null || cycle.Phase == Phase.Draft)
        {
            return NotFound();
        }

        Cycle = cycle;
        var votes = await db.ThemeVotes.AsNoTracking().Include(v => v.Entries).Where(v => v.CycleId == cycleId).ToListAsync(cancellationToken);
        Tally = ThemePriority.Tally(cycle.Themes, votes, cycle.ProposalRules.ThemeVoting);
        return Page();
    }
}
