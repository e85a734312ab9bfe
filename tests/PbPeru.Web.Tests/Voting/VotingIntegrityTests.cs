using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Cli;
using PbPeru.Domain.Common;
using PbPeru.Domain.Counting;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Voting;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Pages.Cycles.Training;
using PbPeru.Web.Tests.Infrastructure;
using static PbPeru.Web.Tests.Voting.VotingTestData;

namespace PbPeru.Web.Tests.Voting;

/// <summary>
/// The final vote's integrity on PostgreSQL: one ballot per agent whatever the concurrency, the
/// server's clock deciding, who may vote, ballots checked whole, rules frozen, and a published file
/// that recounts to the stored result. Each test votes in a cycle of its own (<see cref="VotingTestData"/>).
/// </summary>
[Trait("Capability", "Voting")]
public sealed class VotingIntegrityTests(DemoPbPeruFactory app) : IClassFixture<DemoPbPeruFactory>
{
    private const string Password = "una-frase-de-prueba-larga";

    [Fact]
    public async Task Demo_HasAKnapsackVoteOpenInFormalization_WithBallotsCast_AndTheDemoAgentTrainedAndYetToVote()
    {
        app.Clock.Reset();
        UseSpanish();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.SingleAsync(c => c.JurisdictionUbigeo == DemoVoting.Jurisdiction && c.FiscalYear == DemoVoting.FiscalYear);
        Assert.Equal(Phase.Formalization, cycle.Phase);
        var vote = (await VoteQueries.OfCycleAsync(db, cycle.Id, tracking: false, CancellationToken.None))!;
        Assert.Equal(VoteState.Open, vote.StateAt(app.Clock.GetUtcNow()));
        Assert.Equal((BallotType.Knapsack, CountingRule.EqualSharesAdd1), (vote.Rules.BallotType, vote.Rules.CountingRule));
        Assert.Equal(Money.FromSoles(12_000_000m), vote.Budget);
        Assert.Equal(8, vote.Items.Count);
        Assert.True(vote.Items.Aggregate(Money.Zero, (sum, i) => sum + i.Cost) > vote.Budget, "The ballot lists more than the budget buys: the vote decides.");
        Assert.Equal(4, await VoteQueries.TurnoutAsync(db, vote.Id, CancellationToken.None));

        // The demo agent's account: a trained titular of this cycle who has not voted.
        var userId = await db.Users.Where(u => u.Email == DemoAccounts.Agent).Select(u => u.Id).SingleAsync();
        var agent = await db.Agents.AsNoTracking().SingleAsync(a => a.UserId == userId && a.CycleId == cycle.Id);
        Assert.Equal(DemoVoting.DemoAgentDni, agent.Dni);
        Assert.True(await TrainingStatus.MeetsTrainingRuleAsync(db, agent));
        Assert.False(await db.AgentBallots.AnyAsync(b => b.FinalVoteId == vote.Id && b.AgentId == agent.Id));

        // The titular who missed the training is refused, and nothing is stored.
        var untrained = await db.Agents.SingleAsync(a => a.CycleId == cycle.Id && a.Dni == DemoVoting.UntrainedTitularDni);
        var refused = await scope.ServiceProvider.GetRequiredService<BallotBox>()
            .CastAsync(vote.Id, untrained.Id, [new(vote.Items[0].Position, 1)], ReceiptCodes.NewSubmissionKey(), 0, CancellationToken.None);
        Assert.Equal("Para votar debe haber asistido a una capacitación del ciclo.", refused.Problem);
        Assert.Equal(4, await VoteQueries.TurnoutAsync(db, vote.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FiftyConcurrentSubmissions_FromOneAgent_LeaveExactlyOneBallot()
    {
        var data = await CreateAsync(app);
        var water = await data.PositionAsync("Agua potable");

        var outcomes = await AllAtOnceAsync(50, _ => data.CastAsync(Julia, [water]));

        var ballot = Assert.Single(await data.BallotsAsync());
        Assert.Equal(data.Agent(Julia), ballot.AgentId);
        Assert.Equal(1, ballot.Revision);
        var cast = Assert.Single(outcomes, o => o.Succeeded);
        Assert.False(cast.Repeated);
        Assert.True(ballot.HasReceipt(cast.Receipt!));

        // Every other submission came from a page that no longer shows the ballot as it stands.
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(Messages.BallotStale.Format(), o.Problem));
    }

    [Fact]
    public async Task FiftyConcurrentRetries_OfOneSubmission_MakeOneBallot_AndAllGetTheSameReceipt()
    {
        var data = await CreateAsync(app);
        var water = await data.PositionAsync("Agua potable");
        var key = ReceiptCodes.NewSubmissionKey();

        var outcomes = await AllAtOnceAsync(50, _ => data.CastAsync(Julia, [water], key));

        var ballot = Assert.Single(await data.BallotsAsync());
        Assert.Equal(1, ballot.Revision);
        Assert.All(outcomes, o => Assert.Equal(ReceiptCodes.For(key), o.Receipt));
        Assert.Single(outcomes, o => !o.Repeated);
        Assert.True(ballot.HasReceipt(ReceiptCodes.For(key)));
    }

    [Fact]
    public async Task ChangedBallot_ReplacesTheOldOne_AndOnlyTheNewReceiptVerifies()
    {
        UseSpanish();
        var data = await CreateAsync(app);
        var (water, library, road) = (await data.PositionAsync("Agua potable"), await data.PositionAsync("Biblioteca"), await data.PositionAsync("Carretera"));

        var first = await data.CastAsync(Nelida, [water, library]);
        var second = await data.CastAsync(Nelida, [road], seenRevision: 1);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.True(second.Changed);
        var ballot = Assert.Single(await data.BallotsAsync());
        Assert.Equal(2, ballot.Revision);
        Assert.Equal([new BallotChoice(road, 1)], ballot.Selections);
        Assert.False(ballot.HasReceipt(first.Receipt!));
        Assert.True(ballot.HasReceipt(second.Receipt!));

        // A page still showing the first ballot cannot overwrite the second.
        var stale = await data.CastAsync(Nelida, [water], seenRevision: 1);
        Assert.Equal("Su cédula cambió en otra ventana mientras votaba. Revise su voto y vuelva a enviarlo.", stale.Problem);
        Assert.Equal([new BallotChoice(road, 1)], (await data.BallotOfAsync(Nelida))!.Selections);
    }

    [Fact]
    public async Task Ballot_IsRefusedBeforeTheOpeningAndFromTheClosingInstant_AndAcceptedBetween()
    {
        UseSpanish();
        var data = await CreateAsync(app);
        var water = await data.PositionAsync("Agua potable");
        var vote = await data.VoteAsync();
        const string NotOpen = "La votación no está abierta en este momento: no se guardó el voto.";

        app.Clock.Set(vote.OpensAt.AddTicks(-1));
        Assert.Equal(NotOpen, (await data.CastAsync(Julia, [water])).Problem);

        app.Clock.Set(vote.OpensAt);
        Assert.True((await data.CastAsync(Julia, [water])).Succeeded);

        app.Clock.Set(vote.ClosesAt.AddTicks(-1));
        Assert.True((await data.CastAsync(Nelida, [water])).Succeeded);

        app.Clock.Set(vote.ClosesAt);
        Assert.Equal(NotOpen, (await data.CastAsync(Hernan, [water])).Problem);
        Assert.Equal(NotOpen, (await data.CastAsync(Julia, [water], seenRevision: 1)).Problem);

        app.Clock.Set(vote.ClosesAt.AddDays(1));
        Assert.Equal(NotOpen, (await data.CastAsync(Santos, [water])).Problem);

        var ballots = await data.BallotsAsync();
        Assert.Equal([data.Agent(Julia), data.Agent(Nelida)], ballots.Select(b => b.AgentId).Order());
        Assert.All(ballots, b => Assert.Equal(1, b.Revision));
    }

    [Fact]
    public async Task AgentWithoutTraining_IsRefused_WhereTheCycleRequiresIt()
    {
        UseSpanish();
        var data = await CreateAsync(app);

        var outcome = await data.CastAsync(Untrained, [await data.PositionAsync("Agua potable")]);

        Assert.Equal("Para votar debe haber asistido a una capacitación del ciclo.", outcome.Problem);
        Assert.Empty(await data.BallotsAsync());
    }

    [Fact]
    public async Task BallotPage_ShowsTheFormToATrainedAgent_AndTheTrainingRuleToOneWhoMissedIt()
    {
        UseSpanish();
        var data = await CreateAsync(app);
        using var trained = await SignedInAgentAsync(data, Julia);
        using var untrained = await SignedInAgentAsync(data, Untrained);
        var url = $"/Voting/Ballot/{data.CycleId}";

        var open = await trained.GetPageAsync(url);
        Assert.NotNull(open.QuerySelector("form.ballot-form"));
        Assert.Null(open.QuerySelector(".ballot-unavailable"));

        var refused = await untrained.GetPageAsync(url);
        Assert.Null(refused.QuerySelector("form.ballot-form"));
        Assert.Contains("Para votar debe haber asistido a una capacitación del ciclo.", refused.QuerySelector(".ballot-unavailable")!.TextContent);
    }

    [Fact]
    public async Task AgentNotAccredited_IsRefused()
    {
        UseSpanish();
        var data = await CreateAsync(app);

        var outcome = await data.CastAsync(NotAccredited, [await data.PositionAsync("Agua potable")]);

        Assert.Equal("Solo votan los agentes acreditados en la lista final.", outcome.Problem);
        Assert.Empty(await data.BallotsAsync());
    }

    [Fact]
    public async Task Suplente_IsRefusedWhileItsTitularIsPresent_AndVotesOnceTheTitularIsRecordedAbsent()
    {
        UseSpanish();
        var data = await CreateAsync(app);
        var water = await data.PositionAsync("Agua potable");

        Assert.Equal("Un suplente vota solo cuando su titular es registrado como ausente.", (await data.CastAsync(Mario, [water])).Problem);

        await data.ChangeVoteAsync((vote, cycle, db) =>
        {
            var agents = db.Agents.Where(a => a.Id == data.Agent(Julia) || a.Id == data.Agent(Mario)).ToDictionary(a => a.Id);
            vote.RecordAbsence(cycle, data.Manager, agents[data.Agent(Julia)], agents[data.Agent(Mario)], titularHasVoted: false, app.Clock.GetUtcNow());
        });

        Assert.True((await data.CastAsync(Mario, [water])).Succeeded);
        Assert.Equal("Usted fue registrado como ausente: vota su suplente.", (await data.CastAsync(Julia, [water])).Problem);
        Assert.Equal(data.Agent(Mario), Assert.Single(await data.BallotsAsync()).AgentId);
    }

    [Fact]
    public async Task KnapsackBallot_OverTheBudget_IsRefusedWithTheTotals_AndNothingIsStored_WhileAnExactFitIsCast()
    {
        UseSpanish();
        var data = await CreateAsync(app);
        var (road, water, classrooms, watch, library, otherRoad) = (
            await data.PositionAsync("Carretera"), await data.PositionAsync("Agua potable"), await data.PositionAsync("Aulas"),
            await data.PositionAsync("Centros de vigilancia"), await data.PositionAsync("Biblioteca"), await data.PositionAsync("Mejoramiento de la vía"));

        var over = await data.CastAsync(Julia, [road, water, classrooms, otherRoad]);

        Assert.Equal("Los proyectos elegidos suman S/ 13,900,000.00, más que el presupuesto de S/ 12,000,000.00. Quite alguno.", over.Problem);
        Assert.Empty(await data.BallotsAsync());

        // S/ 12,000,000 exactly: the budget is a ceiling, not a bar.
        Assert.True((await data.CastAsync(Julia, [road, water, classrooms, watch, library])).Succeeded);
        Assert.Equal(5, (await data.BallotOfAsync(Julia))!.Selections.Count);
    }

    [Fact]
    public async Task ApprovalBallot_WithTooManyPicks_IsRefusedWithTheLimit_AndNothingIsStored()
    {
        UseSpanish();
        var data = await CreateAsync(app, VotingRules.Default with { BallotType = BallotType.Approval, MaxApprovals = 2, CountingRule = CountingRule.Greedy });
        var (road, water, classrooms) = (await data.PositionAsync("Carretera"), await data.PositionAsync("Agua potable"), await data.PositionAsync("Aulas"));

        var tooMany = await data.CastAsync(Hernan, [road, water, classrooms]);

        Assert.Equal("Puede marcar hasta 2 proyectos; marcó 3.", tooMany.Problem);
        Assert.Empty(await data.BallotsAsync());
        Assert.True((await data.CastAsync(Hernan, [road, water])).Succeeded);
    }

    [Fact]
    public async Task Ballot_IsStoredWholeOrNotAtAll()
    {
        UseSpanish();
        var data = await CreateAsync(app);
        var (water, road) = (await data.PositionAsync("Agua potable"), await data.PositionAsync("Carretera"));
        var unknown = (await data.VoteAsync()).Items.Max(i => i.Position) + 1;

        // A ballot naming a project that is not on it: none of its marks is kept.
        Assert.Equal("La cédula menciona un proyecto que no está en ella.", (await data.CastAsync(Santos, [water, unknown])).Problem);
        Assert.Equal("Cada proyecto puede marcarse una sola vez.", (await data.CastAsync(Santos, [water, water])).Problem);
        Assert.Empty(await data.BallotsAsync());

        // A refused change leaves the ballot as it was, receipt included.
        var cast = await data.CastAsync(Santos, [water]);
        Assert.False((await data.CastAsync(Santos, [road, unknown], seenRevision: 1)).Succeeded);
        var ballot = Assert.Single(await data.BallotsAsync());
        Assert.Equal(1, ballot.Revision);
        Assert.Equal([new BallotChoice(water, 1)], ballot.Selections);
        Assert.True(ballot.HasReceipt(cast.Receipt!));
    }

    [Fact]
    public async Task VotingRules_CannotChangeOnceVotingOpens_NeitherInTheDomainNorThroughTheRulesPage()
    {
        UseSpanish();
        var data = await CreateAsync(app);
        const string Frozen = "Ya no se permiten cambios en las reglas de votación: la fase de Formalización ya empezó.";

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var cycle = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cycles.SingleAsync(c => c.Id == data.CycleId);
            var refused = Assert.Throws<DomainException>(() => cycle.SetVotingRules(VotingRules.Default, data.Manager));
            Assert.Equal(Frozen, refused.Message);
        }

        using var manager = app.CreateAppClient(followRedirects: false);
        await manager.LoginAsync(DemoAccounts.CycleManager, PbPeruFactory.DemoPassword);
        var rulesPage = $"/Cycles/Rules/{data.CycleId}";
        var page = await manager.GetPageAsync(rulesPage);
        Assert.NotNull(page.QuerySelector("form[action*='handler=Voting'] fieldset[disabled]"));

        // A forged (or stale) post of the disabled form.
        using var response = await manager.PostWithTokenAsync(rulesPage, $"{rulesPage}?handler=Voting",
            ("Voting.BallotType", nameof(BallotType.Approval)), ("Voting.MaxApprovals", "3"), ("Voting.CountingRule", nameof(CountingRule.Greedy)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Frozen, (await AppClient.ParseAsync(response)).Body!.TextContent);
        Assert.Equal(DemoVoting.Rules, await data.ReadAsync(db => db.Cycles.Where(c => c.Id == data.CycleId).Select(c => c.VotingRules).SingleAsync()));
        Assert.Equal(DemoVoting.Rules, (await data.VoteAsync()).Rules);
    }

    [Fact]
    public async Task ExportedFile_RecountsWithTheCommandLine_ToTheStoredResult()
    {
        var data = await CreateAsync(app);
        var (classrooms, water, road, watch, library) = (
            await data.PositionAsync("Aulas"), await data.PositionAsync("Agua potable"), await data.PositionAsync("Carretera"),
            await data.PositionAsync("Centros de vigilancia"), await data.PositionAsync("Biblioteca"));
        Assert.True((await data.CastAsync(Julia, [water, classrooms, watch])).Succeeded);
        Assert.True((await data.CastAsync(Nelida, [water, library, classrooms])).Succeeded);
        Assert.True((await data.CastAsync(Hernan, [road, water])).Succeeded);
        Assert.True((await data.CastAsync(Santos, [road, watch, library])).Succeeded);
        Assert.True((await data.CastAsync(Alberto, [classrooms, watch])).Succeeded);
        var changed = await data.CastAsync(Alberto, [watch], seenRevision: 1);
        Assert.True(changed.Changed);

        var result = await data.CloseAndCountAsync();
        var vote = await data.VoteAsync();
        Assert.NotNull(vote.Result);
        Assert.Equal(5, vote.Result.Voters);

        var file = VoteExport.ToPabulib(vote, await data.BallotsAsync(), new ExportDescription(
            "Peru", "Gobierno Regional del Cusco", data.FiscalYear.ToString(CultureInfo.InvariantCulture), "Votación final de prueba", LimaTime.Today(app.Clock)));
        var text = PabulibWriter.Write(file);
        Assert.DoesNotContain(Julia, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Huamán", text, StringComparison.Ordinal);
        var path = Path.Combine(app.FilesFolder, $"votacion-{data.FiscalYear}.pb");
        Directory.CreateDirectory(app.FilesFolder);
        await File.WriteAllTextAsync(path, text);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CommandLine.Run(["count", path, "--rule", "file", "--json"], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        using var json = JsonDocument.Parse(stdout.ToString());
        var recounted = json.RootElement.GetProperty("selected").EnumerateArray().Select(e => e.GetString()!).ToList();
        var stored = result.Selected.Select(l => vote.Item(l.Position)!.Key).ToList();
        Assert.NotEmpty(stored);
        Assert.Equal(stored, recounted);
        Assert.Equal(result.RuleName, json.RootElement.GetProperty("rule").GetString());
        Assert.Equal(result.TotalCost.Centimos, json.RootElement.GetProperty("totalCost").GetInt64() * VoteCount.UnitOf(vote));

        // The file's own "selected" column says the same.
        var read = PabulibReader.Parse(text);
        Assert.Equal(stored.Order(StringComparer.Ordinal), read.Projects.Where(p => p.Fields["selected"] == "1").Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PhaseGate_FromFormalizationToPublished_WaitsForTheResult()
    {
        var data = await CreateAsync(app);
        Assert.True((await data.CastAsync(Julia, [await data.PositionAsync("Agua potable")])).Succeeded);

        var before = await FactsAsync(data);
        Assert.False(before.Facts.ResultComputed);
        Assert.Contains(Messages.ResultNotComputed.Format(), before.Reasons);

        await data.CloseAndCountAsync();

        var after = await FactsAsync(data);
        Assert.True(after.Facts.ResultComputed);
        Assert.DoesNotContain(Messages.ResultNotComputed.Format(), after.Reasons);
    }

    [Fact]
    public async Task TwentyConcurrentPostsOfTheSameCastForm_MakeOneBallot_AndShowOneReceipt()
    {
        var data = await CreateAsync(app);
        using var agent = await SignedInAgentAsync(data, Hernan);
        var ballotPage = $"/Voting/Ballot/{data.CycleId}";
        var (road, water) = (await data.PositionAsync("Carretera"), await data.PositionAsync("Agua potable"));

        using var reviewed = await agent.SubmitAsync(ballotPage, "form.ballot-form",
            ("Picked", road.ToString(CultureInfo.InvariantCulture)), ("Picked", water.ToString(CultureInfo.InvariantCulture)));
        var review = await AppClient.ParseAsync(reviewed);
        var form = review.QuerySelector("form.cast-form") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No review step: {review.Body!.TextContent}");
        var values = FormSubmission.CurrentValues(form);
        var action = form.GetAttribute("action")!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var content = new FormUrlEncodedContent(values);
            using var response = await agent.Http.PostAsync(action, content);
            return (response.StatusCode, Page: await AppClient.ParseAsync(response));
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var receipts = responses.Select(r => r.Page.QuerySelector("#receipt-code")?.TextContent.Trim()).Distinct().ToList();
        var receipt = Assert.Single(receipts);
        Assert.False(string.IsNullOrEmpty(receipt));
        var ballot = Assert.Single(await data.BallotsAsync());
        Assert.Equal(data.Agent(Hernan), ballot.AgentId);
        Assert.Equal(1, ballot.Revision);
        Assert.True(ballot.HasReceipt(receipt));
    }

    /// <summary>Starts every submission at once, each on its own task.</summary>
    private static async Task<CastOutcome[]> AllAtOnceAsync(int count, Func<int, Task<CastOutcome>> cast)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await cast(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>Messages are compared as a Spanish-speaking person reads them.</summary>
    private static void UseSpanish()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("es-PE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-PE");
    }

    private async Task<(CycleFacts Facts, IReadOnlyList<string> Reasons)> FactsAsync(VotingTestData data)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.SingleAsync(c => c.Id == data.CycleId);
        var facts = await scope.ServiceProvider.GetRequiredService<CycleFactsQuery>().ForAsync(cycle);
        return (facts, cycle.CheckMove(Phase.Published, facts).Reasons);
    }

    /// <summary>A new account linked to the agent (as its invitation would), signed in.</summary>
    private async Task<AppClient> SignedInAgentAsync(VotingTestData data, string dni)
    {
        var email = $"agente-{Guid.NewGuid():N}@prueba.pe";
        var user = await app.CreateUserAsync(email, "Agente de Prueba", Password, [Roles.Agent]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Agents.SingleAsync(a => a.Id == data.Agent(dni))).LinkAccount(user.Id);
            await db.SaveChangesAsync();
        }

        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return client;
    }
}
