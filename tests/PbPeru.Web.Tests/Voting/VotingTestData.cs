using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Voting;

/// <summary>
/// A cycle at its final vote for one test: the demo's 2025 regional cycle (<see cref="DemoVoting"/>)
/// replayed on the demo app under a fiscal year of its own, its vote prepared — open from an hour
/// before to three days after it was made — and no ballot cast. Agents are named by DNI.
/// </summary>
internal sealed class VotingTestData
{
    /// <summary>Trained titular of the youth collective (the demo agent's, in the demo's own cycle).</summary>
    public const string Alberto = DemoVoting.DemoAgentDni;

    /// <summary>Trained titular of the neighbourhood board; <see cref="Mario"/> is her suplente.</summary>
    public const string Julia = "41528736";

    /// <summary>Trained suplente of <see cref="Julia"/>.</summary>
    public const string Mario = "40871254";

    public const string Nelida = "43987120";
    public const string Hernan = "23981245";
    public const string Santos = "24418790";

    /// <summary>Accredited titular who missed the training.</summary>
    public const string Untrained = DemoVoting.UntrainedTitularDni;

    /// <summary>Titular of an organization left observed: not accredited.</summary>
    public const string NotAccredited = DemoVoting.NotAccreditedDni;

    private static int _yearCounter = 2039;

    private readonly IReadOnlyDictionary<string, int> _agents;

    private VotingTestData(PbPeruFactory app, int fiscalYear, int cycleId, int voteId, IReadOnlyDictionary<string, int> agents, Actor manager)
    {
        App = app;
        FiscalYear = fiscalYear;
        CycleId = cycleId;
        VoteId = voteId;
        _agents = agents;
        Manager = manager;
    }

    public PbPeruFactory App { get; }

    public int FiscalYear { get; }

    public int CycleId { get; }

    public int VoteId { get; }

    /// <summary>The demo's cycle manager, as the domain knows it.</summary>
    public Actor Manager { get; }

    /// <summary>
    /// Replays the cycle with <paramref name="rules"/> (the demo's knapsack and MES add1 by default)
    /// and prepares its vote as the manager's page would: the report's viable projects, the cycle's
    /// budget. The clock goes back to the real time first.
    /// </summary>
    public static async Task<VotingTestData> CreateAsync(PbPeruFactory app, VotingRules? rules = null)
    {
        app.Clock.Reset();
        var year = Interlocked.Increment(ref _yearCounter);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var ids = new Dictionary<string, string>();
        foreach (var (email, _, role) in DemoSeeder.Accounts)
        {
            ids[role] = (await users.FindByEmailAsync(email))!.Id;
        }

        var db = services.GetRequiredService<AppDbContext>();
        var (cycle, agents, _) = await DemoVoting.ReplayToFormalizationAsync(services, db, ids, year, rules ?? DemoVoting.Rules, CancellationToken.None);
        var manager = new Actor(ids[Roles.CycleManager], "Gabriel Gestor Quispe", new HashSet<string> { DemoVoting.Jurisdiction });
        var now = app.Clock.GetUtcNow();
        var vote = FinalVote.Prepare(
            cycle, manager, await VoteQueries.BallotItemsAsync(db, cycle, CancellationToken.None), await VoteQueries.BudgetAsync(db, cycle, CancellationToken.None),
            now.AddHours(-1), now.AddDays(3), now);
        db.FinalVotes.Add(vote);
        await db.SaveChangesAsync();
        return new VotingTestData(app, year, cycle.Id, vote.Id, agents.ToDictionary(a => a.Key, a => a.Value.Id), manager);
    }

    public int Agent(string dni) => _agents[dni];

    /// <summary>Casts through the ballot box in a scope (and DbContext) of its own, as one request would: approval marks on the positions.</summary>
    public Task<CastOutcome> CastAsync(string dni, IReadOnlyList<int> positions, string? submissionKey = null, int seenRevision = 0) =>
        CastAsync(dni, [.. positions.Select(p => new BallotChoice(p, 1))], submissionKey, seenRevision);

    public async Task<CastOutcome> CastAsync(string dni, IReadOnlyList<BallotChoice> choices, string? submissionKey = null, int seenRevision = 0)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var box = scope.ServiceProvider.GetRequiredService<BallotBox>();
        return await box.CastAsync(VoteId, Agent(dni), choices, submissionKey ?? ReceiptCodes.NewSubmissionKey(), seenRevision, CancellationToken.None);
    }

    /// <summary>The ballot item whose title starts so.</summary>
    public async Task<int> PositionAsync(string titleStart) =>
        (await VoteAsync()).Items.Single(i => i.Title.StartsWith(titleStart, StringComparison.Ordinal)).Position;

    public Task<FinalVote> VoteAsync() => ReadAsync(db => VoteQueries.Votes(db, tracking: false).SingleAsync(v => v.Id == VoteId));

    public Task<List<AgentBallot>> BallotsAsync() => ReadAsync(db => VoteQueries.BallotsAsync(db, VoteId, CancellationToken.None));

    public async Task<AgentBallot?> BallotOfAsync(string dni) => (await BallotsAsync()).SingleOrDefault(b => b.AgentId == Agent(dni));

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Loads the vote and its cycle for a change through the domain, then saves it.</summary>
    public async Task ChangeVoteAsync(Action<FinalVote, Cycle, AppDbContext> change)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var vote = await VoteQueries.Votes(db).SingleAsync(v => v.Id == VoteId);
        var cycle = await db.Cycles.SingleAsync(c => c.Id == CycleId);
        change(vote, cycle, db);
        await db.SaveChangesAsync();
    }

    /// <summary>Moves the clock to the closing instant and counts the ballots with the cycle's rule.</summary>
    public async Task<VoteResult> CloseAndCountAsync()
    {
        App.Clock.Set((await VoteAsync()).ClosesAt);
        var ballots = await BallotsAsync();
        VoteResult? result = null;
        await ChangeVoteAsync((vote, cycle, _) => result = vote.Count(cycle, Manager, ballots, App.Clock.GetUtcNow()));
        return result!;
    }
}
