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
/// The technical report: the recommendation as it stands (ranked within the ceiling, over the
/// evaluated proposals) and, once every submitted proposal is evaluated, its publication — once;
/// it freezes the evaluation.
/// </summary>
public sealed class ReportModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, AuditTrail audit) : CyclePageModel(db, currentActor)
{
    public RecommendationResult Preview { get; private set; } = null!;

    public int Pending { get; private set; }

    public int Submitted { get; private set; }

    public TechnicalReport? Published { get; private set; }

    public IReadOnlyDictionary<int, ReviewOutcome> Outcomes { get; private set; } = new Dictionary<int, ReviewOutcome>();

    public bool CanPublish => Published is null && Pending == 0 && Cycle.Phase == Domain.Cycles.Phase.Concertation;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        await BuildAsync(tracking: false, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var reported = await BuildAsync(tracking: true, cancellationToken);
        if (Published is not null)
        {
            // A second publish (a double click, a stale tab) changes nothing.
            TempData["Flash"] = Localizer["El informe técnico ya estaba publicado."].Value;
            return RedirectToPage(new { id });
        }

        var report = TechnicalReport.For(Cycle);
        try
        {
            report.Publish(Cycle, Actor, reported, LimaTime.Today(clock), clock.GetUtcNow());
            Db.TechnicalReports.Add(report);
            audit.Record(Cycle.Id, AuditActions.EvaluationRecorded, $"cycle:{Cycle.Id}", "technical report published");
            await Db.SaveChangesAsync(cancellationToken);
            TempData["Flash"] = Localizer["Informe técnico publicado. La evaluación quedó cerrada."].Value;
            return RedirectToPage(new { id });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            ModelState.AddModelError("", Localizer["Otra persona cambió la evaluación o publicó el informe al mismo tiempo. Revise la página."]);
        }

        Db.ChangeTracker.Clear();
        await LoadAsync(id, cancellationToken);
        await BuildAsync(tracking: false, cancellationToken);
        return Page();
    }

    private async Task<IReadOnlyList<ReportedProposal>> BuildAsync(bool tracking, CancellationToken cancellationToken)
    {
        Published = await Db.TechnicalReports.AsNoTracking()
            .Include(r => r.Criteria)
            .Include(r => r.Entries).ThenInclude(e => e.Scores)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.CycleId == Cycle.Id && r.PublishedAt != null, cancellationToken);
        var queries = new EvaluationQueries(Db);
        var proposals = await queries.SubmittedProposalsAsync(Cycle.Id, cancellationToken);
        var reviews = await queries.ReviewsByProposalAsync(Cycle.Id, tracking, cancellationToken);
        var priority = await queries.ThemePriorityAsync(Cycle, cancellationToken);
        var reported = EvaluationQueries.Reported(proposals, reviews, priority);
        var today = LimaTime.Today(clock);
        (Preview, Pending) = EvaluationQueries.Preview(Cycle, reported, today);
        Submitted = proposals.Count;
        Outcomes = reported.Where(p => p.Review is not null)
            .ToDictionary(p => p.ProposalId, p => p.Review!.Outcome(Cycle, p.ThemePriority, p.EstimatedCost, today));
        return reported;
    }
}
