using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure.Voting;

/// <summary>
/// Votes as the voting pages read them (projects, rules, times and substitutions; never the
/// result), kept in memory by id and version. Every change of a vote moves its version (the
/// manager's page saves each one through it), and each request reads the version from the
/// database before asking here: a copy older than what the database holds is never used, on any
/// instance. The copies are shared by concurrent requests, so they are only read, never tracked
/// or changed.
/// </summary>
public sealed class VoteCache
{
    private readonly ConcurrentDictionary<int, (int Version, FinalVote Vote)> _votes = new();

    /// <summary>The vote at <paramref name="version"/> or later, read from the database when this instance has no such copy.</summary>
    public async Task<FinalVote?> GetAsync(AppDbContext db, int voteId, int version, CancellationToken cancellationToken)
    {
        if (_votes.TryGetValue(voteId, out var cached) && cached.Version == version)
        {
            return cached.Vote;
        }

        // Read after the version: what is kept under it is that version or a later one.
        var vote = await VoteQueries.Votes(db, tracking: false, withResult: false).SingleOrDefaultAsync(v => v.Id == voteId, cancellationToken);
        if (vote is not null)
        {
            _votes[voteId] = (version, vote);
        }

        return vote;
    }
}
