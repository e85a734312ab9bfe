using System.Net;
using PbPeru.Domain.Voting;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Voting;
using static PbPeru.Web.Tests.Voting.VotingTestData;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// The server's clock decides the end of the vote, over HTTP as in the domain: the window is
/// [opening, closing) — <c>FinalVote.StateAt</c> is Open while <c>now &lt; ClosesAt</c> — so the
/// closing instant itself already belongs to the closed vote.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class VotingWindowEdgeTests(DemoPbPeruFactory app) : IClassFixture<DemoPbPeruFactory>
{
    private const string NotOpen = "La votación no está abierta en este momento: no se guardó el voto.";

    [Fact]
    public async Task BallotCastAtTheLastMillisecond_IsAccepted_AndOneCastAtTheClosingInstantOrAfter_IsRefusedWithTheMessage()
    {
        var data = await CreateAsync(app);
        var (road, water) = (await data.PositionAsync("Carretera"), await data.PositionAsync("Agua potable"));

        // The app's clock stops now and the vote is made to close half a minute later: sessions,
        // keys and the vote all live on one short stretch of the app's time.
        var now = DateTimeOffset.UtcNow;
        app.Clock.Set(now);
        await data.ChangeVoteAsync((vote, cycle, _) => vote.Reschedule(cycle, data.Manager, vote.OpensAt, now.AddSeconds(30), now));
        var closesAt = (await data.VoteAsync()).ClosesAt;
        using var julia = await SignedInAsync(data, Julia);
        using var nelida = await SignedInAsync(data, Nelida);
        using var hernan = await SignedInAsync(data, Hernan);

        // Each reviews the ballot one millisecond before the vote closes.
        app.Clock.Set(closesAt.AddMilliseconds(-1));
        var (lastMoment, atClose, afterClose) = (
            await BallotForms.ReviewAsync(julia, data, road), await BallotForms.ReviewAsync(nelida, data, water), await BallotForms.ReviewAsync(hernan, data, road, water));

        var (acceptedStatus, accepted) = await BallotForms.CastAsync(julia, lastMoment);
        Assert.Equal(HttpStatusCode.OK, acceptedStatus);
        Assert.Equal(ReceiptCodes.For(lastMoment.SubmissionKey), BallotForms.ReceiptOn(accepted));

        // The closing instant itself: closed.
        app.Clock.Set(closesAt);
        var (refusedStatus, refused) = await BallotForms.CastAsync(nelida, atClose);
        Assert.Equal(HttpStatusCode.OK, refusedStatus);
        Assert.Null(BallotForms.ReceiptOn(refused));
        Assert.Contains(NotOpen, BallotForms.ErrorsOn(refused), StringComparison.Ordinal);

        app.Clock.Set(closesAt.AddMilliseconds(1));
        var (_, late) = await BallotForms.CastAsync(hernan, afterClose);
        Assert.Null(BallotForms.ReceiptOn(late));
        Assert.Contains(NotOpen, BallotForms.ErrorsOn(late), StringComparison.Ordinal);

        // The page agrees with the ballot box: no ballot form once closed.
        var page = await hernan.GetPageAsync(BallotForms.BallotPage(data));
        Assert.Null(page.QuerySelector("form.ballot-form"));

        var ballot = Assert.Single(await data.BallotsAsync());
        Assert.Equal(data.Agent(Julia), ballot.AgentId);
        Assert.Equal(closesAt.AddMilliseconds(-1), ballot.CastAt);
    }

    private async Task<AppClient> SignedInAsync(VotingTestData data, string dni)
    {
        var email = await BallotForms.AccountForAgentAsync(app, data, dni);
        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, BallotForms.Password);
        return client;
    }
}
