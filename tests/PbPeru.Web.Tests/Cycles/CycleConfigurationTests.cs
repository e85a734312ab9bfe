using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Cycles;

[Trait("Capability", "Foundation")]
public sealed class CycleConfigurationTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string MainForm = "main form[method=post]";

    private async Task<int> NewDraftCycleAsync(string ubigeo, int year)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actor = new Actor("seed", "Semilla", new HashSet<string> { ubigeo });
        var cycle = Cycle.Create(ubigeo, year, $"Ciclo {ubigeo} {year}", Money.FromSoles(1_000_000m), actor, DateTimeOffset.UtcNow);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle.Id;
    }

    private static (string, string)[] CalendarFields(IDocument page, params (CalendarStep Step, string Start, string End)[] entries)
    {
        var fields = new List<(string, string)>();
        foreach (var (step, start, end) in entries)
        {
            var index = page.QuerySelectorAll("input[name$='.Step']").Select(e => e.GetAttribute("value")).ToList().IndexOf(step.ToString());
            fields.Add(($"Rows[{index}].Start", start));
            fields.Add(($"Rows[{index}].End", end));
        }

        return [.. fields];
    }

    private static readonly (CalendarStep, string, string)[] PhaseWindows =
    [
        (CalendarStep.PreparationPhase, "2027-01-04", "2027-02-26"),
        (CalendarStep.ConcertationPhase, "2027-03-01", "2027-04-30"),
        (CalendarStep.CoordinationPhase, "2027-05-03", "2027-05-31"),
        (CalendarStep.FormalizationPhase, "2027-06-01", "2027-06-30"),
    ];

    [Fact]
    public async Task Advance_WhenTheGateFails_ShowsItsReasonsAndChangesNothing()
    {
        var id = await NewDraftCycleAsync("080102", 2028);
        using var client = await CycleTestData.SignedInManagerAsync(app, "080102");

        var dashboard = await client.GetPageAsync($"/Cycles/Dashboard/{id}");
        var reasons = dashboard.QuerySelectorAll(".gate-reasons li").Select(li => li.TextContent).ToList();
        Assert.Contains("Registre al menos un eje temático del Plan de Desarrollo Concertado.", reasons);
        Assert.Contains("Falta fijar las fechas de la fase de Preparación.", reasons);
        Assert.Null(dashboard.QuerySelector("form[action*='handler=Advance']"));

        // Forced anyway (a stale page, a crafted request): the same reasons, nothing changes.
        using var response = await client.PostWithTokenAsync($"/Cycles/Dashboard/{id}", $"/Cycles/Dashboard/{id}?handler=Advance",
            ("to", nameof(Phase.Preparation)), ("Confirm", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Contains("Registre al menos un eje temático", page.QuerySelector(".validation-summary-errors")!.TextContent);
        var cycle = await CycleTestData.FindCycleAsync(app, "080102", 2028);
        Assert.Equal(Phase.Draft, cycle!.Phase);
        Assert.Empty(cycle.Transitions);
    }

    [Fact]
    public async Task ConfigureAndAdvance_WhenComplete_MovesToPreparationAndRecordsTheMove()
    {
        var id = await NewDraftCycleAsync("080103", 2028);
        using var client = await CycleTestData.SignedInManagerAsync(app, "080103");

        var calendar = await client.GetPageAsync($"/Cycles/Calendar/{id}");
        using (var saved = await client.SubmitAsync(calendar, MainForm, CalendarFields(calendar, PhaseWindows)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var saved = await client.SubmitAsync($"/Cycles/Themes/{id}", MainForm,
                   ("Rows[0].Name", "Agua y saneamiento"), ("Rows[0].Description", "Agua potable"), ("Rows[2].Name", "Conectividad vial")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var dashboard = await client.GetPageAsync($"/Cycles/Dashboard/{id}");
        Assert.Empty(dashboard.QuerySelectorAll(".gate-reasons li"));

        // Without ticking the confirmation nothing happens.
        using (var unconfirmed = await client.SubmitAsync(dashboard, "form[action*='handler=Advance']"))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
            Assert.Equal(Phase.Draft, (await CycleTestData.FindCycleAsync(app, "080103", 2028))!.Phase);
        }

        using var advanced = await client.SubmitAsync(dashboard, "form[action*='handler=Advance']", ("Confirm", "true"));

        Assert.Equal(HttpStatusCode.Redirect, advanced.StatusCode);
        var cycle = await CycleTestData.FindCycleAsync(app, "080103", 2028);
        Assert.Equal(Phase.Preparation, cycle!.Phase);
        Assert.Equal(["Agua y saneamiento", "Conectividad vial"], cycle.Themes.Select(t => t.Name));
        Assert.Equal(4, cycle.Calendar.Count);
        var move = Assert.Single(cycle.Transitions);
        Assert.Equal((Phase.Draft, Phase.Preparation, "Gestora de Prueba"), (move.From, move.To, move.ActorName));
        Assert.Equal(TimeSpan.Zero, move.At.Offset);

        var after = await client.GetPageAsync($"/Cycles/Dashboard/{id}");
        Assert.Contains("Gestora de Prueba", after.QuerySelector("#history-heading")!.ParentElement!.TextContent);

        // The same move sent again (a double click) records nothing more.
        using var again = await client.SubmitAsync(dashboard, "form[action*='handler=Advance']", ("Confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single((await CycleTestData.FindCycleAsync(app, "080103", 2028))!.Transitions);
    }

    [Fact]
    public async Task Criteria_WhenWeightsDoNotSumTo100_ShowsTheMessageAndSavesNothing()
    {
        var id = await NewDraftCycleAsync("080104", 2028);
        using var client = await CycleTestData.SignedInManagerAsync(app, "080104");

        using var response = await client.SubmitAsync($"/Cycles/Criteria/{id}", MainForm, ("Rows[0].Weight", "30"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Contains("Los pesos de los criterios suman 105 %; deben sumar 100 %.", page.QuerySelector(".validation-summary-errors")!.TextContent);
        var cycle = await CycleTestData.FindCycleAsync(app, "080104", 2028);
        Assert.Equal(DefaultCriteria.All.Select(c => c.WeightPercent), cycle!.Criteria.Select(c => c.WeightPercent));
    }

    [Fact]
    public async Task Criteria_WhenAWeightIsEmptyOrALevelHasNoDescriptor_ShowsFieldMessages()
    {
        var id = await NewDraftCycleAsync("080105", 2028);
        using var client = await CycleTestData.SignedInManagerAsync(app, "080105");

        using var response = await client.SubmitAsync($"/Cycles/Criteria/{id}", MainForm,
            ("Rows[1].Weight", ""), ("Rows[2].Levels[0].Descriptor", ""));

        var page = await AppClient.ParseAsync(response);
        Assert.Contains("Indique el peso en %.", page.QuerySelector("[data-valmsg-for='Rows[1].Weight']")!.TextContent);
        Assert.Contains("Describa el nivel.", page.QuerySelector("[data-valmsg-for='Rows[2].Levels[0].Descriptor']")!.TextContent);
    }

    [Fact]
    public async Task Calendar_WithDatesOutOfOrder_ShowsMessagesAndSavesNothing()
    {
        var id = await NewDraftCycleAsync("080106", 2028);
        using var client = await CycleTestData.SignedInManagerAsync(app, "080106");

        var calendar = await client.GetPageAsync($"/Cycles/Calendar/{id}");
        using (var endBeforeStart = await client.SubmitAsync(calendar, MainForm,
                   CalendarFields(calendar, (CalendarStep.PreparationPhase, "2027-03-01", "2027-02-01"))))
        {
            var page = await AppClient.ParseAsync(endBeforeStart);
            Assert.Contains("La fecha de fin no puede ser anterior a la de inicio.", page.QuerySelector("[data-valmsg-for='Rows[0].End']")!.TextContent);
        }

        using (var overlapping = await client.SubmitAsync(calendar, MainForm, CalendarFields(calendar,
                   (CalendarStep.PreparationPhase, "2027-01-04", "2027-03-15"),
                   (CalendarStep.ConcertationPhase, "2027-03-01", "2027-04-30"),
                   (CalendarStep.Registration, "2027-05-01", "2027-05-10"))))
        {
            var summary = (await AppClient.ParseAsync(overlapping)).QuerySelector(".validation-summary-errors")!.TextContent;
            Assert.Contains("La fase de Concertación debe empezar después de que termine la de Preparación.", summary);
            Assert.Contains("La etapa «Inscripción de organizaciones y agentes» debe caer dentro de las fechas de la fase de Preparación.", summary);
        }

        Assert.Empty((await CycleTestData.FindCycleAsync(app, "080106", 2028))!.Calendar);
    }

    [Fact]
    public async Task Rules_OnceTheirPhaseStarted_AreFrozenAndAForcedChangeIsRefused()
    {
        var id = await NewDraftCycleAsync("080107", 2028);
        using var client = await CycleTestData.SignedInManagerAsync(app, "080107");

        using (var saved = await client.SubmitAsync($"/Cycles/Rules/{id}", "form[action*='handler=Accreditation']",
                   ("Accreditation.MinimumAccreditedAgents", "25"), ("Accreditation.WomenMinimumSharePercent", "40"), ("Accreditation.WomenQuotaIsHard", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var saved = await client.SubmitAsync($"/Cycles/Rules/{id}", "form[action*='handler=Voting']",
                   ("Voting.BallotType", nameof(BallotType.Knapsack)), ("Voting.CountingRule", nameof(CountingRule.EqualSharesAdd1))))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var cycle = await CycleTestData.FindCycleAsync(app, "080107", 2028);
        Assert.Equal(new AccreditationRules(1, 1, true, 25, 40, true), cycle!.AccreditationRules);
        Assert.Equal(BallotType.Knapsack, cycle.VotingRules.BallotType);
        Assert.Null(cycle.VotingRules.MaxApprovals);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Cycles.FindAsync(id);
            await db.Entry(stored!).Collection(c => c.Themes).LoadAsync();
            await db.Entry(stored!).Collection(c => c.Calendar).LoadAsync();
            await db.Entry(stored!).Collection(c => c.Criteria).LoadAsync();
            var actor = new Actor("seed", "Semilla", new HashSet<string> { "080107" });
            stored!.SetThemes([new("Salud", "")], actor);
            stored.SetCalendar(PhaseWindows.Select(w => new CalendarInput(w.Item1, DateOnly.Parse(w.Item2, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(w.Item3, System.Globalization.CultureInfo.InvariantCulture))).ToList(), actor);
            foreach (var criterion in stored.Criteria)
            {
                await db.Entry(criterion).Collection(c => c.Levels).LoadAsync();
            }

            stored.AdvanceTo(Phase.Preparation, actor, new CycleFacts(), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var rules = await client.GetPageAsync($"/Cycles/Rules/{id}");
        Assert.NotNull(rules.QuerySelector("form[action*='handler=Accreditation'] fieldset[disabled]"));
        Assert.Null(rules.QuerySelector("form[action*='handler=Voting'] fieldset[disabled]"));

        using var forced = await client.PostWithTokenAsync($"/Cycles/Rules/{id}", $"/Cycles/Rules/{id}?handler=Accreditation",
            ("Accreditation.TitularsPerOrganization", "2"), ("Accreditation.SuplentesPerOrganization", "1"), ("Accreditation.MinimumAccreditedAgents", "5"));

        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("Ya no se permiten cambios en las reglas de acreditación", (await AppClient.ParseAsync(forced)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(25, (await CycleTestData.FindCycleAsync(app, "080107", 2028))!.AccreditationRules.MinimumAccreditedAgents);
    }

    [Fact]
    public async Task CyclePages_ForAManagerOfAnotherJurisdiction_Answer403AndChangeNothing()
    {
        var id = await NewDraftCycleAsync("080108", 2028);
        using var other = await CycleTestData.SignedInManagerAsync(app, "080202");

        foreach (var page in new[] { "Dashboard", "Settings", "Calendar", "Themes", "Criteria", "Rules" })
        {
            using var get = await other.GetAsync($"/Cycles/{page}/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        }

        using var post = await other.PostWithTokenAsync("/Cycles", $"/Cycles/Settings/{id}", ("Input.Name", "Tomado"), ("Input.Ceiling", "5"), ("Input.MinimumCost", "0"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Ciclo 080108 2028", (await CycleTestData.FindCycleAsync(app, "080108", 2028))!.Name);
    }

    [Fact]
    public async Task Dashboard_InEnglish_ShowsEnglishTextAndGateReasons()
    {
        var id = await NewDraftCycleAsync("080203", 2028);
        using var client = await CycleTestData.SignedInManagerAsync(app, "080203");
        using (var switched = await client.SubmitAsync($"/Cycles/Dashboard/{id}", "form[action='/Culture']", ("culture", "en")))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        var dashboard = await client.GetPageAsync($"/Cycles/Dashboard/{id}");

        Assert.Equal("en", dashboard.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Phases of the cycle", dashboard.Body!.TextContent);
        Assert.Contains("Add at least one development-plan theme.", dashboard.QuerySelectorAll(".gate-reasons li").Select(li => li.TextContent));
        Assert.Contains("S/ 1,000,000.00", dashboard.Body.TextContent);
    }

    [Fact]
    public async Task Save_OverAVersionSomeoneElseChanged_IsRefusedAndKeepsTheirChange()
    {
        var id = await NewDraftCycleAsync("080204", 2028);
        using var ana = await CycleTestData.SignedInManagerAsync(app, "080204");
        using var beto = await CycleTestData.SignedInManagerAsync(app, "080204");
        var anasForm = await ana.GetPageAsync($"/Cycles/Themes/{id}");
        var betosForm = await beto.GetPageAsync($"/Cycles/Themes/{id}");

        using (var first = await ana.SubmitAsync(anasForm, MainForm, ("Rows[0].Name", "Salud")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await beto.SubmitAsync(betosForm, MainForm, ("Rows[0].Name", "Educación"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Otra persona modificó este ciclo", (await AppClient.ParseAsync(second)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(["Salud"], (await CycleTestData.FindCycleAsync(app, "080204", 2028))!.Themes.Select(t => t.Name));
    }
}
