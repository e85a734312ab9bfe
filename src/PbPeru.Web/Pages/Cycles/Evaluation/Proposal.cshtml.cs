using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;

namespace PbPeru.Web.Pages.Cycles.Evaluation;

/// <summary>
/// One proposal's technical file for the manager: every evaluator's sheet, the consolidation
/// (means, spread, disagreement, weighted score), the observations and answers, and the
/// consolidation meeting's form.
/// </summary>
public sealed class ProposalModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, AuditTrail audit) : CyclePageModel(db, currentActor)
{
    public sealed class MeetingInput
    {
        public Viability? Verdict { get; set; }

        public string? AdjustedCost { get; set; }

        public string? Minutes { get; set; }
    }

    [BindProperty]
    public MeetingInput Meeting { get; set; } = new();

    public Proposal Proposal { get; private set; } = null!;

    public ProposalReview? Review { get; private set; }

    public ReviewOutcome? Outcome { get; private set; }

    public string ThemeName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public bool CanChange => Cycle.Phase == Domain.Cycles.Phase.Concertation && Review is { IsFrozen: false };

    public async Task<IActionResult> OnGetAsync(int id, int proposalId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!await LoadProposalAsync(proposalId, cancellationToken))
        {
            return NotFound();
        }

        if (Review is { HasCurrentConsolidation: true })
        {
            Meeting = new MeetingInput
            {
                Verdict = Review.ConsolidatedVerdict,
                AdjustedCost = Review.ConsolidatedCost is { } cost ? Amount.ForInput(cost) : null,
                Minutes = Review.ConsolidationMinutes,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int proposalId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!await LoadProposalAsync(proposalId, cancellationToken) || Review is null)
        {
            return NotFound();
        }

        Money? cost = null;
        if (Meeting.Verdict is null or Viability.Observed || !Enum.IsDefined(Meeting.Verdict.Value))
        {
            ModelState.AddModelError("Meeting.Verdict", Localizer["Indique el veredicto de la reunión: viable o no viable."]);
        }

        if (!string.IsNullOrWhiteSpace(Meeting.AdjustedCost))
        {
            if (Amount.TryParse(Meeting.AdjustedCost, out var parsed))
            {
                cost = parsed;
            }
            else
            {
                ModelState.AddModelError("Meeting.AdjustedCost", Localizer["Escriba el costo en soles, por ejemplo 250000.00."]);
            }
        }

        if (string.IsNullOrWhiteSpace(Meeting.Minutes))
        {
            ModelState.AddModelError("Meeting.Minutes", Localizer["Escriba el acta de la reunión: quiénes participaron y qué se acordó."]);
        }

        if (ModelState.IsValid)
        {
            try
            {
                Review.RecordConsolidation(Cycle, Actor, Meeting.Verdict!.Value, cost, Meeting.Minutes!, Today, clock.GetUtcNow());
                new EvaluationQueries(Db).Touch(Review);
                audit.Record(Cycle.Id, AuditActions.EvaluationRecorded, $"proposal:{Proposal.Id}", $"consolidation: {Meeting.Verdict}");
                await Db.SaveChangesAsync(cancellationToken);
                TempData["Flash"] = Localizer["Se registró el resultado de la reunión de consolidación."].Value;
                return RedirectToPage(new { id, proposalId });
            }
            catch (DomainException e)
            {
                ModelState.AddDomainError(e);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
            {
                ModelState.AddModelError("", Localizer["Otra persona cambió esta evaluación al mismo tiempo. Recargue la página y vuelva a intentarlo."]);
            }

            // Show the stored review, not the refused change.
            Db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            await LoadProposalAsync(proposalId, cancellationToken);
        }

        return Page();
    }

    private async Task<bool> LoadProposalAsync(int proposalId, CancellationToken cancellationToken)
    {
        var proposal = await Db.Proposals.AsNoTracking()
            .Include(p => p.Cofinancing)
            .Include(p => p.Districts)
            .Include(p => p.Documents)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == proposalId && p.CycleId == Cycle.Id && p.Status != ProposalStatus.Draft, cancellationToken);
        if (proposal is null)
        {
            return false;
        }

        Proposal = proposal;
        Today = LimaTime.Today(clock);
        ThemeName = Cycle.Themes.FirstOrDefault(t => t.Id == proposal.ThemeId)?.Name ?? "";
        var queries = new EvaluationQueries(Db);
        Review = await queries.Reviews().SingleOrDefaultAsync(r => r.ProposalId == proposalId, cancellationToken);
        if (Review is not null)
        {
            var priority = await queries.ThemePriorityAsync(Cycle, cancellationToken);
            Outcome = Review.Outcome(Cycle, priority?.PriorityOf(proposal.ThemeId), proposal.EstimatedCost, Today);
        }

        return true;
    }
}
