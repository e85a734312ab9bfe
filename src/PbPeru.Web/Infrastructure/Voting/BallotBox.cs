using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Pages.Cycles.Training;

namespace PbPeru.Web.Infrastructure.Voting;

/// <summary>How a submission ended: a receipt (new, changed, or the same submission seen again) with the ballot in force, or why it was refused.</summary>
public sealed record CastOutcome(string? Receipt, bool Changed, bool Repeated, string? Problem, AgentBallot? Ballot = null)
{
    public bool Succeeded => Receipt is not null;

    public static CastOutcome Refused(string problem) => new(null, false, false, problem);
}

/// <summary>
/// What the request already read before casting (the voting page loads it to show itself): the
/// vote, the agent, its training and its ballot in force. The first attempt uses it instead of
/// reading it again; a race found on saving makes the next attempt read everything afresh.
/// </summary>
public sealed record CastingSeen(FinalVote Vote, Agent Agent, bool Trained, AgentBallot? Ballot);

/// <summary>
/// Casts ballots. One row per agent is held by a unique index; a ballot is one row, so it is
/// stored whole or not at all. A submission carries a random key: seen again (a double click, a
/// retry after a lost answer) it gets the same receipt and changes nothing. It also carries the
/// revision of the ballot the agent saw: a submission from a stale page (another window changed the
/// ballot since) is refused rather than silently replacing the newer one. Races between requests end
/// in a unique or concurrency violation, and the loser looks again.
/// </summary>
public sealed class BallotBox(AppDbContext db, TimeProvider clock, AuditTrail audit)
{
    private const int Attempts = 5;

    public Task<CastOutcome> CastAsync(int voteId, int agentId, IReadOnlyList<BallotChoice> choices, string submissionKey, int seenRevision, CancellationToken cancellationToken) =>
        CastAsync(voteId, agentId, choices, submissionKey, seenRevision, seen: null, cancellationToken);

    /// <summary>Casts with what the request has just read (<paramref name="seen"/>) for the first attempt; see <see cref="CastingSeen"/>.</summary>
    public async Task<CastOutcome> CastAsync(int voteId, int agentId, IReadOnlyList<BallotChoice> choices, string submissionKey, int seenRevision, CastingSeen? seen, CancellationToken cancellationToken)
    {
        // The server's clock decides, once per request: a ballot is judged at the instant it arrived.
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var reuse = attempt == 1 && seen is not null && seen.Vote.Id == voteId && seen.Agent.Id == agentId;
            var vote = reuse
                ? seen!.Vote
                : await VoteQueries.Votes(db, tracking: false, withResult: false).SingleOrDefaultAsync(v => v.Id == voteId, cancellationToken);
            var agent = reuse
                ? seen!.Agent
                : await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken);
            if (vote is null || agent is null)
            {
                return CastOutcome.Refused(Messages.VoterNotOfCycle.Format());
            }

            AgentBallot? existing;
            if (reuse)
            {
                // Tracked from the values read: saving a change checks its revision, so a ballot
                // changed meanwhile by another request fails the save and the next attempt reads again.
                existing = seen!.Ballot;
                if (existing is not null)
                {
                    db.AgentBallots.Attach(existing);
                }
            }
            else
            {
                existing = await db.AgentBallots.SingleOrDefaultAsync(b => b.FinalVoteId == voteId && b.AgentId == agentId, cancellationToken);
            }

            if (existing is not null && existing.CameFrom(submissionKey))
            {
                return new CastOutcome(ReceiptCodes.For(submissionKey), existing.Revision > 1, Repeated: true, null, existing);
            }

            if ((existing?.Revision ?? 0) != seenRevision)
            {
                return CastOutcome.Refused(Messages.BallotStale.Format());
            }

            try
            {
                var trained = reuse ? seen!.Trained : await TrainingStatus.MeetsTrainingRuleAsync(db, agent, cancellationToken);
                string receipt;
                var ballot = existing;
                if (ballot is null)
                {
                    ballot = AgentBallot.Cast(vote, agent, trained, choices, submissionKey, now, out receipt);
                    db.AgentBallots.Add(ballot);
                }
                else
                {
                    receipt = ballot.Change(vote, agent, trained, choices, submissionKey, now);
                }

                // That the agent voted, and when; never what (the line is public to the cycle's staff).
                audit.Record(vote.CycleId, AuditActions.BallotCast, $"vote:{voteId}", existing is null ? $"agent:{agentId} cast" : $"agent:{agentId} changed");
                await db.SaveChangesAsync(cancellationToken);
                return new CastOutcome(receipt, existing is not null, Repeated: false, null, ballot);
            }
            catch (DomainException e)
            {
                return CastOutcome.Refused(e.Message);
            }
            catch (DbUpdateException e) when (attempt < Attempts && DatabaseErrors.IsConflict(e))
            {
                // Another request of this agent saved first: look again.
            }
        }
    }
}
