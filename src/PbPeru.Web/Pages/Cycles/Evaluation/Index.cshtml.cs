using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles.Evaluation;

/// <summary>
/// The manager's view of the technical evaluation: the cycle's submitted proposals with where each
/// stands, filtered and paged; evaluators assigned by hand or evenly, and unassigned.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, Notifier notifier)
    : CyclePageModel(db, currentActor)
{
    public const int PageSize = 25;

    public sealed record Row(EvaluatedProposal Proposal, string ThemeName, ReviewStatus Status, decimal? Score, IReadOnlyList<AssignedEvaluator> Evaluators);

    public sealed record AssignedEvaluator(string UserId, string Name, bool Recorded);

    [BindProperty(SupportsGet = true)]
    public ReviewStatus? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EvaluatorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Theme { get; set; }

    [BindProperty]
    public int PerProposal { get; set; } = 2;

    public IReadOnlyList<Evaluator> Evaluators { get; private set; } = [];

    public IReadOnlyDictionary<ReviewStatus, int> Counts { get; private set; } = new Dictionary<ReviewStatus, int>();

    public int Total { get; private set; }

    public int LackingEvaluators { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    public bool IsFiltered => State is not null || !string.IsNullOrEmpty(EvaluatorId) || Theme is not null;

    public bool CanChange => Cycle.Phase == Domain.Cycles.Phase.Concertation && !ReportPublished;

    public bool ReportPublished { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        await ListAsync(pageNumber, cancellationToken);
        return Page();
    }

    /// <summary>Assigns one evaluator to one proposal, opening its review when it has none.</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, int proposalId, string? evaluatorUserId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var queries = new EvaluationQueries(Db);
        var evaluator = (await queries.EvaluatorsAsync(Cycle.JurisdictionUbigeo, cancellationToken)).FirstOrDefault(e => e.UserId == evaluatorUserId);
        var proposal = await Db.Proposals.AsNoTracking()
            .Where(p => p.Id == proposalId && p.CycleId == id && p.Status == ProposalStatus.Submitted)
            .Select(p => new { p.Id, p.Title })
            .SingleOrDefaultAsync(cancellationToken);
        if (proposal is null)
        {
            return NotFound();
        }

        if (evaluator is null)
        {
            ModelState.AddModelError("", Localizer["Elija un evaluador del equipo técnico de esta jurisdicción."]);
            return await ShowAsync(cancellationToken);
        }

        var done = await TryAssignAsync([new PlannedAssignment(proposal.Id, evaluator.UserId)], [evaluator], cancellationToken);
        if (!done)
        {
            return await ShowAsync(cancellationToken);
        }

        TempData["Flash"] = Localizer["{0} evaluará «{1}».", evaluator.Name, proposal.Title].Value;
        return RedirectToPage(new { id, State, EvaluatorId, Theme });
    }

    /// <summary>Gives every proposal lacking evaluators the ones it lacks, balancing the team's load.</summary>
    public async Task<IActionResult> OnPostEvenlyAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var queries = new EvaluationQueries(Db);
        var evaluators = await queries.EvaluatorsAsync(Cycle.JurisdictionUbigeo, cancellationToken);
        var proposals = await queries.SubmittedProposalsAsync(id, cancellationToken);
        var reviews = await queries.ReviewsByProposalAsync(id, tracking: false, cancellationToken);
        IReadOnlyList<PlannedAssignment> plan;
        try
        {
            var existing = reviews.Values.SelectMany(r => r.Assignments.Select(a => new PlannedAssignment(r.ProposalId, a.EvaluatorUserId))).ToList();
            plan = EvaluationAssignments.Evenly(proposals.Select(p => p.Id), evaluators.Select(e => e.UserId), PerProposal, existing);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return await ShowAsync(cancellationToken);
        }

        if (plan.Count == 0)
        {
            TempData["Flash"] = Localizer["Todas las propuestas ya tienen {0} evaluadores.", PerProposal].Value;
            return RedirectToPage(new { id });
        }

        if (!await TryAssignAsync(plan, evaluators, cancellationToken))
        {
            return await ShowAsync(cancellationToken);
        }

        TempData["Flash"] = Localizer["Se hicieron {0} asignaciones entre {1} evaluadores.", plan.Count, plan.Select(p => p.EvaluatorUserId).Distinct().Count()].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnassignAsync(int id, int proposalId, string? evaluatorUserId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var queries = new EvaluationQueries(Db);
        var review = await queries.Reviews().SingleOrDefaultAsync(r => r.ProposalId == proposalId && r.CycleId == id, cancellationToken);
        if (review is null || evaluatorUserId is null)
        {
            return NotFound();
        }

        try
        {
            var name = review.Assignments.FirstOrDefault(a => a.EvaluatorUserId == evaluatorUserId)?.EvaluatorName;
            review.Unassign(Cycle, Actor, evaluatorUserId);
            queries.Touch(review);
            await Db.SaveChangesAsync(cancellationToken);
            TempData["Flash"] = Localizer["Se quitó a {0} de la propuesta.", name ?? ""].Value;
            return RedirectToPage(new { id, State, EvaluatorId, Theme });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            ModelState.AddModelError("", Localizer["Otra persona cambió esta evaluación al mismo tiempo. Revise la lista y vuelva a intentarlo."]);
        }

        Db.ChangeTracker.Clear();
        return await ShowAsync(cancellationToken);
    }

    /// <summary>
    /// Makes the planned assignments in one save and tells each evaluator what is new in their queue.
    /// Reviews are opened where missing; a review another request opened first is picked up on a
    /// second try. An evaluator already on the proposal (a double submit) is left as is.
    /// </summary>
    private async Task<bool> TryAssignAsync(IReadOnlyList<PlannedAssignment> plan, IReadOnlyList<Evaluator> evaluators, CancellationToken cancellationToken)
    {
        var names = evaluators.ToDictionary(e => e.UserId, e => e.Name, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var queries = new EvaluationQueries(Db);
            var proposalIds = plan.Select(p => p.ProposalId).Distinct().ToList();
            var reviews = await queries.Reviews().Where(r => proposalIds.Contains(r.ProposalId)).ToDictionaryAsync(r => r.ProposalId, cancellationToken);
            var made = new List<PlannedAssignment>();
            try
            {
                foreach (var planned in plan)
                {
                    if (!reviews.TryGetValue(planned.ProposalId, out var review))
                    {
                        review = ProposalReview.For(Cycle, planned.ProposalId);
                        Db.ProposalReviews.Add(review);
                        reviews[planned.ProposalId] = review;
                    }

                    if (review.IsAssigned(planned.EvaluatorUserId))
                    {
                        continue;
                    }

                    review.Assign(Cycle, Actor, planned.EvaluatorUserId, names[planned.EvaluatorUserId], now);
                    queries.Touch(review);
                    made.Add(planned);
                }

                foreach (var group in made.GroupBy(m => m.EvaluatorUserId))
                {
                    var count = group.Count();
                    notifier.Notify(
                        group.Key,
                        Localizer["Propuestas por evaluar en {0}", Cycle.Name],
                        count == 1
                            ? Localizer["Se le asignó una propuesta para su evaluación técnica en {0}.", Cycle.Name]
                            : Localizer["Se le asignaron {0} propuestas para su evaluación técnica en {1}.", count, Cycle.Name],
                        "/Evaluation");
                }

                await Db.SaveChangesAsync(cancellationToken);
                await notifier.SendQueuedEmailsAsync(cancellationToken);
                return true;
            }
            catch (DomainException e)
            {
                Db.ChangeTracker.Clear();
                ModelState.AddDomainError(e);
                return false;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e) && attempt < 3)
            {
                // Another request opened a review or assigned at the same moment: look again.
                Db.ChangeTracker.Clear();
                await LoadAsync(Cycle.Id, cancellationToken);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
            {
                Db.ChangeTracker.Clear();
                ModelState.AddModelError("", Localizer["Otra persona cambió esta evaluación al mismo tiempo. Revise la lista y vuelva a intentarlo."]);
                return false;
            }
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        await ListAsync(1, cancellationToken);
        return Page();
    }

    private async Task ListAsync(int pageNumber, CancellationToken cancellationToken)
    {
        var queries = new EvaluationQueries(Db);
        var today = LimaTime.Today(clock);
        Evaluators = await queries.EvaluatorsAsync(Cycle.JurisdictionUbigeo, cancellationToken);
        ReportPublished = await Db.TechnicalReports.AnyAsync(r => r.CycleId == Cycle.Id && r.PublishedAt != null, cancellationToken);
        var proposals = await queries.SubmittedProposalsAsync(Cycle.Id, cancellationToken);
        var reviews = await queries.ReviewsByProposalAsync(Cycle.Id, tracking: false, cancellationToken);
        var priority = await queries.ThemePriorityAsync(Cycle, cancellationToken);
        var themes = Cycle.Themes.ToDictionary(t => t.Id, t => t.Name);

        var all = proposals.Select(p =>
        {
            var review = reviews.GetValueOrDefault(p.Id);
            var outcome = review?.Outcome(Cycle, priority?.PriorityOf(p.ThemeId), p.EstimatedCost, today);
            var evaluators = review is null
                ? []
                : review.Assignments.Select(a => new AssignedEvaluator(a.EvaluatorUserId, a.EvaluatorName, review.SheetOf(a.EvaluatorUserId) is not null)).ToList();
            return new Row(p, themes.GetValueOrDefault(p.ThemeId, ""), outcome?.Status ?? ReviewStatus.Unassigned, outcome?.Consolidated.Score, evaluators);
        }).ToList();

        Counts = Enum.GetValues<ReviewStatus>().ToDictionary(s => s, s => all.Count(r => r.Status == s));
        Total = all.Count;
        LackingEvaluators = all.Count(r => r.Evaluators.Count < PerProposal);

        var filtered = all.AsEnumerable();
        if (State is { } state)
        {
            filtered = filtered.Where(r => r.Status == state);
        }

        if (!string.IsNullOrEmpty(EvaluatorId))
        {
            filtered = filtered.Where(r => r.Evaluators.Any(e => e.UserId == EvaluatorId));
        }

        if (Theme is { } theme)
        {
            filtered = filtered.Where(r => r.Proposal.ThemeId == theme);
        }

        var list = filtered.ToList();
        Pager = Pager.For(pageNumber, PageSize, list.Count);
        Rows = list.Skip(Pager.Skip).Take(PageSize).ToList();
    }
}
