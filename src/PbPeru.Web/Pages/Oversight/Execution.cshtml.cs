using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Execution;

namespace PbPeru.Web.Pages.Oversight;

/// <summary>
/// The follow-up of a cycle's execution: every approved project with its latest state, and the way
/// to record an update or the committee's periodic report. Only this cycle's oversight committee
/// and the staff managing its jurisdiction (403 for anyone else).
/// </summary>
public sealed class ExecutionModel(AppDbContext db, CurrentActor currentActor) : PageModel
{
    public ExecutionAccess Access { get; private set; } = null!;

    public IReadOnlyList<ProjectExecutionView> Projects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        var access = await ExecutionAccess.OfAsync(db, currentActor, cycleId, cancellationToken);
        if (!ExecutionAccess.Admits(access, out var refusal))
        {
            return refusal;
        }

        Access = access;
        Projects = await ExecutionQueries.ForCycleAsync(db, cycleId, cancellationToken);
        return Page();
    }
}
