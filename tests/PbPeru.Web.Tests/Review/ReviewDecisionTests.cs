using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Registration;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Review;

/// <summary>The manager accepts, observes or rejects a registration; each decision is kept and told to the organization.</summary>
[Trait("Capability", "Preparation")]
public sealed class ReviewDecisionTests(ReviewFactory app) : IClassFixture<ReviewFactory>
{
    private const string Ubigeo = "0802";

    private static string ReviewUrl(ReviewData data, int organizationId) => $"/Cycles/Registrations/{data.CycleId}/Review/{organizationId}";

    private async Task<ReviewData> NewCycleAsync()
    {
        app.Clock.SetLimaDay(new DateOnly(2027, 1, 12));
        return await ReviewData.NewCycleAsync(app, Ubigeo);
    }

    [Fact]
    public async Task Accept_AccreditsTheAgents_KeepsWhoAndWhen_AndTellsTheRepresentativeInTheAppAndByEmail()
    {
        var data = await NewCycleAsync();
        var org = await data.OrganizationAsync("Junta Vecinal Santa Rosa", OrganizationStatus.Submitted);
        using var manager = await data.ManagerAsync("Gestora Revisora Ccahua");

        var page = await manager.GetPageAsync(ReviewUrl(data, org.Id));
        Assert.Equal("Enviada", page.QuerySelector("#organization-status")!.TextContent.Trim());
        using var response = await manager.SubmitAsync(page, "#accept-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Cycles/Registrations/{data.CycleId}", response.Headers.Location!.OriginalString);
        var stored = await data.OrganizationWithHistoryAsync(org.Id);
        Assert.Equal(OrganizationStatus.Accepted, stored.Status);
        var decision = Assert.Single(stored.Decisions);
        Assert.Equal((ReviewOutcome.Accepted, "Gestora Revisora Ccahua", ""), (decision.Outcome, decision.ReviewerName, decision.Note));
        Assert.Equal(app.Clock.GetUtcNow(), decision.At);
        Assert.All(stored.Agents, a => Assert.True(a.IsAccredited));

        var notice = await data.ReadAsync(db => db.Notifications.SingleAsync(n => n.UserId == org.RepresentativeUserId));
        Assert.Equal($"/Registration/Edit/{org.Id}", notice.Link);
        Assert.Contains("«Junta Vecinal Santa Rosa»", notice.Text, StringComparison.Ordinal);
        Assert.Contains("fue aceptada", notice.Text, StringComparison.Ordinal);
        var mail = Assert.Single(app.Mails(), m => m.Headers["to"].Contains(org.RepresentativeEmail, StringComparison.Ordinal));
        Assert.Equal("Su inscripción fue aceptada", mail.Subject);
        Assert.Contains($"/Registration/Edit/{org.Id}", mail.Body, StringComparison.Ordinal);

        var after = await manager.GetPageAsync(ReviewUrl(data, org.Id));
        Assert.Null(after.QuerySelector("#accept-form"));
        var history = after.QuerySelector("#decisions tbody tr")!.TextContent;
        Assert.Contains("Aceptada", history, StringComparison.Ordinal);
        Assert.Contains("Gestora Revisora Ccahua", history, StringComparison.Ordinal);
        Assert.Contains("12/01/2027", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observe_WithoutSayingWhatToFix_IsRefusedBesideTheFieldAndNothingIsSaved()
    {
        var data = await NewCycleAsync();
        var org = await data.OrganizationAsync("Club de Madres Virgen del Carmen", OrganizationStatus.Submitted);
        using var manager = await data.ManagerAsync();

        using var response = await manager.SubmitAsync(ReviewUrl(data, org.Id), "#observe-form", ("WhatToFix", "   "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal("Indique qué debe corregir la organización.", page.QuerySelector("#what-to-fix-error")!.TextContent.Trim());
        var stored = await data.OrganizationWithHistoryAsync(org.Id);
        Assert.Equal(OrganizationStatus.Submitted, stored.Status);
        Assert.Empty(stored.Decisions);
        Assert.False(await data.ReadAsync(db => db.Notifications.AnyAsync(n => n.UserId == org.RepresentativeUserId)));
    }

    [Fact]
    public async Task Observe_SendsWhatToFix_AndAfterTheFixAnAcceptance_BothDecisionsAreKept()
    {
        var data = await NewCycleAsync();
        var org = await data.OrganizationAsync("Asociación de Productores de Papa Nativa", OrganizationStatus.Submitted, type: OrganizationType.Producers);
        using var manager = await data.ManagerAsync("Gestora Observadora");
        const string WhatToFix = "Adjunte el acta de elección de la junta directiva vigente.";

        using (var observed = await manager.SubmitAsync(ReviewUrl(data, org.Id), "#observe-form", ("WhatToFix", WhatToFix)))
        {
            Assert.Equal(HttpStatusCode.Redirect, observed.StatusCode);
        }

        var stored = await data.OrganizationWithHistoryAsync(org.Id);
        Assert.Equal(OrganizationStatus.Observed, stored.Status);
        Assert.Equal((ReviewOutcome.Observed, WhatToFix, "Gestora Observadora"), (stored.Decisions[0].Outcome, stored.Decisions[0].Note, stored.Decisions[0].ReviewerName));
        var notice = await data.ReadAsync(db => db.Notifications.SingleAsync(n => n.UserId == org.RepresentativeUserId));
        Assert.Contains(WhatToFix, notice.Text, StringComparison.Ordinal);
        var mail = Assert.Single(app.Mails(), m => m.Headers["to"].Contains(org.RepresentativeEmail, StringComparison.Ordinal));
        Assert.Equal("Su inscripción tiene observaciones", mail.Subject);
        Assert.Contains(WhatToFix, mail.Body, StringComparison.Ordinal);

        // The organization fixes it and sends it again; two hours later the manager accepts.
        await data.WriteAsync(async db =>
        {
            var cycle = await db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.Id == data.CycleId);
            var organization = await db.Organizations.Include(o => o.Agents).Include(o => o.Documents).SingleAsync(o => o.Id == org.Id);
            organization.Submit(cycle, new DateOnly(2027, 1, 12), ReviewData.Noon(new DateOnly(2027, 1, 12)).AddHours(1));
        });
        app.Clock.Advance(TimeSpan.FromHours(2));
        using (var accepted = await manager.SubmitAsync(ReviewUrl(data, org.Id), "#accept-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        stored = await data.OrganizationWithHistoryAsync(org.Id);
        Assert.Equal([ReviewOutcome.Observed, ReviewOutcome.Accepted], stored.Decisions.Select(d => d.Outcome));
        Assert.Equal(app.Clock.GetUtcNow(), stored.Decisions[1].At);
        var rows = (await manager.GetPageAsync(ReviewUrl(data, org.Id))).QuerySelectorAll("#decisions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("12/01/2027 14:00", rows[0], StringComparison.Ordinal);
        Assert.Contains(WhatToFix, rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_NeedsAReason_ThenRecordsItAndTellsTheOrganization()
    {
        var data = await NewCycleAsync();
        var org = await data.OrganizationAsync("Organización Juvenil Nueva Esperanza", OrganizationStatus.Submitted, type: OrganizationType.Youth);
        using var manager = await data.ManagerAsync("Gestor Rechazante");
        var page = await manager.GetPageAsync(ReviewUrl(data, org.Id));
        Assert.NotNull(page.QuerySelector("#reject-form")!.GetAttribute("data-confirm"));

        using (var empty = await manager.SubmitAsync(page, "#reject-form", ("Reason", "")))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Equal("Indique el motivo del rechazo.", (await AppClient.ParseAsync(empty)).QuerySelector("#reject-reason-error")!.TextContent.Trim());
            Assert.Equal(OrganizationStatus.Submitted, (await data.OrganizationWithHistoryAsync(org.Id)).Status);
        }

        const string Reason = "La organización no tiene domicilio en la provincia.";
        using (var rejected = await manager.SubmitAsync(page, "#reject-form", ("Reason", Reason)))
        {
            Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        }

        var stored = await data.OrganizationWithHistoryAsync(org.Id);
        Assert.Equal(OrganizationStatus.Rejected, stored.Status);
        var decision = Assert.Single(stored.Decisions);
        Assert.Equal((ReviewOutcome.Rejected, Reason, "Gestor Rechazante"), (decision.Outcome, decision.Note, decision.ReviewerName));
        Assert.All(stored.Agents, a => Assert.False(a.IsAccredited));
        var mail = Assert.Single(app.Mails(), m => m.Headers["to"].Contains(org.RepresentativeEmail, StringComparison.Ordinal));
        Assert.Equal("Su inscripción fue rechazada", mail.Subject);
        Assert.Contains(Reason, mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_DoubleClicked_MakesOneDecision_AndTheSecondSaysItIsNoLongerAwaitingReview()
    {
        var data = await NewCycleAsync();
        var org = await data.OrganizationAsync("Comunidad Campesina de Huayllay", OrganizationStatus.Submitted, type: OrganizationType.IndigenousOrPeasantCommunity);
        using var manager = await data.ManagerAsync();
        var page = await manager.GetPageAsync(ReviewUrl(data, org.Id));

        using var first = await manager.SubmitAsync(page, "#accept-form");
        using var second = await manager.SubmitAsync(page, "#accept-form");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("ya no está pendiente de revisión", (await AppClient.ParseAsync(second)).QuerySelector("#already-decided")!.TextContent, StringComparison.Ordinal);
        Assert.Single((await data.OrganizationWithHistoryAsync(org.Id)).Decisions);
        Assert.Equal(1, await data.ReadAsync(db => db.Notifications.CountAsync(n => n.UserId == org.RepresentativeUserId)));
    }

    [Fact]
    public async Task TwoDecisionsAtTheSameInstant_OnlyOneIsRecorded()
    {
        var data = await NewCycleAsync();
        var org = await data.OrganizationAsync("Asociación de Vivienda Los Andes", OrganizationStatus.Submitted);
        using var manager = await data.ManagerAsync();
        var page = await manager.GetPageAsync(ReviewUrl(data, org.Id));

        var responses = await Task.WhenAll(
            manager.SubmitAsync(page, "#accept-form"),
            manager.SubmitAsync(page, "#reject-form", ("Reason", "Duplicada.")),
            manager.SubmitAsync(page, "#accept-form"));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"answered {r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single((await data.OrganizationWithHistoryAsync(org.Id)).Decisions);
        Assert.Equal(1, await data.ReadAsync(db => db.Notifications.CountAsync(n => n.UserId == org.RepresentativeUserId)));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task ReviewPage_ShowsTheAgentsWithTheirDni_AndDownloadsADocumentAsAnAttachment()
    {
        var data = await NewCycleAsync();
        var agents = ReviewData.TwoAgents();
        var org = await data.OrganizationAsync("Junta Vecinal Pumamarca", OrganizationStatus.Submitted, agents);
        using var manager = await data.ManagerAsync();

        var page = await manager.GetPageAsync(ReviewUrl(data, org.Id));

        var agentsText = page.QuerySelector("#agents")!.TextContent;
        Assert.All(agents, a => Assert.Contains(a.Dni, agentsText, StringComparison.Ordinal));
        var link = page.QuerySelector("#documents a")!;
        Assert.Equal("Acta de elección.pdf", link.TextContent.Trim());
        using var download = await manager.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Acta de elección.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(Infrastructure2.SampleFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
    }
}
