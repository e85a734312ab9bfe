using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Pages.Proposals;
using PbPeru.Web.Pages.Questions;
using PbPeru.Web.Pages.Registration;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// A submitted proposal as the public sees it: the ficha (no proposer contact, no DNI) and the final
/// evaluation — the verdict and its reason, never the evaluators' sheets; once the technical report
/// is published, its rank and per-criterion means; and its questions and answers (hidden ones
/// replaced by the moderation's reason), with the ask form for whoever is signed in.
/// </summary>
public sealed class ProposalModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Cycle Cycle { get; private set; } = null!;

    public Proposal Proposal { get; private set; } = null!;

    public string Organization { get; private set; } = "";

    public string Theme { get; private set; } = "";

    public IReadOnlyList<string> DistrictNames { get; private set; } = [];

    public PublicState State { get; private set; }

    /// <summary>The final reason once evaluated (or from the report); null while in evaluation.</summary>
    public string? Reason { get; private set; }

    public TechnicalReportEntry? Reported { get; private set; }

    public IReadOnlyList<TechnicalReportCriterion> ReportCriteria { get; private set; } = [];

    /// <summary>The questions on the proposal, oldest first, each with its answers.</summary>
    public IReadOnlyList<ProposalQuestion> Questions { get; private set; } = [];

    /// <summary>The ask form for a signed-in person; null for the anonymous public.</summary>
    public QuestionFormView? AskForm { get; private set; }

    /// <summary>Whether the signed-in person answers here (the proposer or the jurisdiction's technical team).</summary>
    public bool CanAnswer { get; private set; }

    /// <summary>Whether the signed-in person moderates the cycle (a manager of its jurisdiction).</summary>
    public bool CanModerate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, int proposalId, CancellationToken cancellationToken)
    {
        var cycle = await ProposalReads.CycleAsync(db, cycleId, cancellationToken);
        var proposal = await db.Proposals.AsNoTracking()
            .Include(p => p.Districts).Include(p => p.Cofinancing).Include(p => p.Years).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == proposalId && p.CycleId == cycleId && p.Status == ProposalStatus.Submitted, cancellationToken);
        if (cycle is null || proposal is null)
        {
            return NotFound();
        }

        Cycle = cycle;
        Proposal = proposal;
        Organization = await db.Organizations.Where(o => o.Id == proposal.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        Theme = cycle.Themes.FirstOrDefault(t => t.Id == proposal.ThemeId)?.Name ?? "";
        var groups = await DistrictOptions.OfJurisdictionAsync(db, cycle.JurisdictionUbigeo, cancellationToken);
        DistrictNames = proposal.DistrictUbigeos.Select(d => groups.NameOf(d) ?? d).ToList();
        await LoadQuestionsAsync(cancellationToken);

        var report = await db.TechnicalReports.AsNoTracking()
            .Include(r => r.Criteria)
            .SingleOrDefaultAsync(r => r.CycleId == cycleId && r.PublishedAt != null, cancellationToken);
        if (report is not null)
        {
            ReportCriteria = report.Criteria;
            Reported = await db.TechnicalReports.AsNoTracking().Where(r => r.Id == report.Id).SelectMany(r => r.Entries)
                .Include(e => e.Scores).SingleOrDefaultAsync(e => e.ProposalId == proposalId, cancellationToken);
        }

        if (Reported is not null)
        {
            State = ProposalStates.Of(null, Reported);
            Reason = Reported.Reason;
            return Page();
        }

        var queries = new EvaluationQueries(db);
        var review = await queries.Reviews(tracking: false).SingleOrDefaultAsync(r => r.ProposalId == proposalId, cancellationToken);
        if (review is not null)
        {
            var priority = await queries.ThemePriorityAsync(cycle, cancellationToken);
            var outcome = review.Outcome(cycle, priority?.PriorityOf(proposal.ThemeId), proposal.EstimatedCost, LimaTime.Today(clock));
            State = ProposalStates.Of(outcome, null);
            Reason = outcome.IsEvaluated ? outcome.Reason : null;
        }

        return Page();
    }

    private async Task LoadQuestionsAsync(CancellationToken cancellationToken)
    {
        Questions = await db.ProposalQuestions.AsNoTracking().Include(q => q.Answers)
            .Where(q => q.ProposalId == Proposal.Id)
            .OrderBy(q => q.AskedAt).ThenBy(q => q.Id)
            .ToListAsync(cancellationToken);
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        AskForm = new QuestionFormView(Proposal.Id, null, QuestionAccess.NewKey());
        CanAnswer = (await QuestionAccess.RolesAsync(db, Cycle, Proposal, User, cancellationToken)).Count > 0;
        CanModerate = await QuestionAccess.ModeratesAsync(db, Cycle, User, cancellationToken);
    }
}
