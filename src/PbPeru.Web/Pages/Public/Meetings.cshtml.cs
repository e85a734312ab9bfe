using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Documents;
using PbPeru.Web.Pages.Cycles.Meetings;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// The meetings of a cycle for anyone: date, place, agenda, attendance counted by sex, minutes,
/// agreements and attachments. Nothing personal: counts only, never a name. Public from the call (any phase but Draft).
/// </summary>
public sealed class MeetingsModel(AppDbContext db, IDocumentStore store) : PageModel
{
    public sealed record Item(Meeting Meeting, MeetingCounts Counts);

    public Cycle Cycle { get; private set; } = null!;

    public IReadOnlyList<Item> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await PublicCycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        Cycle = cycle;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.CycleId == cycleId)
            .Include(m => m.Attendance).Include(m => m.Guests).Include(m => m.Agreements).Include(m => m.Documents)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var sexes = await AttendanceDesk.AgentSexesAsync(db, cycleId, cancellationToken);
        Meetings = meetings.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id).Select(m => new Item(m, m.Counts(sexes))).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(int cycleId, int documentId, CancellationToken cancellationToken)
    {
        if (await PublicCycleAsync(cycleId, cancellationToken) is null)
        {
            return NotFound();
        }

        var document = await db.Meetings.AsNoTracking().Where(m => m.CycleId == cycleId)
            .SelectMany(m => m.Documents).SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        return document is null ? NotFound() : DocumentDownload.Of(store, document.StorageKey, document.ContentType, document.FileName, Response);
    }

    private async Task<Cycle?> PublicCycleAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        return cycle is null || cycle.Phase == Phase.Draft ? null : cycle;
    }
}
