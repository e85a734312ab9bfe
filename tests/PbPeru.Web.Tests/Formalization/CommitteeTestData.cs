using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Voting;

namespace PbPeru.Web.Tests.Formalization;

/// <summary>
/// A cycle in Formalization for one committee test (<see cref="BallotTestCycle"/>: three accepted
/// organizations, a woman titular and a man suplente each, all with accounts) and a manager of its
/// district. The election, when asked for, is set up through the domain.
/// </summary>
internal sealed class CommitteeTestData
{
    public static readonly DateTimeOffset Before = BallotTestCycle.Opens.AddDays(-2);

    private CommitteeTestData(PbPeruFactory app, BallotTestCycle cycle, string managerEmail)
    {
        App = app;
        Cycle = cycle;
        ManagerEmail = managerEmail;
    }

    public PbPeruFactory App { get; }

    public BallotTestCycle Cycle { get; }

    public int CycleId => Cycle.CycleId;

    public string ManagerEmail { get; }

    public static Actor Manager { get; } = new("semilla", "Gestora Semilla", new HashSet<string> { BallotTestCycle.District });

    public string PageUrl => $"/Cycles/Committee/{CycleId}";

    public string AgentUrl => $"/Committee/Election/{CycleId}";

    public static async Task<CommitteeTestData> CreateAsync(PbPeruFactory app)
    {
        app.Clock.Set(Before);
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.ApprovalOfTwo);
        var email = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Gestor del Comité", BallotTestCycle.Password, [Roles.CycleManager], BallotTestCycle.District);
        return new CommitteeTestData(app, cycle, email);
    }

    /// <summary>Sets the election up through the domain: the given agents stand (in that order, a minute apart), and it opens and closes as given.</summary>
    public async Task<int> ElectionAsync(int seats, bool mixed, IReadOnlyList<int> candidates, DateTimeOffset? opens = null, DateTimeOffset? closes = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.SingleAsync(c => c.Id == CycleId);
        var election = CommitteeElection.Create(cycle, Manager, seats, mixed, Before);
        db.CommitteeElections.Add(election);
        await db.SaveChangesAsync();
        var i = 0;
        foreach (var agentId in candidates)
        {
            election.RecordCandidacy(cycle, Manager, await db.Agents.SingleAsync(a => a.Id == agentId), Before.AddMinutes(i++));
        }

        if (opens is { } o && closes is { } c)
        {
            election.Schedule(cycle, Manager, o, c, Before.AddHours(1));
        }

        await db.SaveChangesAsync();
        return election.Id;
    }

    /// <summary>An election held and counted through the domain: the candidates stand, each voter approves its list, and the count is made (the role granted) after the close.</summary>
    public async Task ElectAsync(int seats, IReadOnlyList<int> candidates, IReadOnlyList<(int Voter, int[] Approvals)> ballots)
    {
        var electionId = await ElectionAsync(seats, mixed: true, candidates, BallotTestCycle.Opens, BallotTestCycle.Closes);
        App.Clock.Set(BallotTestCycle.During);
        foreach (var (voter, approvals) in ballots)
        {
            var outcome = await CastAsync(electionId, voter, approvals);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException(outcome.Problem);
            }
        }

        App.Clock.Set(BallotTestCycle.Closes);
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.SingleAsync(c => c.Id == CycleId);
        var election = (await CommitteeQueries.OfCycleAsync(db, CycleId, tracking: true, CancellationToken.None))!;
        var sexOf = await db.Agents.Where(a => candidates.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Sex);
        election.Count(cycle, Manager, await CommitteeQueries.BallotsAsync(db, electionId, CancellationToken.None), sexOf, BallotTestCycle.Closes);
        await db.SaveChangesAsync();
        await CommitteeQueries.GrantOversightRoleAsync(
            db, services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>(), CycleId, CancellationToken.None);
    }

    public async Task<CommitteeCastOutcome> CastAsync(int electionId, int agentId, IReadOnlyList<int> approvals, string? key = null, int seenRevision = 0)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var box = scope.ServiceProvider.GetRequiredService<CommitteeBallotBox>();
        return await box.CastAsync(electionId, agentId, approvals, key ?? Guid.NewGuid().ToString("N"), seenRevision, CancellationToken.None);
    }

    public Task<List<CommitteeBallot>> BallotsAsync(int electionId) => ReadAsync(db => CommitteeQueries.BallotsAsync(db, electionId, CancellationToken.None));

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<AppClient> SignedInAsync(string email)
    {
        var client = App.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, BallotTestCycle.Password);
        return client;
    }
}
