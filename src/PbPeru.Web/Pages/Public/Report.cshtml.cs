using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Public;

/// <summary>The published technical report of a cycle, for everyone; 404 until it is published.</summary>
public sealed class ReportModel(AppDbContext db) : PageModel
{
    public PublishedReport Published { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await PublishedReport.FindAsync(db, cycleId, cancellationToken) is not { } published)
        {
            return NotFound();
        }

        Published = published;
        return Page();
    }
}
