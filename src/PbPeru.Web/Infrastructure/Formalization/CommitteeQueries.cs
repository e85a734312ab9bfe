using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Infrastructure.Formalization;

/// <summary>An elected member of a cycle's oversight committee, as the other pages show it.</summary>
public sealed record CommitteeMemberView(int AgentId, string FullName, string OrganizationName, Sex Sex, long Votes, int Rank);

/// <summary>A candidate as the pages list it.</summary>
public sealed record CommitteeCandidateView(int AgentId, string FullName, string OrganizationName, Sex Sex, AgentRole Role, DateTimeOffset StoodAt, string RecordedBy, bool RecordedByManager);

/// <summary>What the pages read about a cycle's oversight committee (<i>comité de vigilancia</i>) and its election.</summary>
public static class CommitteeQueries
{
    /// <summary>The elected members by rank; empty before the count.</summary>
    public static async Task<IReadOnlyList<CommitteeMemberView>> MembersAsync(AppDbContext db, int cycleId, CancellationToken ct) =>
        await (
                from e in db.CommitteeElections.AsNoTracking()
                where e.CycleId == cycleId
                from m in e.Members
                join a in db.Agents.AsNoTracking() on m.AgentId equals a.Id
                join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                orderby m.Rank
                select new CommitteeMemberView(a.Id, a.GivenNames + " " + a.Surnames, o.Name, a.Sex, m.Votes, m.Rank))
            .ToListAsync(ct);

    /// <summary>True once the election was counted and its members recorded.</summary>
    public static Task<bool> IsElectedAsync(AppDbContext db, int cycleId, CancellationToken ct) =>
        db.CommitteeElections.AnyAsync(e => e.CycleId == cycleId && e.CountedAt != null, ct);

    /// <summary>True when the person's agent of that cycle is an elected member: the oversight rights of that cycle, and only of it.</summary>
    public static Task<bool> IsMemberAsync(AppDbContext db, string userId, int cycleId, CancellationToken ct) => (
            from e in db.CommitteeElections
            where e.CycleId == cycleId
            from m in e.Members
            join a in db.Agents on m.AgentId equals a.Id
            where a.UserId == userId && a.CycleId == cycleId
            select m.Id)
        .AnyAsync(ct);

    /// <summary>The cycles where the person sits on the committee.</summary>
    public static async Task<IReadOnlyList<int>> CyclesOfMemberAsync(AppDbContext db, string userId, CancellationToken ct) =>
        await (
                from e in db.CommitteeElections.AsNoTracking()
                from m in e.Members
                join a in db.Agents.AsNoTracking() on m.AgentId equals a.Id
                where a.UserId == userId && a.CycleId == e.CycleId
                select e.CycleId)
            .Distinct()
            .ToListAsync(ct);

    /// <summary>The election with its candidates and members.</summary>
    public static IQueryable<CommitteeElection> Elections(AppDbContext db, bool tracking = true)
    {
        var query = db.CommitteeElections.Include(e => e.Candidates).Include(e => e.Members).AsSplitQuery();
        return tracking ? query : query.AsNoTracking();
    }

    public static Task<CommitteeElection?> OfCycleAsync(AppDbContext db, int cycleId, bool tracking, CancellationToken ct) =>
        Elections(db, tracking).SingleOrDefaultAsync(e => e.CycleId == cycleId, ct);

    /// <summary>The candidates with their names and organizations, in candidacy order.</summary>
    public static async Task<IReadOnlyList<CommitteeCandidateView>> CandidatesAsync(AppDbContext db, CommitteeElection election, CancellationToken ct)
    {
        var ids = election.Candidates.Select(c => c.AgentId).ToList();
        var agents = await (
                from a in db.Agents.AsNoTracking()
                join o in db.Organizations.AsNoTracking() on a.OrganizationId equals o.Id
                where ids.Contains(a.Id)
                select new { a.Id, Name = a.GivenNames + " " + a.Surnames, Organization = o.Name, a.Sex, a.Role })
            .ToDictionaryAsync(a => a.Id, ct);
        return [.. election.Candidates.Select(c =>
        {
            var a = agents[c.AgentId];
            return new CommitteeCandidateView(c.AgentId, a.Name, a.Organization, a.Sex, a.Role, c.StoodAt, c.RecordedBy, c.RecordedByManager);
        })];
    }

    /// <summary>The final vote's substitutions of the cycle (none without a final vote): who votes for an absent titular.</summary>
    public static async Task<IReadOnlyList<CommitteeSubstitute>> SubstitutesAsync(AppDbContext db, int cycleId, CancellationToken ct) =>
        await db.FinalVotes.AsNoTracking()
            .Where(v => v.CycleId == cycleId)
            .SelectMany(v => v.Substitutions)
            .Select(s => new CommitteeSubstitute(s.TitularAgentId, s.SuplenteAgentId))
            .ToListAsync(ct);

    /// <summary>The facts that decide whether <paramref name="agent"/> votes in the election, besides the agent itself.</summary>
    public static async Task<CommitteeVoterFacts> VoterFactsAsync(AppDbContext db, CommitteeElection election, Agent agent, CancellationToken ct)
    {
        var substitutes = await SubstitutesAsync(db, election.CycleId, ct);
        var titularHasVoted = false;
        if (agent.Role == AgentRole.Suplente && substitutes.FirstOrDefault(s => s.SuplenteAgentId == agent.Id) is { SuplenteAgentId: > 0 } called)
        {
            titularHasVoted = await db.CommitteeBallots.AnyAsync(b => b.CommitteeElectionId == election.Id && b.AgentId == called.TitularAgentId, ct);
        }

        return new CommitteeVoterFacts(substitutes, titularHasVoted);
    }

    /// <summary>The ballots in force (the last of each agent).</summary>
    public static Task<List<CommitteeBallot>> BallotsAsync(AppDbContext db, int electionId, CancellationToken ct) =>
        db.CommitteeBallots.AsNoTracking().Where(b => b.CommitteeElectionId == electionId).OrderBy(b => b.Id).ToListAsync(ct);

    /// <summary>
    /// Gives the elected members' linked accounts the oversight role (if they lack it). The role
    /// only opens the oversight pages' menu: what a member may see is checked per cycle by
    /// <see cref="IsMemberAsync"/>.
    /// </summary>
    public static async Task GrantOversightRoleAsync(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, int cycleId, CancellationToken ct)
    {
        var userIds = await (
                from e in db.CommitteeElections.AsNoTracking()
                where e.CycleId == cycleId
                from m in e.Members
                join a in db.Agents.AsNoTracking() on m.AgentId equals a.Id
                where a.UserId != null
                select a.UserId!)
            .ToListAsync(ct);
        if (userIds.Count > 0 && !await roles.RoleExistsAsync(Roles.OversightCommittee))
        {
            await roles.CreateAsync(new IdentityRole(Roles.OversightCommittee));
        }

        foreach (var userId in userIds)
        {
            if (await users.FindByIdAsync(userId) is { } user && !await users.IsInRoleAsync(user, Roles.OversightCommittee))
            {
                await users.AddToRoleAsync(user, Roles.OversightCommittee);
            }
        }
    }
}
