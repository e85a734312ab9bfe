using System.Net;
using Npgsql;
using PbPeru.Domain.Voting;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Voting;
using static PbPeru.Web.Tests.Voting.VotingTestData;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// The app killed while an agent's ballot is inserted but not yet committed: the ballot is whole or
/// absent, never partial, and the agent's retry of the same submission, to a new instance, counts
/// once. The app runs as a real child process, killed with SIGKILL; the test makes the vote's
/// transaction wait exactly at its COMMIT with a deferred constraint trigger of its own database
/// that waits on an advisory lock the test holds (no hook in the product).
/// </summary>
[Trait("Capability", "Trust")]
public sealed class BallotCommitFaultTests
{
    private const long HoldKey = 4242;

    /// <param name="serverNoticesTheLostClient">
    /// True: the app's sessions ask PostgreSQL to check for a vanished client while a command runs
    /// (<c>client_connection_check_interval</c>), so the waiting COMMIT is abandoned and the ballot
    /// rolled back: absent. False: PostgreSQL only notices when it answers, after the COMMIT went
    /// through: whole. The retry must end in one ballot either way.
    /// </param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AppKilledBetweenTheBallotsInsertAndItsCommit_LeavesTheBallotWholeOrAbsent_AndTheRetryOnANewInstanceCountsOnce(bool serverNoticesTheLostClient)
    {
        await using var setup = new DemoPbPeruFactory();
        await setup.InitializeAsync();
        var data = await CreateAsync(setup);
        var (road, water) = (await data.PositionAsync("Carretera"), await data.PositionAsync("Agua potable"));
        var email = await BallotForms.AccountForAgentAsync(setup, data, Hernan);
        var database = setup.DatabaseConnectionString;
        var appDatabase = serverNoticesTheLostClient
            ? new NpgsqlConnectionStringBuilder(database) { Options = "-c client_connection_check_interval=100" }.ConnectionString
            : database;

        await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await holder.OpenAsync();
        await ExecuteAsync(holder, """
            CREATE FUNCTION hold_ballot_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock_shared(4242);
                RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER hold_ballot_commit AFTER INSERT ON "AgentBallots"
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hold_ballot_commit();
            """);

        CastForm form;
        AppClient agent;
        await using (var first = await AppProcess.StartAsync(appDatabase))
        {
            agent = AppClient.OverNetwork(first.BaseAddress, followRedirects: false);
            await agent.LoginAsync(email, BallotForms.Password);
            form = await BallotForms.ReviewAsync(agent, data, road, water);

            await ExecuteAsync(holder, $"SELECT pg_advisory_lock({HoldKey})");
            var cast = BallotForms.CastAsync(agent, form);
            var waiting = await UntilWaitingAtCommitAsync(holder);
            Assert.Empty(await data.BallotsAsync()); // inserted, not committed: nobody sees it

            await first.KillAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => cast);
            if (serverNoticesTheLostClient)
            {
                // The server ends the session while its COMMIT still waits: only then is the lock let go,
                // or the commit could finish first.
                await UntilGoneAsync(holder, waiting);
                await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({HoldKey})");
            }
            else
            {
                await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({HoldKey})");
                await UntilGoneAsync(holder, waiting);
            }
        }

        await ExecuteAsync(holder, "DROP TRIGGER hold_ballot_commit ON \"AgentBallots\"; DROP FUNCTION hold_ballot_commit();");
        var receipt = ReceiptCodes.For(form.SubmissionKey);
        var afterKill = await data.BallotsAsync();
        if (serverNoticesTheLostClient)
        {
            Assert.Empty(afterKill);
        }
        else
        {
            var whole = Assert.Single(afterKill);
            AssertWhole(whole, data, receipt, road, water);
        }

        // The agent's browser sends the same submission again, to another instance (the same keys
        // in the database keep its session and its form valid there).
        await using var second = await AppProcess.StartAsync(database);
        using var retrying = AppClient.OverNetwork(second.BaseAddress, followRedirects: false);
        BallotForms.CopyCookies(agent, retrying);
        agent.Dispose();

        var (status, page) = await BallotForms.CastAsync(retrying, form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(receipt, BallotForms.ReceiptOn(page));
        var (againStatus, again) = await BallotForms.CastAsync(retrying, form);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal(receipt, BallotForms.ReceiptOn(again));

        var ballot = Assert.Single(await data.BallotsAsync());
        AssertWhole(ballot, data, receipt, road, water);
    }

    private static void AssertWhole(AgentBallot ballot, VotingTestData data, string receipt, params int[] positions)
    {
        Assert.Equal(data.Agent(Hernan), ballot.AgentId);
        Assert.Equal(1, ballot.Revision);
        Assert.Equal(positions.Order(), ballot.Selections.Select(s => s.Position).Order());
        Assert.True(ballot.HasReceipt(receipt));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until a session of the app waits on the test's advisory lock (its COMMIT running the trigger); returns its pid.</summary>
    private static async Task<int> UntilWaitingAtCommitAsync(NpgsqlConnection connection)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = {HoldKey} LIMIT 1", connection);
            if (await command.ExecuteScalarAsync(patience.Token) is int pid)
            {
                return pid;
            }

            await Task.Delay(50, patience.Token);
        }
    }

    /// <summary>Waits until the killed app's session has ended (rolled back, or committed and then found its client gone).</summary>
    private static async Task UntilGoneAsync(NpgsqlConnection connection, int pid)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM pg_stat_activity WHERE pid = {pid}", connection);
            if ((long)(await command.ExecuteScalarAsync(patience.Token))! == 0)
            {
                return;
            }

            await Task.Delay(50, patience.Token);
        }
    }
}
