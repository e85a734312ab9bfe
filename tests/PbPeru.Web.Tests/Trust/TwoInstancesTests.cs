using System.Net;
using PbPeru.Domain.Voting;
using PbPeru.Web.Tests.Infrastructure;
using static PbPeru.Web.Tests.Voting.VotingTestData;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// Two instances of the app on one PostgreSQL, as two replicas behind a proxy without sticky
/// sessions: what one instance starts (a sign-in, a form) the other continues, and a ballot sent to
/// both counts once.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class TwoInstancesTests(DemoPbPeruFactory instanceA) : IClassFixture<DemoPbPeruFactory>
{
    [Fact]
    public async Task SignedInOnOneInstance_VotingOnTheOther_AndTheSameSubmissionSentToBoth_CountsOnce()
    {
        var data = await CreateAsync(instanceA);
        var (road, water) = (await data.PositionAsync("Carretera"), await data.PositionAsync("Agua potable"));
        var email = await BallotForms.AccountForAgentAsync(instanceA, data, Santos);
        await using var instanceB = new PbPeruFactory { ConnectionString = instanceA.DatabaseConnectionString };

        using var onA = instanceA.CreateAppClient(followRedirects: false);
        await onA.LoginAsync(email, BallotForms.Password);
        using var onB = instanceB.CreateAppClient(followRedirects: false);
        BallotForms.CopyCookies(onA, onB);

        // B shows the ballot to A's session and gives the form; the browser sends it to both.
        var form = await BallotForms.ReviewAsync(onB, data, road, water);
        var answers = await Task.WhenAll(BallotForms.CastAsync(onB, form), BallotForms.CastAsync(onA, form));

        var receipt = ReceiptCodes.For(form.SubmissionKey);
        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Equal(receipt, BallotForms.ReceiptOn(a.Page));
        });
        var ballot = Assert.Single(await data.BallotsAsync());
        Assert.Equal(data.Agent(Santos), ballot.AgentId);
        Assert.Equal(1, ballot.Revision);
        Assert.True(ballot.HasReceipt(receipt));

        // Either instance's page sees the ballot in force; the count has one voter.
        foreach (var client in new[] { onA, onB })
        {
            var page = await client.GetPageAsync(BallotForms.BallotPage(data));
            Assert.NotNull(page.QuerySelector(".already-voted"));
        }

        var result = await data.CloseAndCountAsync();
        Assert.Equal(1, (await data.VoteAsync()).Result!.Voters);
        Assert.NotEmpty(result.Selected);
    }
}
