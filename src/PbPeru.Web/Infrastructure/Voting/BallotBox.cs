using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Pages.Cycles.Training;

namespace PbPeru.Web.Infrastructure.Voting;

/// <summary>How a submission ended: a receipt (new, changed, or the same submission seen again) or why it was refused.</summary>
public sealed record CastOutcome(string? Receipt, bool Changed, bool Repeated, string? Problem)
{
    public bool Succeeded => Receipt is not null;

    public static CastOutcome Refused(string problem) => new(null, false, false, problem);
}

/// <summary>
/// Casts ballots. One row per agent is held by a unique index; a ballot is one row, so it is
/// stored whole or not at all. A submission carries a random key: seen again (a double click, a
/// retry after a lost answer) it gets the same receipt and changes nothing. It also carries the
/// revision of the ballot the agent saw: a submission from a stale page (another window changed the
/// ballot since) is refused rather than silently replacing the newer one. Races between requests end
/// in a unique or concurrency violation, and the loser looks again.
/// </summary>
public sealed class BallotBox(AppDbContext db, TimeProvider clock)
{
    private const int Attempts = 5;

    public async Task<CastOutcome> CastAsync(int voteId, int agentId, IReadOnlyList<BallotChoice> choices, string submissionKey, int seenRevision, CancellationToken cancellationToken)
    {
        // The server's clock decides, once per request: a ballot is judged at the instant it arrived.
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var vote = await VoteQueries.Votes(db, tracking: false, withResult: false).SingleOrDefaultAsync(v => v.Id == voteId, cancellationToken);
            var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken);
            if (vote is null || agent is null)
            {
                return CastOutcome.Refused(Messages.VoterNotOfCycle.Format());
            }

            var existing = await db.AgentBallots.SingleOrDefaultAsync(b => b.FinalVoteId == voteId && b.AgentId == agentId, cancellationToken);
            if (existing is not null && existing.CameFrom(submissionKey))
            {
                return new CastOutcome(ReceiptCodes.For(submissionKey), existing.Revision > 1, Repeated: true, null);
            }

            if ((existing?.Revision ?? 0) != seenRevision)
            {
                return CastOutcome.Refused(Messages.BallotStale.Format());
            }

            try
            {
                var trained = await TrainingStatus.MeetsTrainingRuleAsync(db, agent, cancellationToken);
                string receipt;
                if (existing is null)
                {
                    db.AgentBallots.Add(AgentBallot.Cast(vote, agent, trained, choices, submissionKey, now, out receipt));
                }
                else
                {
                    receipt = existing.Change(vote, agent, trained, choices, submissionKey, now);
                }

                await db.SaveChangesAsync(cancellationToken);
                return new CastOutcome(receipt, existing is not null, Repeated: false, null);
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

    /// <summary>The agent the signed-in person is in this cycle, if any (accredited or not: the vote says why not).</summary>
    public static Task<Agent?> AgentOfAsync(AppDbContext db, string userId, int cycleId, CancellationToken cancellationToken) =>
        db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.CycleId == cycleId, cancellationToken);
}
