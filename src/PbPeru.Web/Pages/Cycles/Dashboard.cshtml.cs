using Microsoft.AspNetCore.Mvc;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles;

/// <summary>The cycle at a glance: its phase, calendar, configuration, what blocks the next move, its history.</summary>
public sealed class DashboardModel(AppDbContext db, CurrentActor currentActor, CycleFactsQuery factsQuery, TimeProvider clock)
    : CyclePageModel(db, currentActor)
{
    public GateResult? NextMove { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        await EvaluateNextMoveAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAdvanceAsync(int id, Phase to, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        // The same move sent twice (a double click, a retry) finds it already done.
        if (Cycle.Phase == to && Cycle.Transitions.Any(t => t.To == to))
        {
            return RedirectToDashboard(Localizer["El ciclo ya está en la fase de {0}.", PhaseNames.Of(to)]);
        }

        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), Localizer["Marque la casilla para confirmar que el cambio de fase no se puede deshacer."]);
        }
        else
        {
            var facts = await factsQuery.ForAsync(Cycle, cancellationToken);
            if (await TrySaveAsync(() => Cycle.AdvanceTo(to, Actor, facts, clock.GetUtcNow()), cancellationToken))
            {
                return RedirectToDashboard(Localizer["El ciclo pasó a la fase de {0}.", PhaseNames.Of(to)]);
            }
        }

        await EvaluateNextMoveAsync(cancellationToken);
        return Page();
    }

    private async Task EvaluateNextMoveAsync(CancellationToken cancellationToken)
    {
        Today = LimaTime.Today(clock);
        if (Cycle.NextPhase is { } next)
        {
            NextMove = Cycle.CheckMove(next, await factsQuery.ForAsync(Cycle, cancellationToken));
        }
    }
}
