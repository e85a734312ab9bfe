using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Coordination;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;

namespace PbPeru.Web.Pages.Cycles;

/// <summary>The cycle at a glance: its phase, calendar, configuration, what blocks the next move, its history.</summary>
public sealed class DashboardModel(AppDbContext db, CurrentActor currentActor, CycleFactsQuery factsQuery, TimeProvider clock, AuditTrail audit)
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
            // Entering Coordination joins the department's coordination space in the same save. Two
            // cycles of a department joining at once collide on its unique indexes: read again and retry.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var facts = await factsQuery.ForAsync(Cycle, cancellationToken);
                    var join = to == Phase.Coordination ? await PrepareJoinAsync(cancellationToken) : null;
                    if (await TrySaveAsync(() =>
                    {
                        Cycle.AdvanceTo(to, Actor, facts, clock.GetUtcNow());
                        audit.Record(Cycle.Id, AuditActions.PhaseMoved, $"cycle:{Cycle.Id}", $"{Cycle.Transitions[^1].From} → {to}");
                        join?.Invoke();
                    }, cancellationToken))
                    {
                        return RedirectToDashboard(Localizer["El ciclo pasó a la fase de {0}.", PhaseNames.Of(to)]);
                    }

                    break;
                }
                catch (DbUpdateException e) when (attempt < 3 && Infrastructure.DatabaseErrors.IsUniqueViolation(e))
                {
                    Db.ChangeTracker.Clear();
                    if (await LoadAsync(id, cancellationToken) is { } gone)
                    {
                        return gone;
                    }
                }
            }
        }

        await EvaluateNextMoveAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// What joining the coordination space takes, read before the save: the published report, its
    /// selected proposals and the department's space (created in the save if it is the first cycle).
    /// Null when there is nothing to join with (no published report: the gate refuses the move).
    /// </summary>
    private async Task<Action?> PrepareJoinAsync(CancellationToken cancellationToken)
    {
        var report = await Db.TechnicalReports.Include(r => r.Entries)
            .SingleOrDefaultAsync(r => r.CycleId == Cycle.Id && r.PublishedAt != null, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var selected = report.Entries.Where(e => e.Selected).Select(e => e.ProposalId).ToList();
        var proposals = await Db.Proposals.Include(p => p.Districts).AsSplitQuery()
            .Where(p => selected.Contains(p.Id)).ToListAsync(cancellationToken);
        var department = CoordinationScope.DepartmentOf(Cycle.JurisdictionUbigeo);
        var space = await CoordinationQueries.Spaces(Db)
            .SingleOrDefaultAsync(s => s.DepartmentUbigeo == department && s.FiscalYear == Cycle.FiscalYear, cancellationToken);
        if (space?.CycleOf(Cycle.Id) is not null)
        {
            return null;
        }

        return () =>
        {
            if (space is null)
            {
                space = CoordinationSpace.Open(department, Cycle.FiscalYear);
                Db.CoordinationSpaces.Add(space);
            }
            else
            {
                Db.Entry(space).Property("Version").IsModified = true;
            }

            space.Join(Cycle, Jurisdiction, report, proposals.Select(p => ListedProposal.From(p, Cycle)).ToList(), Actor, clock.GetUtcNow());
        };
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
