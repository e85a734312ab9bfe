using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure;

/// <summary>A published technical report with the cycle it belongs to, as the public reads it.</summary>
public sealed record PublishedReport(Cycle Cycle, string JurisdictionName, TechnicalReport Report)
{
    /// <summary>Mean of an entry on a criterion; null when it has none (not viable).</summary>
    public static decimal? MeanOf(TechnicalReportEntry entry, int criterionId) =>
        entry.Scores.FirstOrDefault(s => s.CriterionId == criterionId)?.Mean;

    /// <summary>Null before the report is published: the public sees nothing of it until then.</summary>
    public static async Task<PublishedReport?> FindAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken)
    {
        var report = await db.TechnicalReports.AsNoTracking()
            .Include(r => r.Criteria)
            .Include(r => r.Entries).ThenInclude(e => e.Scores)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.CycleId == cycleId && r.PublishedAt != null, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var cycle = await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == cycleId, cancellationToken);
        var jurisdiction = await db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Ubigeo == cycle.JurisdictionUbigeo, cancellationToken);
        return new PublishedReport(cycle, jurisdiction.Name, report);
    }
}
