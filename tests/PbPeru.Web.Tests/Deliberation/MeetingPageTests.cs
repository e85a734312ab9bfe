using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Pages.Cycles.Meetings;
using PbPeru.Web.Pages.Cycles.Training;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Training;

namespace PbPeru.Web.Tests.Deliberation;

/// <summary>
/// The meetings of a cycle through the pages: the list and scheduling, the record (agenda, guests,
/// minutes, agreements), attendance at the door and by the agent's QR pass, and the public page.
/// </summary>
[Trait("Capability", "Deliberation")]
public sealed class MeetingPageTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private static readonly DateTimeOffset StartsAt = new(2027, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private readonly TrainingTestData _data = new(app);

    private static string DoorUrl(int cycleId, int meetingId, string? q = null) =>
        $"/Cycles/Meetings/Door/{cycleId}?meetingId={meetingId}" + (q is null ? "" : $"&q={Uri.EscapeDataString(q)}");

    [Fact]
    public async Task Door_FindsAnAgentByNameAndByDni_MarksOnce_AndTrainingMakesThemEligibleToVote()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Ana", "Quispe Mamani", null), ("Benito", "Condori Huamán", null));
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación 1", StartsAt);
        using var manager = await _data.ManagerAsync();
        var ana = await _data.ReadAsync(db => db.Agents.SingleAsync(a => a.Id == agents[0].Id));
        Assert.False(await _data.ReadAsync(db => TrainingStatus.MeetsTrainingRuleAsync(db, ana)));

        // By name, accent-blind: one big button per agent.
        var byName = await manager.GetPageAsync(DoorUrl(cycleId, meetingId, "quispe"));
        Assert.NotNull(byName.QuerySelector("input#door-search"));
        var button = Assert.Single(byName.QuerySelectorAll("button.mark"));
        Assert.Contains("Ana Quispe Mamani", button.TextContent);
        Assert.Contains("0 de 2", byName.QuerySelector("#door-count")!.TextContent);
        Assert.Single((await manager.GetPageAsync(DoorUrl(cycleId, meetingId, "huaman"))).QuerySelectorAll("button.mark"));

        // By DNI.
        var byDni = await manager.GetPageAsync(DoorUrl(cycleId, meetingId, agents[1].Dni));
        Assert.Contains("Benito Condori Huamán", Assert.Single(byDni.QuerySelectorAll("button.mark")).TextContent);

        // Marked twice from the same stale page: counted once.
        for (var i = 0; i < 2; i++)
        {
            using var marked = await manager.SubmitAsync(byName, $"li[data-agent-id='{agents[0].Id}'] form");
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        Assert.Equal([agents[0].Id], await _data.AttendeesAsync(meetingId));
        var after = await manager.GetPageAsync(DoorUrl(cycleId, meetingId, "quispe"));
        Assert.Contains("1 de 2", after.QuerySelector("#door-count")!.TextContent);
        Assert.Contains("Mujeres: 1", after.QuerySelector("#door-count")!.TextContent);
        Assert.Contains("Ana Quispe Mamani", Assert.Single(after.QuerySelectorAll("button.unmark")).TextContent);

        // Training attendance makes her eligible to vote.
        Assert.True(await _data.ReadAsync(db => TrainingStatus.MeetsTrainingRuleAsync(db, ana)));

        // Unmarking takes it away again.
        using (var unmarked = await manager.SubmitAsync(after, $"li[data-agent-id='{agents[0].Id}'] form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, unmarked.StatusCode);
        }

        Assert.Empty(await _data.AttendeesAsync(meetingId));
    }

    [Fact]
    public async Task Door_TwoConcurrentMarksOfTheSameAgent_MakeOneRecordAndNoError()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Dora", "Apaza Ccama", null));
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación 1", StartsAt);
        using var first = await _data.ManagerAsync();
        using var second = await _data.ManagerAsync();
        var page1 = await first.GetPageAsync(DoorUrl(cycleId, meetingId, "apaza"));
        var page2 = await second.GetPageAsync(DoorUrl(cycleId, meetingId, "apaza"));
        var form = $"li[data-agent-id='{agents[0].Id}'] form";

        var answers = await Task.WhenAll(
            first.SubmitAsync(page1, form), second.SubmitAsync(page2, form), first.SubmitAsync(page1, form), second.SubmitAsync(page2, form));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        Assert.Equal([agents[0].Id], await _data.AttendeesAsync(meetingId));
    }

    [Fact]
    public async Task Door_AnAgentOfAnotherCycleOrNotAccredited_IsRefusedWithAMessage()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        await _data.AccreditedAgentsAsync(cycleId, ("Ana", "Quispe Mamani", null));
        var otherCycleId = await _data.NewCycleInPreparationAsync();
        var foreign = await _data.AccreditedAgentsAsync(otherCycleId, ("Elena", "Foránea Ríos", null));
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación 1", StartsAt);
        using var manager = await _data.ManagerAsync();

        // A forged post for an agent of another cycle: a message, nothing recorded.
        using var refused = await manager.PostWithTokenAsync(
            DoorUrl(cycleId, meetingId), $"/Cycles/Meetings/Door/{cycleId}?meetingId={meetingId}&handler=Mark", ("agentId", foreign[0].Id.ToString()));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("es agente de otro ciclo", (await AppClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Empty(await _data.AttendeesAsync(meetingId));

        // Searching that DNI says why no one is found.
        var search = await manager.GetPageAsync(DoorUrl(cycleId, meetingId, foreign[0].Dni));
        Assert.Empty(search.QuerySelectorAll("button.mark"));
        Assert.Contains("es agente de otro ciclo", search.QuerySelector("#door-notice")!.TextContent);

        // The meeting of another cycle is not found under this one.
        var otherMeeting = await _data.SessionAsync(otherCycleId, "Capacitación ajena", StartsAt);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(DoorUrl(cycleId, otherMeeting))).StatusCode);
    }

    [Fact]
    public async Task Door_AnAgentNotAccredited_IsRefusedWithAMessage()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Ana", "Quispe Mamani", null), ("Rita", "Excluida Paz", null));
        await _data.ExcludeByChallengeAsync(cycleId, agents[1].Id, "No reside en la jurisdicción.");
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación 1", StartsAt);
        using var manager = await _data.ManagerAsync();

        using var refused = await manager.PostWithTokenAsync(
            DoorUrl(cycleId, meetingId), $"/Cycles/Meetings/Door/{cycleId}?meetingId={meetingId}&handler=Mark", ("agentId", agents[1].Id.ToString()));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("no está acreditado", (await AppClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Empty(await _data.AttendeesAsync(meetingId));
        var search = await manager.GetPageAsync(DoorUrl(cycleId, meetingId, agents[1].Dni));
        Assert.Contains("no está acreditado", search.QuerySelector("#door-notice")!.TextContent);
    }

    [Fact]
    public async Task Pass_TokenRoundTrip_MarksTodaysMeeting_AndATamperedTokenIsRefused()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Ana", "Quispe Mamani", null));
        app.Clock.Set(StartsAt.AddMinutes(-20));
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación de hoy", StartsAt);
        await _data.SessionAsync(cycleId, "Capacitación de mañana", StartsAt.AddDays(1));

        // The agent's own pass: a page and its QR code as SVG.
        var email = $"agente-{Guid.NewGuid():N}@prueba.pe";
        var user = await app.CreateUserAsync(email, "Ana Quispe Mamani", TrainingTestData.Password, [Roles.Agent]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Agents.SingleAsync(a => a.Id == agents[0].Id)).LinkAccount(user.Id);
            await db.SaveChangesAsync();
        }

        using (var agent = app.CreateAppClient(followRedirects: false))
        {
            await agent.LoginAsync(email, TrainingTestData.Password);
            var pass = await agent.GetPageAsync($"/Agent/Pass/{cycleId}");
            Assert.Contains("Ana Quispe Mamani", pass.QuerySelector("#pass-name")!.TextContent);
            var code = await agent.GetAsync(pass.QuerySelector("#pass-code")!.GetAttribute("src")!);
            Assert.Equal("image/svg+xml", code.Content.Headers.ContentType!.MediaType);
            Assert.Contains("<svg", await code.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/Agent/Pass/{cycleId + 100000}")).StatusCode);
        }

        var token = AgentPass.Issue(app.Services.GetRequiredService<IDataProtectionProvider>(), agents[0].Id, app.Clock.GetUtcNow());
        Assert.Equal(agents[0].Id, AgentPass.Read(app.Services.GetRequiredService<IDataProtectionProvider>(), token));
        using var manager = await _data.ManagerAsync();
        var scanUrl = $"/Cycles/Meetings/Scan?token={Uri.EscapeDataString(token)}";
        var scan = await manager.GetPageAsync(scanUrl);
        Assert.Contains("Ana Quispe Mamani", scan.QuerySelector("#scan-agent")!.TextContent);
        var today = Assert.Single(scan.QuerySelectorAll("#scan-meetings button.mark"));
        Assert.Contains("Capacitación de hoy", today.TextContent);

        for (var i = 0; i < 2; i++)
        {
            using var marked = await manager.SubmitAsync(scan, "#scan-meetings form");
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        Assert.Equal([agents[0].Id], await _data.AttendeesAsync(meetingId));

        // A tampered token, or none: a clear message, not an error.
        var tampered = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        foreach (var bad in new[] { tampered, "no-es-un-token", "" })
        {
            var page = await manager.GetPageAsync($"/Cycles/Meetings/Scan?token={Uri.EscapeDataString(bad)}");
            Assert.Contains("no es válido", page.QuerySelector("#scan-invalid")!.TextContent);
        }

        // A manager of another jurisdiction cannot use the pass.
        using var stranger = await _data.ManagerAsync(TrainingTestData.District);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(scanUrl)).StatusCode);
        app.Clock.Reset();
    }

    [Fact]
    public async Task Meetings_ScheduleRecordAndPublish_CountsBySexWithoutNames()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Ana", "Quispe Mamani", null), ("Benito", "Condori Huamán", null));
        using var manager = await _data.ManagerAsync();

        // Schedule a formalization workshop; a double submit makes one.
        var index = await manager.GetPageAsync($"/Cycles/Meetings/{cycleId}");
        Assert.NotNull(index.QuerySelector("#no-meetings"));
        (string, string)[] fields =
        [
            ("Input.Kind", nameof(MeetingKind.FormalizationWorkshop)), ("Input.Title", "Taller de formalización de acuerdos"),
            ("Input.Date", "2027-03-10"), ("Input.Time", "10:00"), ("Input.Place", "Local comunal"), ("Input.Facilitator", "Lucía Huamán"),
        ];
        for (var i = 0; i < 2; i++)
        {
            using var scheduled = await manager.SubmitAsync(index, "#meeting-form form", fields);
            Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        }

        var meeting = Assert.Single(await _data.ReadAsync(db => db.Meetings.Where(m => m.CycleId == cycleId).ToListAsync()));
        var editUrl = $"/Cycles/Meetings/Edit/{cycleId}?meetingId={meeting.Id}";

        // Agenda, minutes and agreements.
        using (var saved = await manager.SubmitAsync(editUrl, "#minutes-form",
            ("Record.Agenda", "1. Lectura de acuerdos\n2. Firma del acta"), ("Record.Minutes", "Se leyeron y aprobaron los acuerdos."),
            ("Record.Agreements", "Ejecutar el proyecto de agua\n\nVigilar la obra de vías")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // Guests with their sex; a double submit makes one.
        for (var i = 0; i < 2; i++)
        {
            using var guest = await manager.SubmitAsync(editUrl, "#guest-form",
                ("Guest.Name", "Rosa Alcaldesa"), ("Guest.Office", "Alcaldesa distrital"), ("Guest.Category", nameof(AttendeeCategory.Authority)), ("Guest.Sex", nameof(Sex.Female)));
            Assert.Equal(HttpStatusCode.Redirect, guest.StatusCode);
        }

        using (var guest = await manager.SubmitAsync(editUrl, "#guest-form",
            ("Guest.Name", "Invitado sin dato"), ("Guest.Category", nameof(AttendeeCategory.Guest)), ("Guest.Sex", "")))
        {
            Assert.Equal(HttpStatusCode.Redirect, guest.StatusCode);
        }

        using (var noName = await manager.SubmitAsync(editUrl, "#guest-form", ("Guest.Name", " "), ("Guest.Category", nameof(AttendeeCategory.Guest))))
        {
            Assert.Equal(HttpStatusCode.OK, noName.StatusCode);
            Assert.Contains("El nombre del asistente es obligatorio", (await AppClient.ParseAsync(noName)).QuerySelector("#guest-form")!.TextContent);
        }

        // Both agents at the door.
        foreach (var agent in agents)
        {
            using var marked = await manager.SubmitAsync(DoorUrl(cycleId, meeting.Id, agent.Dni), $"li[data-agent-id='{agent.Id}'] form");
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }

        var stored = await _data.ReadAsync(db => db.Meetings.Include(m => m.Guests).Include(m => m.Agreements).SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(["Rosa Alcaldesa", "Invitado sin dato"], stored.Guests.Select(g => g.Name));
        Assert.Equal(["Ejecutar el proyecto de agua", "Vigilar la obra de vías"], stored.Agreements.Select(a => a.Text));
        Assert.NotNull(stored.MinutesRecordedAt);

        // The manager's list counts them.
        var row = (await manager.GetPageAsync($"/Cycles/Meetings/{cycleId}")).QuerySelector($"#meetings tr[data-meeting-id='{meeting.Id}']")!;
        Assert.Equal("2", row.QuerySelector(".agents-count")!.TextContent.Trim());
        Assert.Equal("2 / 0", row.QuerySelector(".sex-count")!.TextContent.Trim());
        Assert.Equal("2", row.QuerySelector(".guests-count")!.TextContent.Trim());

        // The acta's agents present come from the formalization workshop's attendance.
        var present = await _data.ReadAsync(db => ActaContentBuilder.AgentsPresentAsync(db, cycleId, CancellationToken.None));
        Assert.Equal(2, present.Count);

        // The public page: counts by sex, agenda, minutes, agreements; no names.
        using var anyone = app.CreateAppClient();
        var pub = await anyone.GetPageAsync($"/Public/Meetings/{cycleId}");
        var article = pub.QuerySelector($"article[data-meeting-id='{meeting.Id}']")!;
        Assert.Contains("2 (mujeres: 2, hombres: 0)", article.QuerySelector(".agents")!.TextContent);
        Assert.Contains("2 (mujeres: 1, hombres: 0, sin registrar: 1)", article.QuerySelector(".guests")!.TextContent);
        Assert.Contains("Firma del acta", article.QuerySelector(".meeting-agenda")!.TextContent);
        Assert.Contains("Se leyeron y aprobaron", article.QuerySelector(".meeting-minutes")!.TextContent);
        Assert.Equal(2, article.QuerySelectorAll(".meeting-agreements li").Length);
        var text = pub.Body!.TextContent;
        Assert.DoesNotContain("Quispe", text);
        Assert.DoesNotContain("Rosa Alcaldesa", text);
        Assert.DoesNotContain(agents[0].Dni, text);
    }

    [Fact]
    public async Task ManagerPages_OfAnotherJurisdiction_AreForbidden_AndThePublicPageOfADraftIsNotFound()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación 1", StartsAt);
        using var stranger = await _data.ManagerAsync(TrainingTestData.District);

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/Cycles/Meetings/{cycleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(DoorUrl(cycleId, meetingId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/Cycles/Meetings/Edit/{cycleId}?meetingId={meetingId}")).StatusCode);
        using var anyone = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/Public/Meetings/999999")).StatusCode);
    }
}
