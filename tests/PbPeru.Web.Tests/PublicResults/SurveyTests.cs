using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Survey;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Voting;

namespace PbPeru.Web.Tests.PublicResults;

/// <summary>
/// The participants' evaluation through HTTP on PostgreSQL: who may answer, one answer per person
/// (a second refused, concurrent posts make one), nothing in the data that leads from an answer
/// back to its author, and results hidden below the threshold.
/// </summary>
[Trait("Capability", "PublicResults")]
public sealed class SurveyTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task AnAgent_AnswersOnce_AndASecondAnswerIsRefusedWithAClearMessage()
    {
        var data = await SurveyTestData.CreateAsync(app);
        using var agent = await data.SignedInAsync(data.Cycle.Titulars[0]);

        // Their list offers the open evaluation.
        var list = await agent.GetPageAsync("/Survey");
        var row = list.QuerySelector($".survey-row[data-cycle-id='{data.CycleId}']")!;
        Assert.Contains("Pendiente", row.QuerySelector(".survey-state")!.TextContent);

        var form = await agent.GetPageAsync(data.AnswerUrl);
        Assert.Equal(6, form.QuerySelectorAll("fieldset.survey-aspect").Length);
        using var sent = await agent.SubmitAsync(form, "#survey-form", SurveyTestData.Form("Faltó información sobre los costos."));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var after = await agent.GetPageAsync(data.AnswerUrl);
        Assert.Contains("Gracias", after.QuerySelector(".flash, [role='status']")!.TextContent);
        Assert.NotNull(after.QuerySelector(".already-answered"));
        Assert.Null(after.QuerySelector("#survey-form"));
        Assert.Equal((1, 1), await data.CountsAsync());

        // A second answer, sent by hand with fresh grades, is refused and nothing is stored.
        using var again = await agent.PostWithTokenAsync("/Survey", data.AnswerUrl, SurveyTestData.Form("Otra vez"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var refused = await AppClient.ParseAsync(again);
        Assert.Contains("Usted ya respondió esta evaluación: se admite una sola respuesta por persona.", refused.QuerySelector(".survey-errors")!.TextContent);
        Assert.Equal((1, 1), await data.CountsAsync());

        Assert.Contains("Ya respondió", (await agent.GetPageAsync("/Survey")).QuerySelector($".survey-row[data-cycle-id='{data.CycleId}'] .survey-state")!.TextContent);
        var stored = await data.ReadAsync(db => db.SurveyAnswers.AsNoTracking().SingleAsync(a => a.CycleId == data.CycleId));
        Assert.Equal(SurveyTestData.Grades, stored.Grades);
        Assert.Equal("Faltó información sobre los costos.", stored.Comment);
    }

    [Fact]
    public async Task ConcurrentPosts_OfOnePerson_MakeOneAnswer_AndNoServerError()
    {
        var data = await SurveyTestData.CreateAsync(app);
        using var agent = await data.SignedInAsync(data.Cycle.Suplentes[1]);
        var page = await agent.GetPageAsync(data.AnswerUrl);
        var form = (IHtmlFormElement)page.QuerySelector("#survey-form")!;
        var values = FormSubmission.CurrentValues(form);
        values.RemoveAll(v => v.Key != AppClient.AntiforgeryField);
        values.AddRange(SurveyTestData.Form("Doble clic").Select(f => KeyValuePair.Create(f.Name, f.Value)));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var content = new FormUrlEncodedContent(values);
            using var response = await agent.Http.PostAsync(data.AnswerUrl, content);
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, Refused: body.Contains("se admite una sola respuesta por persona", StringComparison.Ordinal));
        }));

        Assert.Equal((1, 1), await data.CountsAsync());
        Assert.Single(statuses, s => s.StatusCode == HttpStatusCode.Redirect);
        Assert.All(statuses.Where(s => s.StatusCode != HttpStatusCode.Redirect), s => Assert.Equal((HttpStatusCode.OK, true), s));
    }

    [Fact]
    public async Task TheRepresentativeMayAnswer_AnOutsiderMayNot_AndNobodyBeforePublication()
    {
        var data = await SurveyTestData.CreateAsync(app);

        using var representative = await data.SignedInAsync(data.RepresentativeEmail);
        using var sent = await representative.SubmitAsync(data.AnswerUrl, "#survey-form", SurveyTestData.Form());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal((1, 1), await data.CountsAsync());

        // Someone with an account who took no part in the cycle: a 403 that says who may answer; a hand-made post stores nothing.
        var outsiderEmail = $"vecino-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(outsiderEmail, "Vecino Curioso", BallotTestCycle.Password, [Roles.Agent]);
        using var outsider = await data.SignedInAsync(outsiderEmail);
        using var refused = await outsider.GetAsync(data.AnswerUrl);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Esta evaluación es para los agentes participantes acreditados", (await AppClient.ParseAsync(refused)).QuerySelector(".survey-refusal")!.TextContent);
        using var forged = await outsider.PostWithTokenAsync("/Survey", data.AnswerUrl, SurveyTestData.Form());
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal((1, 1), await data.CountsAsync());

        // Anonymous: to the login.
        using var anonymous = app.CreateAppClient(followRedirects: false);
        using var login = await anonymous.GetAsync(data.AnswerUrl);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(AppClient.LoginPath, login.Headers.Location!.ToString());

        // A cycle still in Formalization: no form, the reason, and no public page.
        var early = await SurveyTestData.CreateAsync(app, Phase.Formalization);
        using var agent = await early.SignedInAsync(early.Cycle.Titulars[0]);
        var closed = await agent.GetPageAsync(early.AnswerUrl);
        Assert.Null(closed.QuerySelector("#survey-form"));
        Assert.Contains("se abre cuando se publican los resultados", closed.QuerySelector(".survey-refusal")!.TextContent);
        using var early404 = await anonymous.GetAsync(early.PublicUrl);
        Assert.Equal(HttpStatusCode.NotFound, early404.StatusCode);
        Assert.Null((await agent.GetPageAsync("/Survey")).QuerySelector($".survey-row[data-cycle-id='{early.CycleId}']"));
    }

    [Fact]
    public async Task TheAnswerTable_HasNoColumnThatLeadsBackToThePerson()
    {
        var data = await SurveyTestData.CreateAsync(app);
        using var agent = await data.SignedInAsync(data.Cycle.Titulars[2]);
        using var sent = await agent.SubmitAsync(data.AnswerUrl, "#survey-form", SurveyTestData.Form("Un comentario"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The EF model: grades, comment, cycle and a key the app chooses; one reference only, to the cycle.
        var answer = db.Model.FindEntityType(typeof(SurveyAnswer))!;
        var table = StoreObjectIdentifier.Table(answer.GetTableName()!, answer.GetSchema());
        Assert.Equal(
            ["Comment", "CycleId", "Id", "Information", "Overall", "TechnicalEvaluation", "Training", "Transparency", "Voting"],
            answer.GetProperties().Select(p => p.GetColumnName(table)!).Order(StringComparer.Ordinal));
        Assert.Equal(ValueGenerated.Never, answer.FindPrimaryKey()!.Properties.Single().ValueGenerated);
        Assert.Equal([typeof(Cycle)], answer.GetForeignKeys().Select(f => f.PrincipalEntityType.ClrType));
        Assert.Empty(answer.GetNavigations());
        Assert.DoesNotContain(db.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()), f => f.PrincipalEntityType == answer);

        // The roll: who answered, in which cycle — nothing else, and nothing pointing at an answer.
        var roll = db.Model.FindEntityType(typeof(SurveyParticipation))!;
        var rollTable = StoreObjectIdentifier.Table(roll.GetTableName()!, roll.GetSchema());
        Assert.Equal(["CycleId", "UserId"], roll.GetProperties().Select(p => p.GetColumnName(rollTable)!).Order(StringComparer.Ordinal));

        // The database built by the migrations agrees with the model.
        var columns = await db.Database.SqlQueryRaw<string>(
            "SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'SurveyAnswers' ORDER BY column_name").ToListAsync();
        Assert.Equal(answer.GetProperties().Select(p => p.GetColumnName(table)!).Order(StringComparer.Ordinal), columns.Order(StringComparer.Ordinal));

        // The stored key is random (version 4), not time-ordered (version 7) like the provider's own Guids.
        var stored = await db.SurveyAnswers.AsNoTracking().SingleAsync(a => a.CycleId == data.CycleId);
        Assert.Equal(4, stored.Id.Version);
    }

    [Fact]
    public async Task Results_AreHiddenBelowTheThreshold_AndPublishedFromIt()
    {
        var data = await SurveyTestData.CreateAsync(app);
        using var visitor = app.CreateAppClient();
        await data.AddAnswersAsync(9, i => i == 0 ? "Comentario secreto número uno" : null);

        var hidden = await visitor.GetPageAsync(data.PublicUrl);
        var notice = hidden.QuerySelector(".survey-hidden")!.TextContent;
        Assert.Contains("al menos 10 respuestas", notice);
        Assert.Contains("Falta 1 respuesta.", notice);
        Assert.Null(hidden.QuerySelector("#survey-table"));
        Assert.Null(hidden.QuerySelector("svg.survey-chart"));
        Assert.DoesNotContain("Comentario secreto", hidden.Body!.TextContent);

        await data.AddAnswersAsync(1, _ => "Buena organización");
        var shown = await visitor.GetPageAsync(data.PublicUrl);
        Assert.Null(shown.QuerySelector(".survey-hidden"));
        Assert.Contains("Respuestas recibidas: 10.", shown.QuerySelector(".survey-answers")!.TextContent);
        var overall = shown.QuerySelector("#survey-table tr[data-aspect='Overall']")!;
        Assert.StartsWith("10", overall.QuerySelector("td[data-grade='Good']")!.TextContent.Trim());
        Assert.StartsWith("0", overall.QuerySelector("td[data-grade='Poor']")!.TextContent.Trim());
        Assert.StartsWith("10", shown.QuerySelector("#survey-table tr[data-aspect='Transparency'] td[data-grade='Poor']")!.TextContent.Trim());
        Assert.NotNull(shown.QuerySelector("svg.survey-chart[role='img'][aria-labelledby]"));
        Assert.Equal(
            ["Buena organización", "Comentario secreto número uno"],
            shown.QuerySelectorAll("#survey-comments li").Select(li => li.TextContent.Trim()).Order(StringComparer.Ordinal));

        // The manager raises the threshold: hidden again, saying how many are missing. Too low a threshold is refused.
        using var manager = await data.SignedInAsync(data.ManagerEmail);
        using var raised = await manager.SubmitAsync(data.ManagerUrl, "form.threshold-form", ("Threshold", "12"));
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var again = await visitor.GetPageAsync(data.PublicUrl);
        Assert.Contains("al menos 12 respuestas", again.QuerySelector(".survey-hidden")!.TextContent);
        Assert.Contains("Faltan 2 respuestas.", again.QuerySelector(".survey-hidden")!.TextContent);
        Assert.Null(again.QuerySelector("#survey-table"));

        using var tooLow = await manager.SubmitAsync(data.ManagerUrl, "form.threshold-form", ("Threshold", "2"));
        Assert.Equal(HttpStatusCode.OK, tooLow.StatusCode);
        Assert.Contains("debe estar entre 5 y 10000", (await AppClient.ParseAsync(tooLow)).QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(12, await data.ReadAsync(db => db.SurveySettings.Where(s => s.CycleId == data.CycleId).Select(s => s.Threshold).SingleAsync()));

        // The manager's page counts answers but shows no figures; a manager of another district gets 403.
        var managerPage = await manager.GetPageAsync(data.ManagerUrl);
        Assert.Contains("Respuestas recibidas: 10.", managerPage.QuerySelector(".survey-count")!.TextContent);
        var otherEmail = $"otro-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(otherEmail, "Otra Gestora", BallotTestCycle.Password, [Roles.CycleManager], "150132");
        using var other = await data.SignedInAsync(otherEmail);
        using var forbidden = await other.GetAsync(data.ManagerUrl);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
