using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Pages.Cycles.Training;

namespace PbPeru.Web.Pages.AgentVoting;

/// <summary>The few facts of a cycle the voting pages show.</summary>
public sealed record VotingCycle(int Id, string Name, int FiscalYear, Phase Phase);

/// <summary>
/// The signed-in person in one cycle's final vote: the cycle, its vote (if prepared), the person's
/// agent record there (found by the account, never by an id in the address) and its ballot in force.
/// </summary>
public sealed class Voter
{
    public required VotingCycle Cycle { get; init; }

    /// <summary>Null when the person is not an agent of the cycle.</summary>
    public Agent? Agent { get; init; }

    public FinalVote? Vote { get; init; }

    public AgentBallot? Ballot { get; init; }

    public bool Trained { get; init; }

    /// <summary>The person's unread notices, counted in the same query for the header's badge (see <see cref="Notifier.UnreadCountKey"/>).</summary>
    public int UnreadNotices { get; init; }

    /// <summary>Why this agent may not vote in this vote, or null (the vote's own rule, with training attendance).</summary>
    public string? WhyCannotVote => Vote is null || Agent is null
        ? null
        : !Vote.IsOnline
            ? (Vote.Rules.CountingRule == CountingRule.Consensus ? Messages.VoteIsConsensus : Messages.VoteIsTechnicalRanking).Format()
            : Vote.WhyCannotVote(Agent, Trained);

    /// <summary>
    /// The cycle, the person's agent record and vote; null when the cycle does not exist. One query
    /// reads the cycle, the agent, its training, its ballot, the vote's version and the person's
    /// unread notices; the vote itself (projects, rules, substitutions; never the result, which
    /// the voting pages ask for only once the vote has closed) comes from <paramref name="votes"/>
    /// at that version.
    /// </summary>
    public static async Task<Voter?> LoadAsync(AppDbContext db, VoteCache votes, string userId, int cycleId, CancellationToken cancellationToken)
    {
        var attended = TrainingStatus.AttendedAgentIds(db);
        var state = await (
            from cycle in db.Cycles.Where(c => c.Id == cycleId)
            join a in db.Agents.Where(a => a.UserId == userId) on cycle.Id equals a.CycleId into agents
            from agent in agents.DefaultIfEmpty()
            join v in db.FinalVotes on cycle.Id equals v.CycleId into cycleVotes
            from vote in cycleVotes.DefaultIfEmpty()
            join b in db.AgentBallots on new { Vote = vote.Id, Agent = agent.Id } equals new { Vote = b.FinalVoteId, Agent = b.AgentId } into ballots
            from ballot in ballots.DefaultIfEmpty()
            select new
            {
                Cycle = new VotingCycle(cycle.Id, cycle.Name, cycle.FiscalYear, cycle.Phase),
                Agent = agent,
                // Any, not Contains: a correlated EXISTS that looks up this agent's attendance by
                // index. Contains became IN (…), which PostgreSQL answers by hashing every
                // attendance of every cycle on each request — 1.5 ms at 1,000 agents, growing.
                Attended = agent != null && attended.Any(id => id == agent.Id),
                VoteId = (int?)vote.Id,
                VoteVersion = (int?)EF.Property<int>(vote, "Version"),
                Ballot = ballot,
                Unread = db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null),
            })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return null;
        }

        if (state.Agent is null)
        {
            return new Voter { Cycle = state.Cycle, UnreadNotices = state.Unread };
        }

        var finalVote = state.VoteId is { } voteId ? await votes.GetAsync(db, voteId, state.VoteVersion!.Value, cancellationToken) : null;
        return new Voter
        {
            Cycle = state.Cycle,
            Agent = state.Agent,
            Vote = finalVote,
            Ballot = finalVote is null ? null : state.Ballot,
            Trained = !state.Agent.MustAttendTrainingToVote || state.Attended,
            UnreadNotices = state.Unread,
        };
    }
}
