using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Pages.Cycles.Voting;

namespace PbPeru.Web.Pages.Public;

/// <summary>The approved list of a cycle, for everyone, once its results are published; 404 until then.</summary>
public sealed class ResultModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public ResultView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var phase = await db.Cycles.Where(c => c.Id == id).Select(c => (Phase?)c.Phase).SingleOrDefaultAsync(cancellationToken);
        if (phase is null or < Phase.Published || await ResultView.LoadAsync(db, id, t, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        view.BallotsUrl = $"/Public/Ballots/{id}";
        View = view;
        return Page();
    }
}
