using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Documents;
using PbPeru.Web.Infrastructure.Execution;

namespace PbPeru.Web.Pages.Public;

/// <summary>The published information workshop of a cycle, printable; its attachments are public once published (404 before).</summary>
public sealed class BriefingModel(AppDbContext db, IDocumentStore store) : PageModel
{
    public Cycle Cycle { get; private set; } = null!;

    public Briefing Briefing { get; private set; } = null!;

    /// <summary>The previous cycle of the jurisdiction whose execution this workshop accounts for (rendición de cuentas); null when there is none.</summary>
    public (int Id, string Name, int FiscalYear)? PreviousCycle { get; private set; }

    public IReadOnlyList<ProjectExecutionView> PreviousExecution { get; private set; } = [];

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
        await LoadAccountabilityAsync(cycle, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(int cycleId, int documentId, CancellationToken cancellationToken)
    {
        var document = await Published(cycleId).SelectMany(b => b.Documents).SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        return document is null ? NotFound() : DocumentDownload.Of(store, document.StorageKey, document.ContentType, document.FileName, Response);
    }

    /// <summary>The latest earlier fiscal year's cycle of the same jurisdiction that reached Published (or later), with its projects' execution.</summary>
    private async Task LoadAccountabilityAsync(Cycle cycle, CancellationToken cancellationToken)
    {
        // The phase is stored as text: filter it in memory.
        var earlier = await db.Cycles.AsNoTracking()
            .Where(c => c.JurisdictionUbigeo == cycle.JurisdictionUbigeo && c.FiscalYear < cycle.FiscalYear)
            .Select(c => new { c.Id, c.Name, c.FiscalYear, c.Phase })
            .ToListAsync(cancellationToken);
        var previous = earlier.Where(c => c.Phase >= Phase.Published).MaxBy(c => c.FiscalYear);
        if (previous is null)
        {
            return;
        }

        PreviousCycle = (previous.Id, previous.Name, previous.FiscalYear);
        PreviousExecution = await ExecutionQueries.ForCycleAsync(db, previous.Id, cancellationToken);
    }

    private IQueryable<Briefing> Published(int cycleId) => db.Briefings.AsNoTracking().Where(b => b.CycleId == cycleId && b.PublishedAt != null);
}
