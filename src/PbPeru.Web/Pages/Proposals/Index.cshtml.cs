using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Proposals;

/// <summary>
/// The proposer's home: its proposals across cycles (its own, and as representative those of its
/// organizations) and the cycles in Concertation where it may propose now.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Title, string Cycle, string Organization, ProposalStatus Status, Money EstimatedCost, DateTimeOffset UpdatedAt);

    public sealed record OpenCycle(int CycleId, string Cycle, int OrganizationId, string Organization, bool WindowOpen, CalendarEntry? Window);

    public IReadOnlyList<Row> Proposals { get; private set; } = [];

    public IReadOnlyList<OpenCycle> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        Proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.ProposerUserId == userId || db.Organizations.Any(o => o.Id == p.OrganizationId && o.RepresentativeUserId == userId))
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p => new Row(
                p.Id, p.Title,
                db.Cycles.Where(c => c.Id == p.CycleId).Select(c => c.Name).Single(),
                db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.Name).Single(),
                p.Status, p.EstimatedCost, p.UpdatedAt))
            .ToListAsync(cancellationToken);

        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.Status == OrganizationStatus.Accepted
                        && (o.RepresentativeUserId == userId || o.Agents.Any(a => a.UserId == userId && a.IsAccredited)))
            .Join(db.Cycles.Where(c => c.Phase == Phase.Concertation), o => o.CycleId, c => c.Id, (o, c) => new { o.Id, o.Name, CycleId = c.Id, Cycle = c.Name })
            .ToListAsync(cancellationToken);
        var cycleIds = organizations.Select(o => o.CycleId).Distinct().ToList();
        var cycles = await db.Cycles.AsNoTracking().Include(c => c.Calendar).Where(c => cycleIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var today = LimaTime.Today(clock);
        Cycles = organizations
            .Select(o =>
            {
                var cycle = cycles.Single(c => c.Id == o.CycleId);
                return new OpenCycle(o.CycleId, o.Cycle, o.Id, o.Name,
                    ConcertationWindow.IsOpen(cycle, CalendarStep.ProposalSubmission, today),
                    cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.ProposalSubmission));
            })
            .OrderBy(c => c.Cycle).ThenBy(c => c.Organization)
            .ToList();
    }
}
