using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Pages.Cycles.Voting;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// The approved list of a cycle, for everyone, once its results are published; 404 until then. When
/// the workshop decided it by consensus, its record comes first, in place of a vote count.
/// </summary>
public sealed class ResultModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public ResultView View { get; private set; } = null!;

    /// <summary>The workshop's consensus record on the final prioritization; null when it was voted (or only the vote's minutes exist).</summary>
    public ConsensusView? Consensus { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var phase = await db.Cycles.Where(c => c.Id == id).Select(c => (Phase?)c.Phase).SingleOrDefaultAsync(cancellationToken);
        if (phase is null or < Phase.Published || await ResultView.LoadAsync(db, id, t, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        view.BallotsUrl = $"/Public/Ballots/{id}";
        View = view;
        Consensus = await ConsensusQueries.OfSubjectAsync(db, id, ConsensusSubject.FinalVote, cancellationToken);
        return Page();
    }
}
