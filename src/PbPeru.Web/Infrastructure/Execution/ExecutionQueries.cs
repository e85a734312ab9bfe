using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Execution;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Infrastructure.Execution;

/// <summary>One approved project of a cycle with its latest recorded execution (NotStarted, 0 %, S/ 0.00 when nothing is recorded).</summary>
public sealed record ProjectExecutionView(int CycleId, int Rank, string ProjectName, string? Cui, ExecutionState State,
    int ProgressPercent, Money Spent, DateTimeOffset? LastUpdate);

public static class ExecutionQueries
{
    /// <summary>
    /// Every approved project of the cycle in rank order with its latest entry; NotStarted (0 %, nothing
    /// spent, no update) when nothing is recorded; empty when the cycle has no computed result.
    /// Two queries beyond the approved list: the latest entry of each followed project.
    /// </summary>
    public static async Task<IReadOnlyList<ProjectExecutionView>> ForCycleAsync(AppDbContext db, int cycleId, CancellationToken ct)
    {
        var list = await ApprovedListQuery.ForCycleAsync(db, cycleId, ct);
        if (list is null)
        {
            return [];
        }

        var latest = await LatestByRankAsync(db, cycleId, ct);
        return [.. list.Projects.Select(p => latest.TryGetValue(p.Rank, out var e)
            ? new ProjectExecutionView(cycleId, p.Rank, p.Name, p.Cui, e.State, e.ProgressPercent, e.Spent, e.RecordedAt)
            : new ProjectExecutionView(cycleId, p.Rank, p.Name, p.Cui, ExecutionState.NotStarted, 0, Money.Zero, null))];
    }

    /// <summary>The latest entry of each followed project of the cycle, by rank.</summary>
    public static async Task<IReadOnlyDictionary<int, LatestEntry>> LatestByRankAsync(AppDbContext db, int cycleId, CancellationToken ct)
    {
        var rows = await (
                from p in db.ProjectExecutions.AsNoTracking()
                where p.CycleId == cycleId
                from e in db.ExecutionEntries.AsNoTracking()
                where e.ProjectExecutionId == p.Id
                      && e.Sequence == db.ExecutionEntries.Where(x => x.ProjectExecutionId == p.Id).Max(x => x.Sequence)
                select new LatestEntry(p.Rank, e.State, e.ProgressPercent, e.Spent, e.RecordedAt))
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Rank);
    }

    /// <summary>The follow-up of one project with its entries and their files (null when nothing is recorded).</summary>
    public static Task<ProjectExecution?> OfProjectAsync(AppDbContext db, int cycleId, int rank, bool tracking, CancellationToken ct)
    {
        var query = db.ProjectExecutions.Include(p => p.Entries).ThenInclude(e => e.Attachments).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.CycleId == cycleId && p.Rank == rank, ct);
    }

    /// <summary>Every follow-up of the cycle with entries (for the periodic report).</summary>
    public static async Task<IReadOnlyList<ProjectExecution>> OfCycleAsync(AppDbContext db, int cycleId, CancellationToken ct) =>
        await db.ProjectExecutions.AsNoTracking().Include(p => p.Entries).Where(p => p.CycleId == cycleId).ToListAsync(ct);

    /// <summary>A file of an entry of the cycle's project (null when it is not one).</summary>
    public static Task<ExecutionAttachment?> AttachmentAsync(AppDbContext db, int cycleId, int rank, int attachmentId, CancellationToken ct) => (
            from a in db.ExecutionAttachments.AsNoTracking()
            where a.Id == attachmentId
            join e in db.ExecutionEntries on a.ExecutionEntryId equals e.Id
            join p in db.ProjectExecutions on e.ProjectExecutionId equals p.Id
            where p.CycleId == cycleId && p.Rank == rank
            select a)
        .SingleOrDefaultAsync(ct);

    /// <summary>The issued reports of the cycle, newest first.</summary>
    public static async Task<IReadOnlyList<ExecutionReport>> ReportsAsync(AppDbContext db, int cycleId, CancellationToken ct) =>
        await db.ExecutionReports.AsNoTracking().Where(r => r.CycleId == cycleId).OrderByDescending(r => r.Number).ToListAsync(ct);

    public sealed record LatestEntry(int Rank, ExecutionState State, int ProgressPercent, Money Spent, DateTimeOffset RecordedAt);
}
