using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;

namespace PbPeru.Web.Pages.AgentSurvey;

/// <summary>The signed-in person's evaluations: one row per published (or closed) cycle they took part in, open ones first.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int CycleId, string CycleName, int FiscalYear, bool Open, bool Answered);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var cycleIds = SurveyQueries.ParticipantCycleIds(db, userId);
        var rows = await db.Cycles.AsNoTracking()
            .Where(c => c.Phase >= Phase.Published && cycleIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.FiscalYear,
                c.Phase,
                Answered = db.SurveyParticipations.Any(p => p.CycleId == c.Id && p.UserId == userId),
            })
            .ToListAsync(cancellationToken);
        Rows = [.. rows
            .Select(r => new Row(r.Id, r.Name, r.FiscalYear, r.Phase == Phase.Published, r.Answered))
            .OrderBy(r => r.Open && !r.Answered ? 0 : 1)
            .ThenByDescending(r => r.FiscalYear)
            .ThenBy(r => r.CycleName, StringComparer.Ordinal)];
    }
}
