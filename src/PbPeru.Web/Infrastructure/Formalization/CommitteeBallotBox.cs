using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Audit;

namespace PbPeru.Web.Infrastructure.Formalization;

/// <summary>How a committee ballot submission ended: stored (new, changed, or the same submission seen again), or why it was refused.</summary>
public sealed record CommitteeCastOutcome(bool Succeeded, bool Changed, bool Repeated, string? Problem, CommitteeBallot? Ballot = null)
{
    public static CommitteeCastOutcome Refused(string problem) => new(false, false, false, problem);
}

/// <summary>
/// Casts committee ballots, as <see cref="Voting.BallotBox"/> does for the final vote. One row per
/// agent and election is held by a unique index; a ballot is one row, so it is stored whole or not
/// at all. A submission carries a random key: seen again (a double click, a retry) it changes
/// nothing and answers as the first did. It also carries the revision of the ballot the agent saw:
/// a submission from a stale page is refused rather than replacing the newer ballot. Races end in a
/// unique or concurrency violation, and the loser looks again.
/// </summary>
public sealed class CommitteeBallotBox(AppDbContext db, TimeProvider clock, AuditTrail audit)
{
    private const int Attempts = 5;

    public async Task<CommitteeCastOutcome> CastAsync(int electionId, int agentId, IReadOnlyList<int> approvals, string submissionKey, int seenRevision, CancellationToken ct)
    {
        // The server's clock decides, once per request: a ballot is judged at the instant it arrived.
        var now = clock.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var election = await CommitteeQueries.Elections(db, tracking: false).SingleOrDefaultAsync(e => e.Id == electionId, ct);
            var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, ct);
            if (election is null || agent is null)
            {
                return CommitteeCastOutcome.Refused(Messages.CommitteeVoterNotOfCycle.Format());
            }

            var existing = await db.CommitteeBallots.SingleOrDefaultAsync(b => b.CommitteeElectionId == electionId && b.AgentId == agentId, ct);
            if (existing is not null && existing.CameFrom(submissionKey))
            {
                return new CommitteeCastOutcome(true, existing.Revision > 1, Repeated: true, null, existing);
            }

            if ((existing?.Revision ?? 0) != seenRevision)
            {
                return CommitteeCastOutcome.Refused(Messages.CommitteeBallotStale.Format());
            }

            try
            {
                var facts = await CommitteeQueries.VoterFactsAsync(db, election, agent, ct);
                var ballot = existing;
                if (ballot is null)
                {
                    ballot = CommitteeBallot.Cast(election, agent, facts, approvals, submissionKey, now);
                    db.CommitteeBallots.Add(ballot);
                }
                else
                {
                    ballot.Change(election, agent, facts, approvals, submissionKey, now);
                }

                audit.Record(election.CycleId, AuditActions.BallotCast, $"committee-election:{electionId}", existing is null ? $"agent:{agentId} cast" : $"agent:{agentId} changed");
                await db.SaveChangesAsync(ct);
                return new CommitteeCastOutcome(true, existing is not null, Repeated: false, null, ballot);
            }
            catch (DomainException e)
            {
                return CommitteeCastOutcome.Refused(e.Message);
            }
            catch (DbUpdateException e) when (attempt < Attempts && DatabaseErrors.IsConflict(e))
            {
                // Another request of this agent saved first: look again.
            }
        }
    }
}
