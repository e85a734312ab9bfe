using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Evaluation;

/// <summary>
/// The evaluator's queue: only the proposals assigned to them, across the cycles of the
/// jurisdictions they serve, filtered and paged in SQL (quick with hundreds of proposals).
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    public const string Pending = "pending";
    public const string Done = "done";
    public const string All = "all";

    /// <summary>
    /// One assigned proposal. MySheet: my latest verdict, null before my first sheet.
    /// ObservationDeadline / ObservationAnswered: my latest question to the proposer, if any.
    /// </summary>
    public sealed record Row(
        int ProposalId,
        string Title,
        string CycleName,
        string ThemeName,
        Money RequestedAmount,
        Viability? MySheet,
        DateTimeOffset? RecordedAt,
        DateOnly? ObservationDeadline,
        bool ObservationAnswered);

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    public int PendingCount { get; private set; }

    public int DoneCount { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Show = Show is Done or All ? Show : Pending;
        Today = LimaTime.Today(clock);

        // A sheet is done once it carries a verdict; an observed one waits for the answer and a new sheet.
        var assigned = EvaluatorAccess.AssignedProposals(db, me).AsNoTracking()
            .Select(p => new
            {
                Proposal = p,
                Done = db.ProposalReviews.Any(r => r.ProposalId == p.Id && r.Sheets.Any(s => s.EvaluatorUserId == me && s.Viability != Viability.Observed)),
            });
        var counts = await assigned.GroupBy(x => x.Done).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        DoneCount = counts.SingleOrDefault(c => c.Key)?.Count ?? 0;
        PendingCount = counts.SingleOrDefault(c => !c.Key)?.Count ?? 0;

        var filtered = Show switch
        {
            Done => assigned.Where(x => x.Done),
            All => assigned,
            _ => assigned.Where(x => !x.Done),
        };
        Pager = Pager.For(pageNumber, PageSize, Show == Done ? DoneCount : Show == All ? DoneCount + PendingCount : PendingCount);
        var rows = await filtered
            .OrderBy(x => x.Done)
            .ThenBy(x => x.Proposal.SubmittedAt)
            .ThenBy(x => x.Proposal.Id)
            .Skip(Pager.Skip)
            .Take(PageSize)
            .Select(x => new
            {
                x.Proposal.Id,
                x.Proposal.Title,
                CycleName = db.Cycles.Where(c => c.Id == x.Proposal.CycleId).Select(c => c.Name).FirstOrDefault(),
                ThemeName = db.Cycles.Where(c => c.Id == x.Proposal.CycleId).SelectMany(c => c.Themes).Where(t => t.Id == x.Proposal.ThemeId).Select(t => t.Name).FirstOrDefault(),
                x.Proposal.RequestedAmount,
                Sheet = db.ProposalReviews.Where(r => r.ProposalId == x.Proposal.Id).SelectMany(r => r.Sheets)
                    .Where(s => s.EvaluatorUserId == me).Select(s => new { s.Viability, s.RecordedAt }).FirstOrDefault(),
                Observation = db.ProposalReviews.Where(r => r.ProposalId == x.Proposal.Id).SelectMany(r => r.Observations)
                    .Where(o => o.AskedByUserId == me).OrderByDescending(o => o.AskedAt)
                    .Select(o => new { o.Deadline, Answered = o.AnsweredAt != null }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Rows = rows.Select(r => new Row(
            r.Id, r.Title, r.CycleName ?? "", r.ThemeName ?? "", r.RequestedAmount,
            r.Sheet?.Viability, r.Sheet?.RecordedAt, r.Observation?.Deadline, r.Observation?.Answered == true)).ToList();
    }
}
