using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure.Formalization;

/// <summary>Reads a cycle's approval chain (coordination council, council, MEF submission).</summary>
public static class ApprovalQueries
{
    /// <summary>The chain with its decisions, or null when nothing has been recorded yet.</summary>
    public static Task<ApprovalChain?> ChainAsync(AppDbContext db, int cycleId, bool tracking, CancellationToken ct)
    {
        var query = db.ApprovalChains.Include(c => c.Decisions);
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.CycleId == cycleId, ct);
    }

    /// <summary>True when the latest decision of both the coordination council and the council is Approved (the gate to Published).</summary>
    public static async Task<bool> CouncilApprovedAsync(AppDbContext db, int cycleId, CancellationToken ct)
    {
        var decisions = await db.ApprovalDecisions.AsNoTracking()
            .Where(d => db.ApprovalChains.Any(c => c.Id == d.ApprovalChainId && c.CycleId == cycleId))
            .Select(d => new { d.Body, d.Sequence, d.Outcome })
            .ToListAsync(ct);
        var latest = decisions.GroupBy(d => d.Body).Select(g => g.MaxBy(d => d.Sequence)!.Outcome).ToList();
        return latest.Count == 2 && latest.All(o => o == ApprovalOutcome.Approved);
    }
}
