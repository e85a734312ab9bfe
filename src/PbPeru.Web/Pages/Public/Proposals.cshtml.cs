using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Pages.Proposals;
using PbPeru.Web.Pages.Registration;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// The public catalogue of a cycle's submitted proposals (drafts and withdrawn ones are not shown),
/// with filters by theme, district and state, a search by title, 25 per page. The query stays on
/// the server: theme and district filter in SQL; the title search folds (accents, case) the
/// cycle's titles only; the state comes from the published report's entries (SQL) or, before the
/// report, from the reviews' outcomes, computed only for the rows that need it.
/// </summary>
public sealed class ProposalsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string Title, string Theme, IReadOnlyList<string> Districts, Money EstimatedCost, int Beneficiaries, PublicState State);

    [BindProperty(SupportsGet = true)]
    public int? Theme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public Cycle Cycle { get; private set; } = null!;

    public IReadOnlyList<DistrictGroup> Districts { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public bool ReportPublished { get; private set; }

    public bool Filtered => Theme is not null || !string.IsNullOrWhiteSpace(District) || !string.IsNullOrWhiteSpace(State) || !string.IsNullOrWhiteSpace(Q);

    public async Task<IActionResult> OnGetAsync(int cycleId, [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking()
            .Include(c => c.Themes).Include(c => c.Criteria).ThenInclude(c => c.Levels).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null || cycle.Phase == Phase.Draft)
        {
            return NotFound();
        }

        Cycle = cycle;
        Districts = await DistrictOptions.OfJurisdictionAsync(db, cycle.JurisdictionUbigeo, cancellationToken);
        var today = LimaTime.Today(clock);
        var reportId = await db.TechnicalReports.Where(r => r.CycleId == cycleId && r.PublishedAt != null).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
        ReportPublished = reportId is not null;

        var query = db.Proposals.AsNoTracking().Where(p => p.CycleId == cycleId && p.Status == ProposalStatus.Submitted);
        if (Theme is { } theme)
        {
            query = query.Where(p => p.ThemeId == theme);
        }

        if (!string.IsNullOrWhiteSpace(District))
        {
            var district = District.Trim();
            query = query.Where(p => p.Districts.Any(d => d.Ubigeo == district));
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = SearchText.Fold(Q);
            var titles = await query.Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
            var matching = titles.Where(p => SearchText.Fold(p.Title).Contains(term, StringComparison.Ordinal)).Select(p => p.Id).ToList();
            query = query.Where(p => matching.Contains(p.Id));
        }

        var queries = new EvaluationQueries(db);
        ThemePriority? priority = null;
        var state = ProposalStates.FromSlug(State);
        if (state is { } wanted)
        {
            if (reportId is { } rid)
            {
                var entries = db.TechnicalReports.Where(r => r.Id == rid).SelectMany(r => r.Entries);
                query = wanted switch
                {
                    PublicState.Recommended => query.Where(p => entries.Any(e => e.ProposalId == p.Id && e.Selected)),
                    PublicState.Viable => query.Where(p => entries.Any(e => e.ProposalId == p.Id && !e.Selected && e.Verdict == Viability.Viable)),
                    PublicState.NotViable => query.Where(p => entries.Any(e => e.ProposalId == p.Id && e.Verdict == Viability.NotViable)),
                    _ => query.Where(p => false),
                };
            }
            else if (wanted == PublicState.Recommended)
            {
                query = query.Where(p => false);
            }
            else
            {
                // Before the report the state is the review's outcome: computed for the proposals
                // that have a review (the others are in evaluation).
                priority = await queries.ThemePriorityAsync(cycle, cancellationToken);
                var candidates = await query.Select(p => new { p.Id, p.ThemeId, p.EstimatedCost }).ToListAsync(cancellationToken);
                var ids = candidates.Select(c => c.Id).ToList();
                var reviews = await queries.Reviews(tracking: false).Where(r => ids.Contains(r.ProposalId)).ToDictionaryAsync(r => r.ProposalId, cancellationToken);
                var matching = candidates
                    .Where(c => ProposalStates.Of(reviews.GetValueOrDefault(c.Id)?.Outcome(cycle, priority?.PriorityOf(c.ThemeId), c.EstimatedCost, today), null) == wanted)
                    .Select(c => c.Id)
                    .ToList();
                query = query.Where(p => matching.Contains(p.Id));
            }
        }

        var total = await query.CountAsync(cancellationToken);
        Pager = Pager.For(pageNumber, PageSize, total);
        var page = await query
            .OrderByDescending(p => p.SubmittedAt).ThenBy(p => p.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(p => new { p.Id, p.Title, p.ThemeId, p.EstimatedCost, p.Beneficiaries, Districts = p.Districts.Select(d => d.Ubigeo).ToList() })
            .ToListAsync(cancellationToken);

        // The state of this page's rows only.
        var pageIds = page.Select(p => p.Id).ToList();
        var states = new Dictionary<int, PublicState>();
        if (reportId is { } published)
        {
            var entries = await db.TechnicalReports.Where(r => r.Id == published).SelectMany(r => r.Entries)
                .Where(e => pageIds.Contains(e.ProposalId))
                .Select(e => new { e.ProposalId, e.Selected, e.Verdict })
                .ToListAsync(cancellationToken);
            foreach (var e in entries)
            {
                states[e.ProposalId] = e.Selected ? PublicState.Recommended : e.Verdict == Viability.Viable ? PublicState.Viable : PublicState.NotViable;
            }
        }
        else
        {
            priority ??= await queries.ThemePriorityAsync(cycle, cancellationToken);
            var reviews = await queries.Reviews(tracking: false).Where(r => pageIds.Contains(r.ProposalId)).ToListAsync(cancellationToken);
            foreach (var review in reviews)
            {
                var p = page.Single(x => x.Id == review.ProposalId);
                states[p.Id] = ProposalStates.Of(review.Outcome(cycle, priority?.PriorityOf(p.ThemeId), p.EstimatedCost, today), null);
            }
        }

        var themeNames = cycle.Themes.ToDictionary(t => t.Id, t => t.Name);
        var districtNames = Districts.SelectMany(g => g.Districts).ToDictionary(d => d.Ubigeo, d => d.Name);
        Rows = page.Select(p => new Row(
            p.Id, p.Title, themeNames.GetValueOrDefault(p.ThemeId, ""),
            p.Districts.Select(d => districtNames.GetValueOrDefault(d, d)).ToList(),
            p.EstimatedCost, p.Beneficiaries, states.GetValueOrDefault(p.Id, PublicState.InEvaluation))).ToList();
        return Page();
    }
}
