using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Voting;
using static PbPeru.Web.Tests.Formalization.CommitteeTestData;

namespace PbPeru.Web.Tests.Formalization;

/// <summary>
/// The committee ballot box on PostgreSQL: one ballot per agent whatever the concurrency, a repeated
/// submission one ballot, a stale page refused, and bad ballots refused with nothing saved.
/// </summary>
[Trait("Capability", "Formalization")]
public sealed class CommitteeIntegrityTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private static readonly DateTimeOffset Opens = BallotTestCycle.Opens;
    private static readonly DateTimeOffset Closes = BallotTestCycle.Closes;

    private static async Task<T[]> AllAtOnceAsync<T>(int count, Func<int, Task<T>> action)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await action(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Messages are compared as a Spanish-speaking person reads them.</summary>
    internal static void UseSpanish()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-PE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-PE");
    }

    [Fact]
    public async Task FiftyConcurrentSubmissions_FromOneAgent_WithDifferentKeys_LeaveExactlyOneBallot()
    {
        var data = await CreateAsync(app);
        var t = data.Cycle.Titulars;
        var election = await data.ElectionAsync(2, mixed: true, [t[0].AgentId, t[1].AgentId, t[2].AgentId], Opens, Closes);
        app.Clock.Set(Opens.AddMinutes(5));

        var outcomes = await AllAtOnceAsync(50, i => data.CastAsync(election, t[0].AgentId, [t[i % 3].AgentId]));

        var ballot = Assert.Single(await data.BallotsAsync(election));
        Assert.Equal(t[0].AgentId, ballot.AgentId);
        Assert.Equal(1, ballot.Revision);
        Assert.Single(outcomes, o => o.Succeeded);
        UseSpanish();
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(Messages.CommitteeBallotStale.Format(), o.Problem));
    }

    [Fact]
    public async Task FiftyConcurrentRetries_OfOneSubmission_MakeOneBallot_AndAllSucceed()
    {
        var data = await CreateAsync(app);
        var t = data.Cycle.Titulars;
        var election = await data.ElectionAsync(2, mixed: true, [t[0].AgentId, t[1].AgentId], Opens, Closes);
        app.Clock.Set(Opens.AddMinutes(5));
        var key = Guid.NewGuid().ToString("N");

        var outcomes = await AllAtOnceAsync(50, _ => data.CastAsync(election, t[2].AgentId, [t[0].AgentId, t[1].AgentId], key));

        var ballot = Assert.Single(await data.BallotsAsync(election));
        Assert.Equal(1, ballot.Revision);
        Assert.Equal(new[] { t[0].AgentId, t[1].AgentId }.Order(), ballot.Approvals);
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Single(outcomes, o => !o.Repeated);
    }

    [Fact]
    public async Task ChangedBallot_ReplacesTheOld_AndAStalePageIsRefused()
    {
        UseSpanish();
        var data = await CreateAsync(app);
        var t = data.Cycle.Titulars;
        var election = await data.ElectionAsync(2, mixed: true, [t[0].AgentId, t[1].AgentId, t[2].AgentId], Opens, Closes);
        app.Clock.Set(Opens.AddMinutes(5));

        Assert.True((await data.CastAsync(election, t[1].AgentId, [t[0].AgentId])).Succeeded);
        var changed = await data.CastAsync(election, t[1].AgentId, [t[2].AgentId], seenRevision: 1);
        Assert.True(changed.Changed);

        var stale = await data.CastAsync(election, t[1].AgentId, [t[0].AgentId, t[1].AgentId], seenRevision: 1);
        Assert.Equal(Messages.CommitteeBallotStale.Format(), stale.Problem);
        var ballot = Assert.Single(await data.BallotsAsync(election));
        Assert.Equal(2, ballot.Revision);
        Assert.Equal([t[2].AgentId], ballot.Approvals);
    }

    [Fact]
    public async Task BadBallots_AreRefusedWithTheirReason_AndNothingIsSaved()
    {
        UseSpanish();
        var data = await CreateAsync(app);
        var t = data.Cycle.Titulars;
        var s = data.Cycle.Suplentes;
        var election = await data.ElectionAsync(2, mixed: true, [t[0].AgentId, t[1].AgentId, t[2].AgentId], Opens, Closes);

        app.Clock.Set(Opens.AddTicks(-1));
        Assert.Equal(Messages.CommitteeBallotNotOpen.Format(), (await data.CastAsync(election, t[0].AgentId, [t[1].AgentId])).Problem);

        app.Clock.Set(Opens.AddMinutes(5));
        Assert.Equal("Puede marcar hasta 2 candidatos y marcó 3: quite alguno.", (await data.CastAsync(election, t[0].AgentId, [t[0].AgentId, t[1].AgentId, t[2].AgentId])).Problem);
        Assert.Equal(Messages.CommitteeBallotNotACandidate.Format(), (await data.CastAsync(election, t[0].AgentId, [s[0].AgentId])).Problem);
        Assert.Equal(Messages.CommitteeVoterSuplenteNotCalled.Format(), (await data.CastAsync(election, s[0].AgentId, [t[0].AgentId])).Problem);

        app.Clock.Set(Closes);
        Assert.Equal(Messages.CommitteeBallotNotOpen.Format(), (await data.CastAsync(election, t[0].AgentId, [t[1].AgentId])).Problem);

        Assert.Empty(await data.BallotsAsync(election));
    }

    [Fact]
    public async Task ASuplenteCalledInAtTheFinalVote_VotesForItsAbsentTitular_AndTheTitularDoesNot()
    {
        UseSpanish();
        var data = await CreateAsync(app);
        var t = data.Cycle.Titulars;
        var s = data.Cycle.Suplentes;
        var election = await data.ElectionAsync(2, mixed: true, [t[0].AgentId, t[1].AgentId], Opens, Closes);

        // The titular of the first organization is recorded absent at the final vote (before the close).
        await data.ReadAsync(async db =>
        {
            var vote = await VoteQueries.Votes(db).SingleAsync(v => v.CycleId == data.CycleId);
            var cycle = await db.Cycles.FindAsync(data.CycleId);
            var titular = await db.Agents.FindAsync(t[0].AgentId);
            var suplente = await db.Agents.FindAsync(s[0].AgentId);
            vote.RecordAbsence(cycle!, Manager, titular!, suplente!, titularHasVoted: false, Opens.AddMinutes(1));
            return await db.SaveChangesAsync();
        });
        app.Clock.Set(Opens.AddMinutes(5));

        Assert.Equal(Messages.CommitteeVoterTitularAbsent.Format(), (await data.CastAsync(election, t[0].AgentId, [t[1].AgentId])).Problem);
        Assert.True((await data.CastAsync(election, s[0].AgentId, [t[1].AgentId])).Succeeded);
        Assert.Single(await data.BallotsAsync(election));
    }
}
