using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
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

    /// <summary>Why this agent may not vote in this vote, or null (the vote's own rule, with training attendance).</summary>
    public string? WhyCannotVote => Vote is null || Agent is null
        ? null
        : !Vote.IsOnline
            ? (Vote.Rules.CountingRule == CountingRule.Consensus ? Messages.VoteIsConsensus : Messages.VoteIsTechnicalRanking).Format()
            : Vote.WhyCannotVote(Agent, Trained);

    /// <summary>The cycle, the person's agent record and vote; null when the cycle does not exist.</summary>
    public static async Task<Voter?> LoadAsync(AppDbContext db, string userId, int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == cycleId)
            .Select(c => new VotingCycle(c.Id, c.Name, c.FiscalYear, c.Phase))
            .SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        var agent = await BallotBox.AgentOfAsync(db, userId, cycleId, cancellationToken);
        if (agent is null)
        {
            return new Voter { Cycle = cycle };
        }

        // Without the result: the voting pages ask for it only once the vote has closed.
        var vote = await VoteQueries.Votes(db, tracking: false, withResult: false).SingleOrDefaultAsync(v => v.CycleId == cycleId, cancellationToken);
        var ballot = vote is null
            ? null
            : await db.AgentBallots.AsNoTracking().SingleOrDefaultAsync(b => b.FinalVoteId == vote.Id && b.AgentId == agent.Id, cancellationToken);
        return new Voter
        {
            Cycle = cycle,
            Agent = agent,
            Vote = vote,
            Ballot = ballot,
            Trained = await TrainingStatus.MeetsTrainingRuleAsync(db, agent, cancellationToken),
        };
    }
}
