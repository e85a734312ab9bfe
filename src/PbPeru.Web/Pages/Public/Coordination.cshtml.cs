using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Public;

/// <summary>A coordination space for everyone: the minutes, meetings and attendees, the agreements and the resulting lists.</summary>
public sealed class CoordinationModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public CoordinationRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int spaceId, CancellationToken cancellationToken)
    {
        if (await CoordinationRecord.FindAsync(db, spaceId, t, cancellationToken) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        return Page();
    }
}
