using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure.Voting;

/// <summary>Loads a cycle's final vote, and builds what a new one starts from: the ballot's projects, the budget and the default times.</summary>
public static class VoteQueries
{
    /// <summary>Votes with their items, substitutions and (unless <paramref name="withResult"/> is false: casting never needs it) result.</summary>
    public static IQueryable<FinalVote> Votes(AppDbContext db, bool tracking = true, bool withResult = true)
    {
        var query = db.FinalVotes
            .Include(v => v.Items)
            .Include(v => v.Substitutions)
            .AsSplitQuery();
        if (withResult)
        {
            query = query.Include(v => v.Result).ThenInclude(r => r!.Lines);
        }

        return tracking ? query : query.AsNoTracking();
    }

    public static Task<FinalVote?> OfCycleAsync(AppDbContext db, int cycleId, bool tracking, CancellationToken cancellationToken) =>
        Votes(db, tracking).SingleOrDefaultAsync(v => v.CycleId == cycleId, cancellationToken);

    /// <summary>
    /// The projects the ballot lists: the cycle's list as Coordination left it (its share of each
    /// project as the cost) when the cycle joined a coordination space; otherwise every proposal the
    /// published technical report found viable, in the report's order. Not only those its technical
    /// ranking fits in the ceiling: the agents' vote decides among all viable projects.
    /// </summary>
    public static async Task<IReadOnlyList<BallotItemInput>> BallotItemsAsync(AppDbContext db, Cycle cycle, CancellationToken cancellationToken)
    {
        var report = await db.TechnicalReports.AsNoTracking()
            .Include(r => r.Entries)
            .SingleOrDefaultAsync(r => r.CycleId == cycle.Id && r.PublishedAt != null, cancellationToken);
        var scores = report?.Entries.ToDictionary(e => e.ProposalId, e => e.Score) ?? [];
        var space = await CoordinationQueries.OfCycleAsync(db, cycle.Id, tracking: false, cancellationToken);
        if (space is not null)
        {
            var list = space.State.ListOf(cycle.Id);
            var proposalIds = list.Where(p => p.Project.ProposalId is not null).Select(p => p.Project.ProposalId!.Value).ToList();
            return list
                .OrderBy(p => p.Number)
                .Select(p => new BallotItemInput(
                    p.Project.Title,
                    p.Shares.Where(s => s.CycleId == cycle.Id).Aggregate(Money.Zero, (sum, s) => sum + s.Amount),
                    p.Project.ProposalId,
                    p.Number,
                    p.Project.Cui,
                    p.Project.ProposalId is { } id ? scores.GetValueOrDefault(id) : null,
                    p.Project.ThemeName))
                .ToList();
        }

        if (report is null)
        {
            return [];
        }

        var selected = report.Entries.Where(e => e.Verdict == Viability.Viable).OrderBy(e => e.Position).ToList();
        var ids = selected.Select(e => e.ProposalId).ToList();
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Cui, p.ThemeId })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return selected
            .Select(e => new BallotItemInput(
                e.Title,
                e.RequestedAmount,
                e.ProposalId,
                null,
                proposals.GetValueOrDefault(e.ProposalId)?.Cui,
                e.Score,
                cycle.Themes.FirstOrDefault(t => t.Id == proposals.GetValueOrDefault(e.ProposalId)?.ThemeId)?.Name))
            .ToList();
    }

    /// <summary>The cycle's ceiling less what it pays towards projects on other governments' lists.</summary>
    public static async Task<Money> BudgetAsync(AppDbContext db, Cycle cycle, CancellationToken cancellationToken)
    {
        var space = await CoordinationQueries.OfCycleAsync(db, cycle.Id, tracking: false, cancellationToken);
        if (space is null)
        {
            return cycle.Ceiling;
        }

        var elsewhere = space.State.PaidBy(cycle.Id)
            .Where(p => p.OwnerCycleId != cycle.Id)
            .SelectMany(p => p.Shares)
            .Where(s => s.CycleId == cycle.Id)
            .Aggregate(Money.Zero, (sum, s) => sum + s.Amount);
        var budget = cycle.Ceiling - elsewhere;
        return budget.Centimos < 0 ? Money.Zero : budget;
    }

    /// <summary>The calendar's final workshop, 09:00 to 18:00 Lima time (its first and last day); tomorrow if it has no such step or it is past.</summary>
    public static (DateTimeOffset Opens, DateTimeOffset Closes) DefaultTimes(Cycle cycle, TimeProvider clock)
    {
        var today = LimaTime.Today(clock);
        var workshop = cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.FinalWorkshop);
        var (first, last) = workshop is not null && workshop.End >= today
            ? (workshop.Start < today ? today : workshop.Start, workshop.End)
            : (today.AddDays(1), today.AddDays(1));
        return (LimaTime.At(first, new TimeOnly(9, 0)), LimaTime.At(last, new TimeOnly(18, 0)));
    }

    /// <summary>Ballots cast so far (each agent's last), without their content.</summary>
    public static Task<int> TurnoutAsync(AppDbContext db, int voteId, CancellationToken cancellationToken) =>
        db.AgentBallots.CountAsync(b => b.FinalVoteId == voteId, cancellationToken);

    /// <summary>Every ballot of the vote, for the count and the export.</summary>
    public static Task<List<AgentBallot>> BallotsAsync(AppDbContext db, int voteId, CancellationToken cancellationToken) =>
        db.AgentBallots.AsNoTracking().Where(b => b.FinalVoteId == voteId).OrderBy(b => b.Id).ToListAsync(cancellationToken);
}
