using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;

namespace PbPeru.Web.Pages.Admin;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public int JurisdictionCount { get; private set; }

    public int UserCount { get; private set; }

    public int LockedOutCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        JurisdictionCount = await db.Jurisdictions.CountAsync(cancellationToken);
        UserCount = await db.Users.CountAsync(cancellationToken);

        var now = clock.GetUtcNow();
        LockedOutCount = await db.Users.CountAsync(u => u.LockoutEnd > now, cancellationToken);
    }
}
