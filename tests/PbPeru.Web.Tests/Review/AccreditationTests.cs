using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Review;

/// <summary>The manager publishes the preliminary list, rules on challenges and publishes the final list; the gate follows.</summary>
[Trait("Capability", "Preparation")]
public sealed class AccreditationTests(ReviewFactory app) : IClassFixture<ReviewFactory>
{
    private const string Ubigeo = "0803";

    private static string Url(ReviewData data) => $"/Cycles/Accreditation/{data.CycleId}";

    private static List<string> GateReasons(IDocument dashboard) =>
        dashboard.QuerySelectorAll(".gate-reasons li").Select(li => li.TextContent.Trim()).ToList();

    private Task<AccreditationList?> ListAsync(ReviewData data) =>
        data.ReadAsync(db => db.AccreditationLists.SingleOrDefaultAsync(l => l.CycleId == data.CycleId));

    private async Task<ReviewData> NewCycleAsync(AccreditationRules? rules = null)
    {
        app.Clock.SetLimaDay(ReviewData.PreliminaryListDay);
        return await ReviewData.NewCycleAsync(app, Ubigeo, rules);
    }

    [Fact]
    public async Task PublishPreliminary_WhileRegistrationsAwaitReview_IsRefused_ThenPublishesOnce()
    {
        var data = await NewCycleAsync();
        await data.OrganizationAsync("Junta Vecinal Aceptada", OrganizationStatus.Accepted);
        var pending = await data.OrganizationAsync("Junta Vecinal Pendiente", OrganizationStatus.Submitted);
        using var manager = await data.ManagerAsync("Gestora Publicadora");

        var page = await manager.GetPageAsync(Url(data));
        using (var refused = await manager.SubmitAsync(page, "#publish-preliminary-form"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(
                "Queda 1 inscripción por revisar: resuélvala antes de publicar la lista preliminar.",
                (await AppClient.ParseAsync(refused)).QuerySelector("#preliminary-errors")!.TextContent.Trim());
        }

        Assert.False((await ListAsync(data))?.IsPreliminaryPublished ?? false);

        using (var accepted = await manager.SubmitAsync($"/Cycles/Registrations/{data.CycleId}/Review/{pending.Id}", "#accept-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        page = await manager.GetPageAsync(Url(data));
        using (var published = await manager.SubmitAsync(page, "#publish-preliminary-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var list = await ListAsync(data);
        Assert.Equal((app.Clock.GetUtcNow(), "Gestora Publicadora"), (list!.PreliminaryPublishedAt, list.PreliminaryPublishedBy));

        // The same form sent again an hour later (a second tab, a double click) changes nothing.
        app.Clock.Advance(TimeSpan.FromHours(1));
        using (var again = await manager.SubmitAsync(page, "#publish-preliminary-form"))
        {
            Assert.True(again.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
        }

        Assert.Equal(list.PreliminaryPublishedAt, (await ListAsync(data))!.PreliminaryPublishedAt);
        var after = await manager.GetPageAsync(Url(data));
        Assert.Contains("Gestora Publicadora", after.QuerySelector("#preliminary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("#publish-preliminary-form"));
    }

    [Fact]
    public async Task RuleOnChallenges_UpheldTakesTheAgentOff_DismissedKeepsIt_AndBothSidesAreTold()
    {
        var data = await NewCycleAsync();
        var first = await data.OrganizationAsync("Comité de Vaso de Leche", OrganizationStatus.Accepted);
        var second = await data.OrganizationAsync("Asociación de Artesanos", OrganizationStatus.Accepted);
        await data.PublishPreliminaryAsync();
        var (upheldId, upheldFiler) = await data.FileChallengeAsync(first.AgentIds[0], "No vive en la provincia desde hace años.");
        var (dismissedId, dismissedFiler) = await data.FileChallengeAsync(second.AgentIds[1], "Es funcionario municipal.");
        app.Clock.SetLimaDay(ReviewData.AfterChallenges);
        using var manager = await data.ManagerAsync("Gestor Resolutor");

        var page = await manager.GetPageAsync(Url(data));
        Assert.Equal(2, page.QuerySelectorAll(".rule-form").Length);

        // Neither a decision nor reasons: both asked for, nothing saved.
        using (var empty = await manager.SubmitAsync(page, $"#rule-form-{upheldId}"))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            var errors = (await AppClient.ParseAsync(empty)).QuerySelector($"#rule-form-{upheldId} .alert-danger")!.TextContent;
            Assert.Contains("Indique si la impugnación es fundada o infundada.", errors, StringComparison.Ordinal);
        }

        using (var noReasons = await manager.SubmitAsync(page, $"#rule-form-{upheldId}", ("Ruling.Decision", "upheld")))
        {
            Assert.Equal(HttpStatusCode.OK, noReasons.StatusCode);
            var shown = await AppClient.ParseAsync(noReasons);
            Assert.Contains("Explique los motivos de la resolución.", shown.QuerySelector($"#rule-form-{upheldId} .alert-danger")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(shown.QuerySelector($"#upheld-{upheldId}[checked]"));
        }

        Assert.Equal(ChallengeStatus.Pending, await data.ReadAsync(db => db.Challenges.Where(c => c.Id == upheldId).Select(c => c.Status).SingleAsync()));

        using (var upheld = await manager.SubmitAsync(page, $"#rule-form-{upheldId}", ("Ruling.Decision", "upheld"), ("Ruling.Reasons", "El certificado domiciliario lo confirma.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, upheld.StatusCode);
        }

        using (var dismissed = await manager.SubmitAsync(page, $"#rule-form-{dismissedId}", ("Ruling.Decision", "dismissed"), ("Ruling.Reasons", "No hay prueba de vínculo laboral.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        }

        var challenges = await data.ReadAsync(db => db.Challenges.Where(c => c.CycleId == data.CycleId).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(
            [(ChallengeStatus.Upheld, "El certificado domiciliario lo confirma.", "Gestor Resolutor"), (ChallengeStatus.Dismissed, "No hay prueba de vínculo laboral.", "Gestor Resolutor")],
            challenges.Select(c => (c.Status, c.RulingReasons, c.RuledByName)));
        var agents = await data.ReadAsync(db => db.Agents.Where(a => a.Id == first.AgentIds[0] || a.Id == second.AgentIds[1]).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([(false, upheldId), (true, (int?)null)], agents.Select(a => (a.IsAccredited, a.ExcludedByChallengeId)));

        foreach (var (id, filer, representative, word) in new[] { (upheldId, upheldFiler, first.RepresentativeUserId, "fundada"), (dismissedId, dismissedFiler, second.RepresentativeUserId, "infundada") })
        {
            var filerMail = Assert.Single(app.Mails(), m => m.Headers["to"].Contains(filer, StringComparison.Ordinal));
            Assert.Equal("Su impugnación fue resuelta", filerMail.Subject);
            Assert.Contains($"declarada {word}", filerMail.Body, StringComparison.Ordinal);
            Assert.Contains($"/Challenges/{id}", filerMail.Body, StringComparison.Ordinal);
            var notice = await data.ReadAsync(db => db.Notifications.SingleAsync(n => n.UserId == representative));
            Assert.Equal($"/Challenges/{id}", notice.Link);
            Assert.Contains($"declarada {word}", notice.Text, StringComparison.Ordinal);
        }

        // A ruling sent again finds it ruled.
        using (var again = await manager.SubmitAsync(page, $"#rule-form-{upheldId}", ("Ruling.Decision", "dismissed"), ("Ruling.Reasons", "Otra vez.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(ChallengeStatus.Upheld, await data.ReadAsync(db => db.Challenges.Where(c => c.Id == upheldId).Select(c => c.Status).SingleAsync()));
        var after = await manager.GetPageAsync(Url(data));
        Assert.Empty(after.QuerySelectorAll(".rule-form"));
        Assert.Contains("El certificado domiciliario lo confirma.", after.QuerySelector($"#challenge-{upheldId}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishFinal_WithChallengesPending_IsRefused()
    {
        var data = await NewCycleAsync();
        var org = await data.OrganizationAsync("Junta Vecinal Impugnada", OrganizationStatus.Accepted);
        await data.PublishPreliminaryAsync();
        await data.FileChallengeAsync(org.AgentIds[0], "No es vecina del lugar.");
        app.Clock.SetLimaDay(ReviewData.AfterChallenges);
        using var manager = await data.ManagerAsync();

        using var refused = await manager.SubmitAsync(Url(data), "#publish-final-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Queda 1 impugnación sin resolver.", (await AppClient.ParseAsync(refused)).QuerySelector("#final-errors")!.TextContent.Trim());
        Assert.False((await ListAsync(data))!.IsFinalPublished);
    }

    [Fact]
    public async Task PublishFinal_WhileTheChallengeWindowIsOpen_IsRefusedWithItsLastDay_ThenPublishesTheDayAfter()
    {
        var data = await NewCycleAsync(AccreditationRules.Default with { MinimumAccreditedAgents = 1, WomenMinimumSharePercent = null });
        await data.OrganizationAsync("Junta Vecinal Paciente", OrganizationStatus.Accepted);
        await data.PublishPreliminaryAsync();
        app.Clock.SetLimaDay(ReviewData.ChallengeDay);
        using var manager = await data.ManagerAsync();

        using (var refused = await manager.SubmitAsync(Url(data), "#publish-final-form"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var message = (await AppClient.ParseAsync(refused)).QuerySelector("#final-errors")!.TextContent.Trim();
            Assert.StartsWith("La lista final se publica cuando termina el plazo de impugnaciones, el ", message, StringComparison.Ordinal);
            Assert.False((await ListAsync(data))!.IsFinalPublished);
        }

        app.Clock.SetLimaDay(ReviewData.AfterChallenges);
        using var later = await data.ManagerAsync(); // the sign-in does not outlive the days passed
        using (var published = await later.SubmitAsync(Url(data), "#publish-final-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        Assert.True((await ListAsync(data))!.IsFinalPublished);
    }

    [Fact]
    public async Task PublishFinal_BelowAHardQuota_IsRefusedSayingHowManyWomenTitularsAreMissing()
    {
        var data = await NewCycleAsync(new AccreditationRules(1, 1, true, 2, 50, WomenQuotaIsHard: true));
        foreach (var (name, sex) in new[] { ("Uno", Sex.Male), ("Dos", Sex.Male), ("Tres", Sex.Male), ("Cuatro", Sex.Female) })
        {
            await data.OrganizationAsync($"Organización {name}", OrganizationStatus.Accepted, [ReviewData.Person("Titular", name, sex)]);
        }

        await data.PublishPreliminaryAsync();
        app.Clock.SetLimaDay(ReviewData.AfterChallenges);
        using var manager = await data.ManagerAsync();
        var page = await manager.GetPageAsync(Url(data));
        Assert.Null(page.QuerySelector("#justification"));
        Assert.Contains("Mujeres titulares que faltan: 1.", page.QuerySelector("#final-checks")!.TextContent, StringComparison.Ordinal);

        using var refused = await manager.SubmitAsync(page, "#publish-final-form", ("Justification", "Se convocó a todas."));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var message = (await AppClient.ParseAsync(refused)).QuerySelector("#final-errors")!.TextContent.Trim();
        Assert.StartsWith("No se puede publicar la lista final: las mujeres son el 25 % de los titulares (1 de 4) y la cuota obligatoria exige el 50 %", message, StringComparison.Ordinal);
        Assert.Contains("faltan: 1.", message, StringComparison.Ordinal);
        Assert.False((await ListAsync(data))!.IsFinalPublished);
    }

    [Fact]
    public async Task PublishFinal_BelowASoftQuota_NeedsAJustification_ThenTheGateNoLongerAsksForTheList()
    {
        var data = await NewCycleAsync(new AccreditationRules(1, 1, true, 4, 40, WomenQuotaIsHard: false));
        await data.OrganizationAsync("Asociación Uno", OrganizationStatus.Accepted, [ReviewData.Person("Luis", "Uno", Sex.Male), ReviewData.Person("Ana", "Uno", Sex.Female)]);
        await data.OrganizationAsync("Asociación Dos", OrganizationStatus.Accepted, [ReviewData.Person("Raúl", "Dos", Sex.Male), ReviewData.Person("Rosa", "Dos", Sex.Female)]);
        await data.PublishPreliminaryAsync();
        app.Clock.SetLimaDay(ReviewData.AfterChallenges);
        using var manager = await data.ManagerAsync("Gestora Final");
        var page = await manager.GetPageAsync(Url(data));
        Assert.NotNull(page.QuerySelector("#justification"));

        using (var refused = await manager.SubmitAsync(page, "#publish-final-form", ("Justification", "  ")))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(
                "Las mujeres son el 0 % de los titulares, por debajo de la cuota referencial del 40 %: registre la justificación para publicar la lista final.",
                (await AppClient.ParseAsync(refused)).QuerySelector("#final-errors")!.TextContent.Trim());
        }

        Assert.False((await ListAsync(data))!.IsFinalPublished);
        Assert.Contains(
            "Las mujeres son el 0 % de los agentes titulares, por debajo de la cuota del 40 %: registre la justificación.",
            GateReasons(await manager.GetPageAsync($"/Cycles/Dashboard/{data.CycleId}")));

        const string Why = "Las dos organizaciones de mujeres invitadas no se inscribieron a tiempo.";
        using (var published = await manager.SubmitAsync(page, "#publish-final-form", ("Justification", Why)))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var list = await ListAsync(data);
        Assert.Equal((true, Why, "Gestora Final"), (list!.IsFinalPublished, list.QuotaJustification, list.FinalPublishedBy));
        Assert.Empty(GateReasons(await manager.GetPageAsync($"/Cycles/Dashboard/{data.CycleId}")));
        var after = await manager.GetPageAsync(Url(data));
        Assert.Contains(Why, after.QuerySelector("#final")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Justificación registrada.", after.QuerySelector("#quota-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_ShowsEachFailure_FinalListNotPublished_TooFewAgents_AndQuotaNotMet()
    {
        var data = await NewCycleAsync(new AccreditationRules(1, 1, true, 10, 30, WomenQuotaIsHard: true));
        await data.OrganizationAsync("Asociación Única", OrganizationStatus.Accepted, [ReviewData.Person("Mario", "Solo", Sex.Male), ReviewData.Person("Julio", "Solo", Sex.Male)]);
        using var manager = await data.ManagerAsync();

        var reasons = GateReasons(await manager.GetPageAsync($"/Cycles/Dashboard/{data.CycleId}"));

        Assert.Equal(
            [
                "Falta publicar la lista final de agentes participantes acreditados.",
                "Hay 2 agentes acreditados; el ciclo exige al menos 10.",
                "Las mujeres son el 0 % de los agentes titulares; la cuota obligatoria exige al menos el 30 %.",
            ],
            reasons);
    }

    [Fact]
    public async Task Gate_WithTheFinalListPublishedButTooFewAgents_NamesOnlyThat()
    {
        var data = await NewCycleAsync(new AccreditationRules(1, 1, true, 3, null, false));
        await data.OrganizationAsync("Asociación Pequeña", OrganizationStatus.Accepted);
        await data.PublishPreliminaryAsync();
        app.Clock.SetLimaDay(ReviewData.AfterChallenges);
        using var manager = await data.ManagerAsync();
        using (var published = await manager.SubmitAsync(Url(data), "#publish-final-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var reasons = GateReasons(await manager.GetPageAsync($"/Cycles/Dashboard/{data.CycleId}"));

        Assert.Equal(["Hay 2 agentes acreditados; el ciclo exige al menos 3."], reasons);
    }

    [Fact]
    public async Task Review_AfterTheFinalListIsPublished_IsRefusedAndTheListStaysAsPublished()
    {
        var data = await NewCycleAsync(AccreditationRules.Default with { MinimumAccreditedAgents = 1, WomenMinimumSharePercent = null });
        await data.OrganizationAsync("Junta Vecinal Publicada", OrganizationStatus.Accepted);
        app.Clock.SetLimaDay(ReviewData.AfterChallenges); // both lists in one sitting, the challenge period past
        using var manager = await data.ManagerAsync("Gestora Final");
        using (var preliminary = await manager.SubmitAsync(Url(data), "#publish-preliminary-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, preliminary.StatusCode);
        }

        using (var final = await manager.SubmitAsync(Url(data), "#publish-final-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);
        }

        // A registration sent late (an observed one resent after the final list, say).
        var late = await data.OrganizationAsync("Junta Vecinal Tardía", OrganizationStatus.Submitted);
        var accredited = await data.ReadAsync(db => db.Agents.CountAsync(a => a.CycleId == data.CycleId && a.IsAccredited));

        using var refused = await manager.SubmitAsync($"/Cycles/Registrations/{data.CycleId}/Review/{late.Id}", "#accept-form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("La lista final ya fue publicada", (await AppClient.ParseAsync(refused)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(accredited, await data.ReadAsync(db => db.Agents.CountAsync(a => a.CycleId == data.CycleId && a.IsAccredited)));
        Assert.Equal(OrganizationStatus.Submitted, await data.ReadAsync(db => db.Organizations.Where(o => o.Id == late.Id).Select(o => o.Status).SingleAsync()));
    }
}

