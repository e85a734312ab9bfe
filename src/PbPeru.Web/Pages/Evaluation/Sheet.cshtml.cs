using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;

namespace PbPeru.Web.Pages.Evaluation;

/// <summary>
/// An assigned evaluator reads the proposal's ficha and records (or replaces) their sheet. Anyone
/// else is answered 404, on GET and on POST. The review's rules (reasons, scores on the scale, every
/// criterion scored) are the domain's; a refusal keeps what was typed and stores nothing.
/// </summary>
public sealed class SheetModel(AppDbContext db, TimeProvider clock, Notifier notifier, IStringLocalizer<SharedResource> t, AuditTrail audit) : PageModel
{
    public sealed class SheetInput
    {
        public bool? Eligible { get; set; }

        public string? EligibilityReason { get; set; }

        public Viability? Viability { get; set; }

        public string? Reason { get; set; }

        public string? AdjustedCost { get; set; }

        public string? CostJustification { get; set; }

        /// <summary>Score by criterion id.</summary>
        public Dictionary<int, int> Scores { get; set; } = [];
    }

    public sealed record District(string Ubigeo, string Name);

    [BindProperty]
    public SheetInput Input { get; set; } = new();

    public Cycle Cycle { get; private set; } = null!;

    public Proposal Proposal { get; private set; } = null!;

    public ProposalReview Review { get; private set; } = null!;

    public IReadOnlyList<District> Districts { get; private set; } = [];

    public IReadOnlyList<Criterion> TypedCriteria { get; private set; } = [];

    public Criterion? PriorityCriterion { get; private set; }

    public string ThemeName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public EvaluationSheet? MySheet { get; private set; }

    public bool CanRecord => Cycle.Phase == Phase.Concertation && !Review.IsFrozen;

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int proposalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(proposalId, cancellationToken))
        {
            return NotFound();
        }

        if (MySheet is { } sheet)
        {
            Input = new SheetInput
            {
                Eligible = sheet.Eligible,
                EligibilityReason = sheet.EligibilityReason,
                Viability = sheet.Viability,
                Reason = sheet.Reason,
                AdjustedCost = sheet.AdjustedCost is { } cost ? Amount.ForInput(cost) : null,
                CostJustification = sheet.CostJustification,
                Scores = sheet.Scores.ToDictionary(s => s.Key, s => s.Value),
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int proposalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(proposalId, cancellationToken))
        {
            return NotFound();
        }

        if (Input.Eligible is null)
        {
            ModelState.AddModelError("Input.Eligible", t["Indique si la propuesta es admisible."]);
        }

        if (Input.Viability is not { } viability || !Enum.IsDefined(viability))
        {
            ModelState.AddModelError("Input.Viability", t["Elija la viabilidad: viable, observada o no viable."]);
        }

        Money? adjusted = null;
        if (!string.IsNullOrWhiteSpace(Input.AdjustedCost))
        {
            if (Amount.TryParse(Input.AdjustedCost, out var parsed))
            {
                adjusted = parsed;
            }
            else
            {
                ModelState.AddModelError("Input.AdjustedCost", t["Escriba el costo en soles, por ejemplo 250000.00."]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Scores count only on a viable sheet; radios left checked before choosing another verdict are not part of it.
        var scores = Input.Viability == Viability.Viable ? Input.Scores : new Dictionary<int, int>();
        var input = new EvaluationSheetInput(
            Input.Eligible!.Value,
            Input.Eligible == true ? null : Input.EligibilityReason,
            Input.Viability!.Value,
            Input.Reason ?? "",
            adjusted,
            Input.CostJustification,
            scores);
        var today = Today;
        var openBefore = Review.OpenObservations(today).Select(o => o.AskedAt).ToHashSet();
        try
        {
            Review.RecordSheet(Cycle, Me, input, Proposal.EstimatedCost, today, clock.GetUtcNow());
            new EvaluationQueries(db).Touch(Review);
            audit.Record(Cycle.Id, AuditActions.EvaluationRecorded, $"proposal:{Proposal.Id}", $"sheet: {input.Viability}");
            var asked = Review.OpenObservations(today).FirstOrDefault(o => o.AskedByUserId == Me && !openBefore.Contains(o.AskedAt));
            if (asked is not null)
            {
                await TellProposerAsync(asked, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await notifier.SendQueuedEmailsAsync(cancellationToken);
            TempData["Flash"] = t["Se registró su evaluación de «{0}».", Proposal.Title].Value;
            return RedirectToPage("/Evaluation/Index");
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            ModelState.AddModelError("", t["Otra persona cambió esta evaluación al mismo tiempo. Recargue la página y vuelva a intentarlo."]);
        }

        // Nothing was stored: show the stored review with what was typed.
        db.ChangeTracker.Clear();
        await LoadAsync(proposalId, cancellationToken);
        return Page();
    }

    /// <summary>The proposer (and the organization's representative) is told what to answer and by when.</summary>
    private async Task TellProposerAsync(Observation observation, CancellationToken cancellationToken)
    {
        var representative = await db.Organizations.Where(o => o.Id == Proposal.OrganizationId).Select(o => o.RepresentativeUserId).SingleOrDefaultAsync(cancellationToken);
        var deadline = LimaTime.Format(observation.Deadline);
        foreach (var userId in new[] { Proposal.ProposerUserId, representative }.OfType<string>().Distinct())
        {
            notifier.Notify(
                userId,
                t["Observación a su propuesta «{0}»", Proposal.Title],
                t["El equipo técnico observó su propuesta «{0}»: {1} Responda hasta el {2}.", Proposal.Title, observation.Question, deadline],
                $"/Proposals/Edit/{Proposal.Id}");
        }
    }

    private async Task<bool> LoadAsync(int proposalId, CancellationToken cancellationToken)
    {
        var proposal = await EvaluatorAccess.AssignedProposals(db, Me)
            .Include(p => p.Districts)
            .Include(p => p.Cofinancing)
            .Include(p => p.Years)
            .Include(p => p.Documents)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return false;
        }

        Proposal = proposal;
        Cycle = await db.Cycles
            .Include(c => c.Themes)
            .Include(c => c.Criteria).ThenInclude(c => c.Levels)
            .Include(c => c.Calendar)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == proposal.CycleId, cancellationToken);
        Review = await new EvaluationQueries(db).Reviews().SingleAsync(r => r.ProposalId == proposalId, cancellationToken);
        Today = LimaTime.Today(clock);
        MySheet = Review.SheetOf(Me);
        TypedCriteria = Consolidation.TypedCriteria(Cycle.Criteria, Cycle.ProposalRules);
        PriorityCriterion = Consolidation.ThemePriorityCriterion(Cycle.Criteria, Cycle.ProposalRules);
        ThemeName = Cycle.Themes.FirstOrDefault(x => x.Id == proposal.ThemeId)?.Name ?? "";
        var ubigeos = proposal.DistrictUbigeos.ToList();
        Districts = await db.Jurisdictions.Where(j => ubigeos.Contains(j.Ubigeo))
            .OrderBy(j => j.Ubigeo)
            .Select(j => new District(j.Ubigeo, j.Name))
            .ToListAsync(cancellationToken);
        return true;
    }
}
