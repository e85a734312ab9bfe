using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Pages.Public;

/// <summary>The published information workshop of a cycle, printable; its attachments are public once published (404 before).</summary>
public sealed class BriefingModel(AppDbContext db, IDocumentStore store) : PageModel
{
    public Cycle Cycle { get; private set; } = null!;

    public Briefing Briefing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Themes).SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        var briefing = await Published(cycleId).Include(b => b.PreviousAgreements).Include(b => b.Documents).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        if (cycle is null || briefing is null)
        {
            return NotFound();
        }

        Cycle = cycle;
        Briefing = briefing;
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(int cycleId, int documentId, CancellationToken cancellationToken)
    {
        var document = await Published(cycleId).SelectMany(b => b.Documents).SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        return document is null ? NotFound() : DocumentDownload.Of(store, document.StorageKey, document.ContentType, document.FileName, Response);
    }

    private IQueryable<Briefing> Published(int cycleId) => db.Briefings.AsNoTracking().Where(b => b.CycleId == cycleId && b.PublishedAt != null);
}
