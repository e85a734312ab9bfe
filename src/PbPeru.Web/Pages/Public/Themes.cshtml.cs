using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// The result of the theme prioritization, public as the votes come in: themes by rank with their
/// points and voters; or, when the workshop decided them by consensus, its record in place of the count.
/// </summary>
public sealed class ThemesModel(AppDbContext db) : PageModel
{
    public Cycle Cycle { get; private set; } = null!;

    public ThemePriority Tally { get; private set; } = null!;

    /// <summary>The workshop's consensus on the priorities, shown in place of the vote count; null when they were voted.</summary>
    public ConsensusView? Consensus { get; private set; }

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
        Consensus = await ConsensusQueries.OfSubjectAsync(db, cycleId, ConsensusSubject.ThemePriorities, cancellationToken);
        return Page();
    }
}
