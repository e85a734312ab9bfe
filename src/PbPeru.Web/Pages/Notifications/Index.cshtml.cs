using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Notifications;

/// <summary>The signed-in person's notices (a review decision on their organization, say), newest first.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string Text, string? Link, DateTimeOffset CreatedAt, bool IsRead);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    public int UnreadCount { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.Where(n => n.UserId == UserId);
        UnreadCount = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        Pager = Pager.For(pageNumber, PageSize, await mine.CountAsync(cancellationToken));
        Rows = await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(n => new Row(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Notifications
            .Where(n => n.UserId == UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return RedirectToPage();
    }

    /// <summary>Opens what a notice is about, marking it read. Only the person's own notice, only a local address.</summary>
    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken)
    {
        var notice = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == UserId, cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }

        notice.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return notice.Link is { } link && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage();
    }
}
