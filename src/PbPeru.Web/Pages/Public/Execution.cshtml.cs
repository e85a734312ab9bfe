using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Execution;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Documents;
using PbPeru.Web.Infrastructure.Execution;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// The public account of a published cycle's execution: without a rank, every approved project with
/// its current state; with one, that project's timeline (every update, newest first, with its photos
/// and documents). 404 before the cycle is published.
/// </summary>
public sealed class ExecutionModel(AppDbContext db, IDocumentStore documents) : PageModel
{
    public Cycle Cycle { get; private set; } = null!;

    public string JurisdictionName { get; private set; } = "";

    public IReadOnlyList<ProjectExecutionView> Projects { get; private set; } = [];

    /// <summary>The project shown, when a rank was asked for.</summary>
    public ApprovedProject? Project { get; private set; }

    public ProjectExecution? FollowUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, int? rank, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null || cycle.Phase < Phase.Published)
        {
            return NotFound();
        }

        Cycle = cycle;
        var list = await ApprovedListQuery.ForCycleAsync(db, cycleId, cancellationToken);
        JurisdictionName = list?.JurisdictionName ?? cycle.JurisdictionUbigeo;
        if (rank is { } r)
        {
            Project = list?.Projects.FirstOrDefault(p => p.Rank == r);
            if (Project is null)
            {
                return NotFound();
            }

            FollowUp = await ExecutionQueries.OfProjectAsync(db, cycleId, r, tracking: false, cancellationToken);
        }

        Projects = await ExecutionQueries.ForCycleAsync(db, cycleId, cancellationToken);
        return Page();
    }

    /// <summary>A photo or document of a published cycle's project.</summary>
    public async Task<IActionResult> OnGetFileAsync(int cycleId, int rank, int attachmentId, CancellationToken cancellationToken)
    {
        // The phase is stored as text: compare it here, not in SQL.
        var phase = await db.Cycles.Where(c => c.Id == cycleId).Select(c => (Phase?)c.Phase).SingleOrDefaultAsync(cancellationToken);
        if (phase is null or < Phase.Published)
        {
            return NotFound();
        }

        var file = await ExecutionQueries.AttachmentAsync(db, cycleId, rank, attachmentId, cancellationToken);
        return file is null ? NotFound() : DocumentDownload.Of(documents, file.StorageKey, file.ContentType, file.FileName, Response);
    }
}
