using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Voting;

/// <summary>
/// The agent's side of the final vote through HTTP with the real antiforgery flow: the ballot, the
/// review step, the cast and its receipt (shown once, the same on a replay), changes, refusals, and
/// checking a receipt code.
/// </summary>
[Trait("Capability", "Voting")]
public sealed partial class AgentBallotPageTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [GeneratedRegex("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")]
    private static partial Regex ReceiptShape();

    [Fact]
    public async Task ReviewThenCast_GivesAReceiptAndOneBallot_AndReplayingTheCastGivesTheSameReceipt()
    {
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.Knapsack);
        app.Clock.Set(BallotTestCycle.During);
        using var agent = await cycle.SignedInAsync(cycle.Titulars[0]);

        // The agent's home and the list of votes lead to the open ballot.
        var home = await agent.GetPageAsync("/Agent");
        Assert.NotNull(home.QuerySelector(".final-vote-card .final-vote-open"));
        var votes = await agent.GetPageAsync("/Voting");
        var row = votes.QuerySelector($".vote-row[data-cycle-id='{cycle.CycleId}']")!;
        Assert.Contains("Abierta", row.QuerySelector(".vote-state")!.TextContent);
        Assert.Contains("Aún no ha votado", row.TextContent);
        Assert.Equal(cycle.BallotUrl, row.QuerySelector("a.vote-button")!.GetAttribute("href"));

        // The ballot: the rule in words, each project with its cost, the running total for the script.
        var ballot = await agent.GetPageAsync(cycle.BallotUrl);
        Assert.Contains("Elija los proyectos que quiera mientras su costo total no pase de S/ 1,000,000.00.", ballot.QuerySelector("legend")!.TextContent);
        Assert.Equal(4, ballot.QuerySelectorAll("form.ballot-form input[type=checkbox][name=Picked]").Length);
        Assert.Equal("100000000", ballot.QuerySelector("form.ballot-form")!.GetAttribute("data-budget"));
        Assert.Contains("S/ 400,000.00", ballot.QuerySelector("label[for=item-1]")!.TextContent);
        Assert.NotNull(ballot.QuerySelector("[data-tally][hidden]"));

        // Review: the chosen projects and the total, nothing stored yet.
        using var reviewed = await agent.SubmitAsync(ballot, "form.ballot-form", ("Picked", "1"), ("Picked", "3"));
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        var review = await AppClient.ParseAsync(reviewed);
        Assert.Equal(new[] { "1", "3" }, review.QuerySelectorAll(".review-choices .summary-item").Select(i => i.GetAttribute("data-position") ?? "").ToArray());
        Assert.Contains("Total: S/ 650,000.00 de S/ 1,000,000.00 — quedan S/ 350,000.00", review.QuerySelector(".summary-total")!.TextContent);
        Assert.NotNull(review.QuerySelector("form.back-form"));
        Assert.Equal(0, await cycle.BallotCountAsync());

        // Cast: the receipt in the answer itself, one ballot stored.
        var cast = CastForm(review);
        using var first = await agent.Http.PostAsync(cast.Action, new FormUrlEncodedContent(cast.Values));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("no-store", first.Headers.CacheControl?.ToString());
        var receiptPage = await AppClient.ParseAsync(first);
        var receipt = receiptPage.QuerySelector("#receipt-code")!.TextContent.Trim();
        Assert.Matches(ReceiptShape(), receipt);
        Assert.Contains("Anótelo o tómele una foto: no se volverá a mostrar.", receiptPage.QuerySelector(".ballot-receipt")!.TextContent);
        Assert.Contains("solo cuenta el último", receiptPage.QuerySelector(".ballot-receipt")!.TextContent);
        Assert.NotNull(receiptPage.QuerySelector("[data-print]"));
        Assert.Null(receiptPage.QuerySelector(".repeated"));
        var stored = await cycle.BallotOfAsync(cycle.Titulars[0]);
        Assert.Equal(1, stored.Revision);
        Assert.Equal([new BallotChoice(1, 1), new BallotChoice(3, 1)], stored.Selections);
        Assert.True(stored.HasReceipt(receipt));

        // A reload re-posts the same submission: the same receipt, still one ballot.
        using var again = await agent.Http.PostAsync(cast.Action, new FormUrlEncodedContent(cast.Values));
        var againPage = await AppClient.ParseAsync(again);
        Assert.Equal(receipt, againPage.QuerySelector("#receipt-code")!.TextContent.Trim());
        Assert.NotNull(againPage.QuerySelector(".repeated"));

        // A double click: two requests at once with the same key make one ballot and one receipt.
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await agent.Http.PostAsync(cast.Action, new FormUrlEncodedContent(cast.Values));
            return (await AppClient.ParseAsync(response)).QuerySelector("#receipt-code")?.TextContent.Trim();
        }));
        Assert.All(twice, r => Assert.Equal(receipt, r));
        Assert.Equal(1, await cycle.BallotCountAsync());
        Assert.Equal(1, (await cycle.BallotOfAsync(cycle.Titulars[0])).Revision);

        // The list now says when the agent voted, and offers to change it.
        var after = (await agent.GetPageAsync("/Voting")).QuerySelector($".vote-row[data-cycle-id='{cycle.CycleId}']")!;
        Assert.Contains("Votó el", after.QuerySelector(".voted-state")!.TextContent);
        Assert.Contains("Cambiar mi voto", after.QuerySelector("a.vote-button")!.TextContent);
    }

    [Fact]
    public async Task ChangingTheBallot_ReplacesTheOld_AndOnlyTheNewReceiptIsInForce()
    {
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.Knapsack);
        app.Clock.Set(BallotTestCycle.During);
        using var agent = await cycle.SignedInAsync(cycle.Titulars[1]);
        var oldReceipt = await CastAsync(agent, cycle, ("Picked", "1"));

        // The ballot shows the vote in force, already marked.
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var ballot = await agent.GetPageAsync(cycle.BallotUrl);
        Assert.Contains("Usted ya votó el", ballot.QuerySelector(".already-voted")!.TextContent);
        Assert.True(((IHtmlInputElement)ballot.QuerySelector("#item-1")!).IsChecked);
        Assert.False(((IHtmlInputElement)ballot.QuerySelector("#item-2")!).IsChecked);
        Assert.Equal("1", ((IHtmlInputElement)ballot.QuerySelector("form.ballot-form input[name=Revision]")!).Value);

        // "Volver y cambiar" brings the ballot back with the marks under review.
        using (var reviewed = await agent.SubmitAsync(ballot, "form.ballot-form", ("Picked", "2"), ("Picked", "4")))
        {
            var review = await AppClient.ParseAsync(reviewed);
            Assert.NotNull(review.QuerySelector(".replaces"));
            using var back = await agent.SubmitAsync(review, "form.back-form");
            var again = await AppClient.ParseAsync(back);
            Assert.True(((IHtmlInputElement)again.QuerySelector("#item-2")!).IsChecked);
            Assert.True(((IHtmlInputElement)again.QuerySelector("#item-4")!).IsChecked);
            Assert.False(((IHtmlInputElement)again.QuerySelector("#item-1")!).IsChecked);
        }

        var newReceipt = await CastAsync(agent, cycle, ("Picked", "2"), ("Picked", "4"));
        Assert.NotEqual(oldReceipt, newReceipt);
        var stored = await cycle.BallotOfAsync(cycle.Titulars[1]);
        Assert.Equal(2, stored.Revision);
        Assert.Equal([new BallotChoice(2, 1), new BallotChoice(4, 1)], stored.Selections);
        Assert.Equal(1, await cycle.BallotCountAsync());

        // The receipt check: the new code (typed any way) is the ballot in force; the old one no longer.
        using (var matches = await agent.SubmitAsync(cycle.ReceiptUrl, "form.receipt-form", ("Code", newReceipt.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal))))
        {
            var page = await AppClient.ParseAsync(matches);
            Assert.Contains("Este código corresponde a su voto vigente, emitido el", page.QuerySelector(".receipt-matches")!.TextContent);
        }

        using (var differs = await agent.SubmitAsync(cycle.ReceiptUrl, "form.receipt-form", ("Code", oldReceipt)))
        {
            var page = await AppClient.ParseAsync(differs);
            Assert.Null(page.QuerySelector(".receipt-matches"));
            Assert.Contains("Este código no corresponde a su voto vigente", page.QuerySelector(".receipt-differs")!.TextContent);
        }

        // Another agent's receipt check looks at that agent's own ballot only.
        using var other = await cycle.SignedInAsync(cycle.Titulars[2]);
        using (var notTheirs = await other.SubmitAsync(cycle.ReceiptUrl, "form.receipt-form", ("Code", newReceipt)))
        {
            var page = await AppClient.ParseAsync(notTheirs);
            Assert.Null(page.QuerySelector(".receipt-matches"));
            Assert.NotNull(page.QuerySelector(".receipt-no-ballot"));
        }
    }

    [Fact]
    public async Task ACastFromAPageMadeStaleByAnotherWindow_IsRefused_TheMarksKept_AndCanBeSentAgain()
    {
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.Knapsack);
        app.Clock.Set(BallotTestCycle.During);
        using var agent = await cycle.SignedInAsync(cycle.Titulars[0]);

        // Two windows reviewed from the same ballot; the first one casts.
        using var firstReview = await agent.SubmitAsync(cycle.BallotUrl, "form.ballot-form", ("Picked", "1"));
        var first = await AppClient.ParseAsync(firstReview);
        using var secondReview = await agent.SubmitAsync(cycle.BallotUrl, "form.ballot-form", ("Picked", "4"));
        var second = await AppClient.ParseAsync(secondReview);
        using (var cast = await agent.SubmitAsync(first, "form.cast-form"))
        {
            Assert.NotNull((await AppClient.ParseAsync(cast)).QuerySelector("#receipt-code"));
        }

        // The second window's cast would silently replace it: refused, its marks kept on the ballot.
        using var stale = await agent.SubmitAsync(second, "form.cast-form");
        var page = await AppClient.ParseAsync(stale);
        Assert.Contains("Su cédula cambió en otra ventana mientras votaba.", Errors(page));
        Assert.Contains("si emite esta cédula, reemplazará ese voto", page.QuerySelector(".already-voted")!.TextContent);
        Assert.Null(page.QuerySelector("#receipt-code"));
        Assert.True(((IHtmlInputElement)page.QuerySelector("#item-4")!).IsChecked);
        Assert.False(((IHtmlInputElement)page.QuerySelector("#item-1")!).IsChecked);
        Assert.Equal([new BallotChoice(1, 1)], (await cycle.BallotOfAsync(cycle.Titulars[0])).Selections);

        // Sent again from there, deliberately: it replaces the first.
        using var reviewed = await agent.SubmitAsync(page, "form.ballot-form");
        using var recast = await agent.SubmitAsync(await AppClient.ParseAsync(reviewed), "form.cast-form");
        Assert.NotNull((await AppClient.ParseAsync(recast)).QuerySelector("#receipt-code"));
        var stored = await cycle.BallotOfAsync(cycle.Titulars[0]);
        Assert.Equal(2, stored.Revision);
        Assert.Equal([new BallotChoice(4, 1)], stored.Selections);
    }

    [Fact]
    public async Task AKnapsackBallotOverTheBudget_IsRefusedWithItsMessage_TheMarksKept_AndNothingStored()
    {
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.Knapsack);
        app.Clock.Set(BallotTestCycle.During);
        using var agent = await cycle.SignedInAsync(cycle.Titulars[0]);

        using var refused = await agent.SubmitAsync(cycle.BallotUrl, "form.ballot-form", ("Picked", "1"), ("Picked", "2"), ("Picked", "3"), ("Picked", "4"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await AppClient.ParseAsync(refused);
        Assert.Contains("Los proyectos elegidos suman S/ 1,150,000.00, más que el presupuesto de S/ 1,000,000.00. Quite alguno.", Errors(page));
        Assert.Null(page.QuerySelector("form.cast-form"));
        Assert.All(page.QuerySelectorAll("form.ballot-form input[name=Picked]").Cast<IHtmlInputElement>(), box => Assert.True(box.IsChecked));

        // A hand-made cast of the same marks is refused by the ballot box too.
        using var forged = await agent.PostWithTokenAsync(cycle.BallotUrl, $"{cycle.BallotUrl}?handler=Cast",
            ("Picked", "1"), ("Picked", "2"), ("Picked", "3"), ("Picked", "4"), ("Revision", "0"), ("SubmissionKey", ReceiptCodes.NewSubmissionKey()));
        var forgedPage = await AppClient.ParseAsync(forged);
        Assert.Contains("más que el presupuesto de S/ 1,000,000.00", Errors(forgedPage));
        Assert.Null(forgedPage.QuerySelector("#receipt-code"));
        Assert.Equal(0, await cycle.BallotCountAsync());
    }

    [Fact]
    public async Task AnApprovalBallotWithTooManyPicks_IsRefused()
    {
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.ApprovalOfTwo with { RunningCountsVisible = true });
        app.Clock.Set(BallotTestCycle.During);
        using var agent = await cycle.SignedInAsync(cycle.Titulars[0]);

        var ballot = await agent.GetPageAsync(cycle.BallotUrl);
        Assert.Contains("Marque los proyectos que apoya: hasta 2.", ballot.QuerySelector("legend")!.TextContent);
        Assert.Equal("2", ballot.QuerySelector("form.ballot-form")!.GetAttribute("data-max"));
        Assert.Equal("Marcados: {0} de {1}", ballot.QuerySelector("form.ballot-form")!.GetAttribute("data-text"));

        using var refused = await agent.SubmitAsync(ballot, "form.ballot-form", ("Picked", "1"), ("Picked", "2"), ("Picked", "3"));
        var page = await AppClient.ParseAsync(refused);
        Assert.Contains("Puede marcar hasta 2 proyectos; marcó 3.", Errors(page));
        Assert.Null(page.QuerySelector("form.cast-form"));

        using var forged = await agent.PostWithTokenAsync(cycle.BallotUrl, $"{cycle.BallotUrl}?handler=Cast",
            ("Picked", "1"), ("Picked", "2"), ("Picked", "3"), ("Revision", "0"), ("SubmissionKey", ReceiptCodes.NewSubmissionKey()));
        Assert.Contains("Puede marcar hasta 2 proyectos; marcó 3.", Errors(await AppClient.ParseAsync(forged)));
        Assert.Equal(0, await cycle.BallotCountAsync());

        // Two marks are fine; this cycle shows running counts while the vote is open.
        await CastAsync(agent, cycle, ("Picked", "2"), ("Picked", "3"));
        using var second = await cycle.SignedInAsync(cycle.Titulars[1]);
        var counts = await second.GetPageAsync(cycle.BallotUrl);
        Assert.Contains("Apoyos hasta ahora: 1", counts.QuerySelector("label[for=item-2] .ballot-support")!.TextContent);
        Assert.Contains("Apoyos hasta ahora: 0", counts.QuerySelector("label[for=item-1] .ballot-support")!.TextContent);
    }

    [Fact]
    public async Task RunningCounts_AreHiddenUnlessTheCycleShowsThem()
    {
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.Knapsack);
        app.Clock.Set(BallotTestCycle.During);
        using var agent = await cycle.SignedInAsync(cycle.Titulars[0]);
        await CastAsync(agent, cycle, ("Picked", "1"));

        using var second = await cycle.SignedInAsync(cycle.Titulars[1]);
        Assert.Empty((await second.GetPageAsync(cycle.BallotUrl)).QuerySelectorAll(".ballot-support"));
    }

    [Fact]
    public async Task BeforeOpeningAndAfterClosing_TheVoteIsRefused()
    {
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.Knapsack);
        app.Clock.Set(BallotTestCycle.Opens.AddMinutes(-30));
        using var agent = await cycle.SignedInAsync(cycle.Titulars[0]);

        // Scheduled: the projects to study, no form; a hand-made review or cast is refused.
        var scheduled = await agent.GetPageAsync(cycle.BallotUrl);
        Assert.Contains("La votación aún no se ha abierto.", scheduled.QuerySelector(".ballot-unavailable")!.TextContent);
        Assert.Contains("La votación abre el", scheduled.QuerySelector(".vote-state")!.TextContent);
        Assert.Null(scheduled.QuerySelector("form.ballot-form"));
        Assert.Equal(4, scheduled.QuerySelectorAll(".ballot-items-readonly .ballot-item").Length);
        Assert.Contains("Programada", (await agent.GetPageAsync("/Voting")).QuerySelector(".vote-row .vote-state")!.TextContent);

        using (var early = await agent.PostWithTokenAsync(cycle.BallotUrl, $"{cycle.BallotUrl}?handler=Review", ("Picked", "1"), ("Revision", "0")))
        {
            var page = await AppClient.ParseAsync(early);
            Assert.Contains("La votación no está abierta en este momento: no se guardó el voto.", Errors(page));
            Assert.Null(page.QuerySelector("form.cast-form"));
        }

        using (var early = await agent.PostWithTokenAsync(cycle.BallotUrl, $"{cycle.BallotUrl}?handler=Cast",
            ("Picked", "1"), ("Revision", "0"), ("SubmissionKey", ReceiptCodes.NewSubmissionKey())))
        {
            var page = await AppClient.ParseAsync(early);
            Assert.Contains("La votación no está abierta en este momento: no se guardó el voto.", Errors(page));
            Assert.Null(page.QuerySelector("#receipt-code"));
        }

        Assert.Equal(0, await cycle.BallotCountAsync());

        // Reviewed while open, confirmed after the close: refused, nothing stored.
        app.Clock.Set(BallotTestCycle.During);
        using var reviewed = await agent.SubmitAsync(cycle.BallotUrl, "form.ballot-form", ("Picked", "2"));
        var review = await AppClient.ParseAsync(reviewed);
        app.Clock.Set(BallotTestCycle.Closes.AddMinutes(1));
        using (var late = await agent.SubmitAsync(review, "form.cast-form"))
        {
            var page = await AppClient.ParseAsync(late);
            Assert.Contains("La votación no está abierta en este momento: no se guardó el voto.", Errors(page));
            Assert.Null(page.QuerySelector("#receipt-code"));
        }

        Assert.Equal(0, await cycle.BallotCountAsync());
        var closed = await agent.GetPageAsync(cycle.BallotUrl);
        Assert.Contains("La votación cerró el", closed.QuerySelector(".vote-state")!.TextContent);
        Assert.Null(closed.QuerySelector("form.ballot-form"));
        Assert.Null(closed.QuerySelector(".result-link")); // the cycle is not published
    }

    [Fact]
    public async Task ASuplenteWhoseTitularWasNotRecordedAbsent_CannotVote()
    {
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.Knapsack);
        app.Clock.Set(BallotTestCycle.During);
        using var suplente = await cycle.SignedInAsync(cycle.Suplentes[0]);

        var page = await suplente.GetPageAsync(cycle.BallotUrl);
        Assert.Contains("Un suplente vota solo cuando su titular es registrado como ausente.", page.QuerySelector(".ballot-unavailable")!.TextContent);
        Assert.Null(page.QuerySelector("form.ballot-form"));
        Assert.Contains("Un suplente vota solo cuando", (await suplente.GetPageAsync("/Voting")).QuerySelector(".vote-row .cannot-vote")!.TextContent);

        using var forged = await suplente.PostWithTokenAsync(cycle.BallotUrl, $"{cycle.BallotUrl}?handler=Cast",
            ("Picked", "1"), ("Revision", "0"), ("SubmissionKey", ReceiptCodes.NewSubmissionKey()));
        var refused = await AppClient.ParseAsync(forged);
        Assert.Contains("Un suplente vota solo cuando su titular es registrado como ausente.", Errors(refused));
        Assert.Null(refused.QuerySelector("#receipt-code"));
        Assert.Equal(0, await cycle.BallotCountAsync());
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnAgentOfTheCycle_Gets403WithAPlainMessage()
    {
        var cycle = await BallotTestCycle.CreateAsync(app, BallotTestCycle.Knapsack);
        app.Clock.Set(BallotTestCycle.During);
        var email = $"otra-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Otra Persona", BallotTestCycle.Password, [Roles.Agent]);
        using var stranger = app.CreateAppClient(followRedirects: false);
        await stranger.LoginAsync(email, BallotTestCycle.Password);

        foreach (var url in new[] { cycle.BallotUrl, cycle.ReceiptUrl })
        {
            using var response = await stranger.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var page = await AppClient.ParseAsync(response);
            Assert.Contains("Usted no es agente participante de este ciclo.", page.QuerySelector(".not-an-agent")!.TextContent);
            Assert.Null(page.QuerySelector("form.ballot-form, form.receipt-form"));
        }

        using (var forged = await stranger.PostWithTokenAsync("/Voting", $"{cycle.BallotUrl}?handler=Cast",
            ("Picked", "1"), ("Revision", "0"), ("SubmissionKey", ReceiptCodes.NewSubmissionKey())))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        Assert.Equal(0, await cycle.BallotCountAsync());
        Assert.NotNull((await stranger.GetPageAsync("/Voting")).QuerySelector("#no-votes"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/Voting/Ballot/999999")).StatusCode);

        // Without an account: the sign-in page.
        using var anonymous = app.CreateAppClient(followRedirects: false);
        using var redirected = await anonymous.GetAsync(cycle.BallotUrl);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Contains(AppClient.LoginPath, redirected.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CumulativeAndRankingBallots_AreCastThroughTheirOwnFields()
    {
        var cumulative = await BallotTestCycle.CreateAsync(
            app, VotingRules.Default with { BallotType = BallotType.Cumulative, MaxApprovals = null, TotalPoints = 10, MaxPointsPerProject = 6 });
        app.Clock.Set(BallotTestCycle.During);
        using (var agent = await cumulative.SignedInAsync(cumulative.Titulars[0]))
        {
            var ballot = await agent.GetPageAsync(cumulative.BallotUrl);
            Assert.Equal("6", ballot.QuerySelector("input[name='Points[1]']")!.GetAttribute("max"));
            using var tooMany = await agent.SubmitAsync(ballot, "form.ballot-form", ("Points[1]", "6"), ("Points[2]", "5"));
            Assert.Contains("Repartió 11 puntos; tiene 10.", Errors(await AppClient.ParseAsync(tooMany)));
            await CastAsync(agent, cumulative, ("Points[1]", "6"), ("Points[3]", "4"), ("Points[2]", ""));
            Assert.Equal([new BallotChoice(1, 6), new BallotChoice(3, 4)], (await cumulative.BallotOfAsync(cumulative.Titulars[0])).Selections);
            Assert.Equal("6", ((IHtmlInputElement)(await agent.GetPageAsync(cumulative.BallotUrl)).QuerySelector("input[name='Points[1]']")!).Value);
        }

        var ranking = await BallotTestCycle.CreateAsync(app, VotingRules.Default with { BallotType = BallotType.Ranking, MaxApprovals = null, RankingLength = 3 });
        using (var agent = await ranking.SignedInAsync(ranking.Titulars[0]))
        {
            var ballot = await agent.GetPageAsync(ranking.BallotUrl);
            Assert.Equal(4, ballot.QuerySelectorAll("select[name='Places[1]'] option").Length); // "—" and 1..3
            using var skipped = await agent.SubmitAsync(ballot, "form.ballot-form", ("Places[1]", "1"), ("Places[2]", "3"));
            Assert.Contains("sin repetir ni saltar puestos", Errors(await AppClient.ParseAsync(skipped)));
            await CastAsync(agent, ranking, ("Places[4]", "1"), ("Places[2]", "2"));
            Assert.Equal([new BallotChoice(2, 2), new BallotChoice(4, 1)], (await ranking.BallotOfAsync(ranking.Titulars[0])).Selections);
        }
    }

    /// <summary>Reviews and casts a ballot through the forms; returns the receipt code shown.</summary>
    private static async Task<string> CastAsync(AppClient agent, BallotTestCycle cycle, params (string Name, string Value)[] marks)
    {
        using var reviewed = await agent.SubmitAsync(cycle.BallotUrl, "form.ballot-form", marks);
        var review = await AppClient.ParseAsync(reviewed);
        Assert.True(review.QuerySelector("form.cast-form") is not null, $"Review refused: {Errors(review)}");
        using var cast = await agent.SubmitAsync(review, "form.cast-form");
        var page = await AppClient.ParseAsync(cast);
        return page.QuerySelector("#receipt-code")?.TextContent.Trim() ?? throw new InvalidOperationException($"Cast refused: {Errors(page)}");
    }

    /// <summary>The cast form's action and values, to post the very same submission more than once.</summary>
    private static (string Action, List<KeyValuePair<string, string>> Values) CastForm(IDocument review)
    {
        var form = (IHtmlFormElement)review.QuerySelector("form.cast-form")!;
        var values = FormSubmission.CurrentValues(form);
        Assert.Contains(values, v => v.Key == "SubmissionKey" && v.Value.Length >= 32);
        return (form.GetAttribute("action")!, values);
    }

    private static string Errors(IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".validation-summary-errors li").Select(e => e.TextContent.Trim()));
}

/// <summary>
/// A cycle of this test class, built straight through the domain: accredited organizations (a
/// titular and a suplente each, both with accounts), advanced to Formalization, and a final vote
/// prepared to open at <see cref="Opens"/> and close at <see cref="Closes"/> on four projects within
/// a budget of S/ 1,000,000.
/// </summary>
internal sealed class BallotTestCycle
{
    public const string Password = "una-frase-de-prueba-larga";
    public const string District = "080107";

    public static readonly DateTimeOffset Opens = new(2027, 8, 10, 14, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Closes = Opens.AddHours(4);
    public static readonly DateTimeOffset During = Opens.AddMinutes(30);

    public static VotingRules Knapsack { get; } = VotingRules.Default with { BallotType = BallotType.Knapsack, MaxApprovals = null, CountingRule = CountingRule.EqualSharesAdd1 };

    public static VotingRules ApprovalOfTwo { get; } = VotingRules.Default with { BallotType = BallotType.Approval, MaxApprovals = 2 };

    private static readonly DateOnly RegistrationDay = new(2027, 1, 20);
    private static int _year = 2040;
    private static int _dni = 20_000_000 + (Environment.ProcessId % 1000 * 10_000);

    private readonly PbPeruFactory _app;

    private BallotTestCycle(PbPeruFactory app) => _app = app;

    public sealed record Person(string Email, int AgentId);

    public int CycleId { get; private set; }

    public int VoteId { get; private set; }

    public IReadOnlyList<Person> Titulars { get; private set; } = [];

    public IReadOnlyList<Person> Suplentes { get; private set; } = [];

    public string BallotUrl => $"/Voting/Ballot/{CycleId}";

    public string ReceiptUrl => $"/Voting/Receipt/{CycleId}";

    public static async Task<BallotTestCycle> CreateAsync(PbPeruFactory app, VotingRules rules, int organizations = 3)
    {
        var result = new BallotTestCycle(app);
        var year = Interlocked.Increment(ref _year);
        var representative = await app.CreateUserAsync($"rep-{Guid.NewGuid():N}@prueba.pe", "Representante de Prueba", Password, [Roles.OrganizationRepresentative]);
        var accounts = new List<(string Email, string UserId)>();
        for (var i = 0; i < organizations * 2; i++)
        {
            var email = $"agente-{Guid.NewGuid():N}@prueba.pe";
            var user = await app.CreateUserAsync(email, $"Agente {i + 1}", Password, [Roles.Agent]);
            accounts.Add((email, user.Id));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actor = new Actor("semilla", "Gestora Semilla", new HashSet<string> { District });
        var at = new DateTimeOffset(2027, 1, 4, 15, 0, 0, TimeSpan.Zero);
        var cycle = Cycle.Create(District, year, $"Presupuesto Participativo {year} de Saylla", Money.FromSoles(1_000_000m), actor, at.AddDays(-10));
        cycle.SetThemes([new("Agua y saneamiento", "Agua potable"), new("Vías y movilidad", "Caminos")], actor);
        cycle.SetCalendar(
        [
            new(CalendarStep.PreparationPhase, new(2027, 1, 4), new(2027, 3, 26)),
            new(CalendarStep.Registration, new(2027, 1, 11), new(2027, 2, 5)),
            new(CalendarStep.ConcertationPhase, new(2027, 4, 1), new(2027, 5, 28)),
            new(CalendarStep.CoordinationPhase, new(2027, 6, 1), new(2027, 6, 30)),
            new(CalendarStep.FormalizationPhase, new(2027, 7, 1), new(2027, 8, 30)),
        ], actor);
        cycle.SetAccreditationRules(AccreditationRules.Default with { TrainingRequiredToVote = false, MinimumAccreditedAgents = 2, WomenMinimumSharePercent = null }, actor);
        cycle.SetVotingRules(rules, actor);
        cycle.AdvanceTo(Phase.Preparation, actor, new CycleFacts(), at);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();

        var registered = at.AddDays(16);
        var list = new List<Organization>();
        for (var i = 0; i < organizations; i++)
        {
            var organization = Organization.Register(cycle, representative.Id, new OrganizationDetails(
                $"Comunidad Campesina {i + 1} de Saylla", OrganizationType.NeighbourhoodAssociation, RegistryKind.MunicipalRegistry, $"RM-{i + 1:000}",
                District, "Plaza de Armas s/n", "Representante Legal"), RegistrationDay, registered);
            organization.AddAgent(cycle, new AgentDetails(NextDni(), "Rosa", $"Titular {i + 1}", Sex.Female, new DateOnly(1984, 3, 2), "984000000", null),
                AgentRole.Titular, dniTakenElsewhere: false, RegistrationDay);
            organization.AddAgent(cycle, new AgentDetails(NextDni(), "Juan", $"Suplente {i + 1}", Sex.Male, new DateOnly(1979, 7, 9), "984000001", null),
                AgentRole.Suplente, dniTakenElsewhere: false, RegistrationDay);
            organization.AddDocument(cycle, "acta.pdf", Guid.NewGuid().ToString("N"), "application/pdf", 1000, new string('a', 64), RegistrationDay, registered);
            organization.Submit(cycle, RegistrationDay, registered);
            organization.Accept(cycle, actor, registered);
            list.Add(organization);
        }

        db.Organizations.AddRange(list);
        await db.SaveChangesAsync();

        var titulars = new List<Person>();
        var suplentes = new List<Person>();
        for (var i = 0; i < list.Count; i++)
        {
            var titular = list[i].Agents.Single(a => a.Role == AgentRole.Titular);
            var suplente = list[i].Agents.Single(a => a.Role == AgentRole.Suplente);
            titular.LinkAccount(accounts[2 * i].UserId);
            suplente.LinkAccount(accounts[(2 * i) + 1].UserId);
            titulars.Add(new Person(accounts[2 * i].Email, titular.Id));
            suplentes.Add(new Person(accounts[(2 * i) + 1].Email, suplente.Id));
        }

        var agents = organizations * 2;
        var facts = new CycleFacts
        {
            FinalAgentListPublished = true,
            AccreditedAgents = agents,
            AccreditedTitulars = organizations,
            AccreditedWomenTitulars = organizations,
            RecommendationPublished = true,
            CoordinationMinutesRecorded = true,
        };
        cycle.AdvanceTo(Phase.Concertation, actor, facts, new DateTimeOffset(2027, 4, 1, 15, 0, 0, TimeSpan.Zero));
        cycle.AdvanceTo(Phase.Coordination, actor, facts, new DateTimeOffset(2027, 6, 1, 15, 0, 0, TimeSpan.Zero));
        cycle.AdvanceTo(Phase.Formalization, actor, facts, new DateTimeOffset(2027, 7, 1, 15, 0, 0, TimeSpan.Zero));
        await db.SaveChangesAsync();

        var vote = FinalVote.Prepare(cycle, actor,
        [
            new BallotItemInput("Agua potable para Saylla alta", Money.FromSoles(400_000m), null, null, "2400001", 82.5m, "Agua y saneamiento"),
            new BallotItemInput("Mejoramiento del camino a Huasao", Money.FromSoles(300_000m), null, null, null, 78m, "Vías y movilidad"),
            new BallotItemInput("Alcantarillado del barrio Tipón", Money.FromSoles(250_000m), null, null, null, 75m, "Agua y saneamiento"),
            new BallotItemInput("Veredas de la avenida principal", Money.FromSoles(200_000m), null, null, null, 70m, "Vías y movilidad"),
        ], cycle.Ceiling, Opens, Closes, Opens.AddDays(-1));
        db.FinalVotes.Add(vote);
        await db.SaveChangesAsync();

        result.CycleId = cycle.Id;
        result.VoteId = vote.Id;
        result.Titulars = titulars;
        result.Suplentes = suplentes;
        return result;
    }

    /// <summary>The person, signed in, without following redirects.</summary>
    public async Task<AppClient> SignedInAsync(Person person)
    {
        var client = _app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(person.Email, Password);
        return client;
    }

    public Task<int> BallotCountAsync() => ReadAsync(db => db.AgentBallots.CountAsync(b => b.FinalVoteId == VoteId));

    public Task<AgentBallot> BallotOfAsync(Person person) =>
        ReadAsync(db => db.AgentBallots.AsNoTracking().SingleAsync(b => b.FinalVoteId == VoteId && b.AgentId == person.AgentId));

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static string NextDni() => Interlocked.Increment(ref _dni).ToString(CultureInfo.InvariantCulture);
}
