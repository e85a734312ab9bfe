using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Pages.Cycles.Training;

namespace PbPeru.Web.Pages.AgentVoting;

/// <summary>The signed-in person's final votes: one row per cycle where they are an agent and a vote is prepared.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(
        int CycleId,
        string CycleName,
        int FiscalYear,
        VoteState State,
        DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt,
        DateTimeOffset? VotedAt,
        string? WhyCannotVote);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await RowsAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The person's votes, open ones first, then scheduled, then closed; also used by the agent's home page.</summary>
    public static async Task<IReadOnlyList<Row>> RowsAsync(AppDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agents = await db.Agents.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(cancellationToken);
        if (agents.Count == 0)
        {
            return [];
        }

        var cycleIds = agents.Select(a => a.CycleId).Distinct().ToList();
        var votes = await VoteQueries.Votes(db, tracking: false, withResult: false).Where(v => cycleIds.Contains(v.CycleId)).ToListAsync(cancellationToken);
        var cycles = await db.Cycles.AsNoTracking()
            .Where(c => cycleIds.Contains(c.Id))
            .Select(c => new VotingCycle(c.Id, c.Name, c.FiscalYear, c.Phase))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var voteIds = votes.Select(v => v.Id).ToList();
        var agentIds = agents.Select(a => a.Id).ToList();
        var ballots = await db.AgentBallots.AsNoTracking()
            .Where(b => voteIds.Contains(b.FinalVoteId) && agentIds.Contains(b.AgentId))
            .Select(b => new { b.FinalVoteId, b.AgentId, b.CastAt })
            .ToListAsync(cancellationToken);

        var rows = new List<Row>();
        foreach (var vote in votes)
        {
            // As the ballot page finds it: the person's first agent record in the cycle.
            var agent = agents.Where(a => a.CycleId == vote.CycleId).OrderBy(a => a.Id).First();
            var voter = new Voter
            {
                Cycle = cycles[vote.CycleId],
                Agent = agent,
                Vote = vote,
                Trained = await TrainingStatus.MeetsTrainingRuleAsync(db, agent, cancellationToken),
            };
            var state = vote.StateAt(now);
            rows.Add(new Row(
                vote.CycleId,
                voter.Cycle.Name,
                voter.Cycle.FiscalYear,
                state,
                vote.OpensAt,
                vote.ClosesAt,
                ballots.FirstOrDefault(b => b.FinalVoteId == vote.Id && b.AgentId == agent.Id)?.CastAt,
                state == VoteState.Closed ? null : voter.WhyCannotVote));
        }

        return rows
            .OrderBy(r => r.State switch { VoteState.Open => 0, VoteState.Scheduled => 1, _ => 2 })
            .ThenBy(r => r.State == VoteState.Closed ? -r.ClosesAt.UtcTicks : r.OpensAt.UtcTicks)
            .ToList();
    }
}
