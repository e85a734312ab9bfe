using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web.Pages.Public;

/// <summary>The anonymized ballots (<c>.pb</c>) for everyone, once the cycle's results are published; 404 until then.</summary>
public sealed class BallotsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var phase = await db.Cycles.Where(c => c.Id == id).Select(c => (Phase?)c.Phase).SingleOrDefaultAsync(cancellationToken);
        if (phase is null or < Phase.Published || await BallotsFile.BuildAsync(db, id, t, clock, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        return File(file.Content, BallotsDownload.ContentType, file.FileName);
    }
}
