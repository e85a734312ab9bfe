using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Identity;
using PbPeru.Web.Pages.Cycles.Training;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Training;

[Trait("Capability", "Preparation")]
public sealed class TrainingSessionTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string SessionForm = "#session-form form";
    private const string ChecklistForm = "#attendance-form";

    private readonly TrainingTestData _data = new(app);

    private static string AttendanceUrl(int cycleId, int meetingId) => $"/Cycles/Training/{cycleId}/Attendance/{meetingId}";

    [Fact]
    public async Task ScheduleSession_StoresTheLimaTimeAsUtc_ListsIt_AndADoubleSubmitSchedulesItOnce()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        using var manager = await _data.ManagerAsync();

        var page = await manager.GetPageAsync($"/Cycles/Training/{cycleId}");
        (string, string)[] fields =
        [
            ("Input.Title", "Capacitación en presupuesto participativo"),
            ("Input.Date", "2027-03-02"),
            ("Input.Time", "09:30"),
            ("Input.Place", "Auditorio de la municipalidad"),
            ("Input.Trainer", "Lucía Huamán"),
        ];
        using (var first = await manager.SubmitAsync(page, SessionForm, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // The same page submitted again (a double click without JavaScript): still one session.
        using (var second = await manager.SubmitAsync(page, SessionForm, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        var meeting = Assert.Single(await _data.ReadAsync(db => db.Meetings.Where(m => m.CycleId == cycleId).ToListAsync()));
        Assert.Equal(MeetingKind.Training, meeting.Kind);
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 14, 30, 0, TimeSpan.Zero), meeting.StartsAt);
        Assert.Equal(("Auditorio de la municipalidad", "Lucía Huamán"), (meeting.Place, meeting.Facilitator));

        var list = await manager.GetPageAsync($"/Cycles/Training/{cycleId}");
        var row = list.QuerySelector($"#sessions tr[data-meeting-id='{meeting.Id}']")!;
        Assert.Contains("09:30", row.TextContent);
        Assert.Contains("2/03/2027 09:30", row.TextContent);
        Assert.Contains("Lucía Huamán", row.TextContent);
        Assert.Equal("0", row.QuerySelector(".present-count")!.TextContent.Trim());
        Assert.Contains("Capacitación requerida para votar", list.QuerySelector("#training-rule")!.TextContent);
    }

    [Fact]
    public async Task EditSession_ChangesItsDetails()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var meetingId = await _data.SessionAsync(cycleId, "Sesión 1", new DateTimeOffset(2027, 3, 3, 14, 0, 0, TimeSpan.Zero));
        using var manager = await _data.ManagerAsync();

        var edit = await manager.GetPageAsync($"/Cycles/Training/{cycleId}?edit={meetingId}");
        Assert.Equal("2027-03-03", edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Date")!.Value);
        Assert.Equal("09:00", edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Time")!.Value);
        using var saved = await manager.SubmitAsync(edit, SessionForm, ("Input.Place", "Local comunal de Wanchaq"), ("Input.Time", "16:15"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var meeting = await _data.ReadAsync(db => db.Meetings.SingleAsync(m => m.Id == meetingId));
        Assert.Equal(("Sesión 1", "Local comunal de Wanchaq"), (meeting.Title, meeting.Place));
        Assert.Equal(new DateTimeOffset(2027, 3, 3, 21, 15, 0, TimeSpan.Zero), meeting.StartsAt);
        Assert.Single(await _data.ReadAsync(db => db.Meetings.Where(m => m.CycleId == cycleId).ToListAsync()));
    }

    [Fact]
    public async Task ScheduleSession_WithoutTitleOrPlace_SaysWhatIsMissingAndStoresNothing()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        using var manager = await _data.ManagerAsync();

        using var response = await manager.SubmitAsync($"/Cycles/Training/{cycleId}", SessionForm,
            ("Input.Title", " "), ("Input.Date", "2027-03-02"), ("Input.Time", ""), ("Input.Place", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        var errors = page.QuerySelectorAll(".field-validation-error").Select(e => e.TextContent).ToList();
        Assert.Contains("Escriba el título de la sesión.", errors);
        Assert.Contains("Indique la hora.", errors);
        Assert.Contains("Indique el lugar.", errors);
        Assert.Empty(await _data.ReadAsync(db => db.Meetings.Where(m => m.CycleId == cycleId).ToListAsync()));
    }

    [Fact]
    public async Task MarkAttendance_RecordsWhoWasPresent_AndTrainingStatusSaysTheyAttended()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Ana", "Quispe Mamani", null), ("Benito", "Condori Huamán", null), ("Carla", "Ñahui Torres", null));
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación 1", new DateTimeOffset(2027, 3, 2, 14, 0, 0, TimeSpan.Zero));
        using var manager = await _data.ManagerAsync();

        var checklist = await manager.GetPageAsync(AttendanceUrl(cycleId, meetingId));
        Assert.Equal(3, checklist.QuerySelectorAll(".attendance-row").Length);
        Assert.Contains("Capacitación requerida para votar", checklist.QuerySelector("#attendance-summary")!.TextContent);
        Assert.Contains("aún no puede votar", Row(checklist, agents[0].Id).TextContent);

        using (var saved = await manager.SubmitAsync(checklist, ChecklistForm, ("Present", agents[0].Id.ToString()), ("Present", agents[2].Id.ToString())))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal([agents[0].Id, agents[2].Id], await _data.AttendeesAsync(meetingId));
        Assert.True(await _data.ReadAsync(db => TrainingStatus.HasAttendedAsync(db, agents[0].Id)));
        Assert.False(await _data.ReadAsync(db => TrainingStatus.HasAttendedAsync(db, agents[1].Id)));
        Assert.Equal([agents[0].Id, agents[2].Id], (await _data.ReadAsync(db => TrainingStatus.AttendedAgentIdsAsync(db, cycleId))).Order());

        var after = await manager.GetPageAsync(AttendanceUrl(cycleId, meetingId));
        Assert.Contains("Capacitación cumplida", Row(after, agents[0].Id).TextContent);
        Assert.True(Box(after, agents[0].Id).IsChecked);
        Assert.False(Box(after, agents[1].Id).IsChecked);
        var list = await manager.GetPageAsync($"/Cycles/Training/{cycleId}");
        Assert.Equal("2", list.QuerySelector($"#sessions tr[data-meeting-id='{meetingId}'] .present-count")!.TextContent.Trim());
        Assert.Equal("2 de 3", list.QuerySelector("#trained-count")!.TextContent.Trim());

        // Unticking a box takes the mark away; the others stay.
        using (var unmarked = await manager.SubmitAsync(after, ChecklistForm, ("Present", agents[2].Id.ToString())))
        {
            Assert.Equal(HttpStatusCode.Redirect, unmarked.StatusCode);
        }

        Assert.Equal([agents[2].Id], await _data.AttendeesAsync(meetingId));
        Assert.False(await _data.ReadAsync(db => TrainingStatus.HasAttendedAsync(db, agents[0].Id)));
    }

    [Fact]
    public async Task MarkAttendance_Twice_CountsOnce()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Dora", "Apaza Ccama", null));
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación 1", new DateTimeOffset(2027, 3, 2, 14, 0, 0, TimeSpan.Zero));
        using var manager = await _data.ManagerAsync();

        // The same stale checklist saved twice: the second finds the agent marked already.
        var checklist = await manager.GetPageAsync(AttendanceUrl(cycleId, meetingId));
        for (var i = 0; i < 2; i++)
        {
            using var saved = await manager.SubmitAsync(checklist, ChecklistForm, ("Present", agents[0].Id.ToString()));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal([agents[0].Id], await _data.AttendeesAsync(meetingId));
    }

    [Fact]
    public async Task TwoStaffSavingTheSameChecklistAtOnce_LeaveOneRecordPerAgent_AndNoError()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId,
            Enumerable.Range(1, 12).Select(i => ($"Agente{i}", $"Apellido{i:00} Prueba", (string?)null)).ToArray());
        using var first = await _data.ManagerAsync();
        using var second = await _data.ManagerAsync();
        var all = agents.Select(a => ("Present", a.Id.ToString())).ToArray();

        for (var round = 1; round <= 4; round++)
        {
            var meetingId = await _data.SessionAsync(cycleId, $"Capacitación {round}", new DateTimeOffset(2027, 3, round, 14, 0, 0, TimeSpan.Zero));
            var pageA = await first.GetPageAsync(AttendanceUrl(cycleId, meetingId));
            var pageB = await second.GetPageAsync(AttendanceUrl(cycleId, meetingId));

            var responses = await Task.WhenAll(first.SubmitAsync(pageA, ChecklistForm, all), second.SubmitAsync(pageB, ChecklistForm, all));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            foreach (var response in responses)
            {
                response.Dispose();
            }

            Assert.Equal(agents.Select(a => a.Id).Order(), await _data.AttendeesAsync(meetingId));
        }
    }

    [Fact]
    public async Task Checklist_SearchFiltersByName_AndSavingTouchesOnlyTheAgentsShown()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Elena", "Ñaupa Ríos", null), ("Fabián", "Torres Vega", null));
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación 1", new DateTimeOffset(2027, 3, 2, 14, 0, 0, TimeSpan.Zero));
        using var manager = await _data.ManagerAsync();
        var full = await manager.GetPageAsync(AttendanceUrl(cycleId, meetingId));
        using (await manager.SubmitAsync(full, ChecklistForm, ("Present", agents[1].Id.ToString())))
        {
        }

        // Accents and case do not matter; the other agent, marked, is not in the form and stays marked.
        var filtered = await manager.GetPageAsync($"{AttendanceUrl(cycleId, meetingId)}?q=nauPA");
        var row = Assert.Single(filtered.QuerySelectorAll(".attendance-row"));
        Assert.Contains("Ñaupa Ríos, Elena", row.TextContent);
        using var saved = await manager.SubmitAsync(filtered, ChecklistForm, ("Present", agents[0].Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("q=nauPA", saved.Headers.Location!.ToString());
        Assert.Equal(agents.Select(a => a.Id).Order(), await _data.AttendeesAsync(meetingId));
    }

    [Fact]
    public async Task TrainingPages_RefuseARepresentative_AManagerOfAnotherJurisdiction_AndAMeetingOfAnotherCycle()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var otherCycleId = await _data.NewCycleInPreparationAsync("080103");
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación 1", new DateTimeOffset(2027, 3, 2, 14, 0, 0, TimeSpan.Zero));
        using var representative = await _data.SignedInAsync(Roles.OrganizationRepresentative);
        using var agent = await _data.SignedInAsync(Roles.Agent);
        using var otherManager = await _data.ManagerAsync("080103");

        foreach (var url in new[] { $"/Cycles/Training/{cycleId}", AttendanceUrl(cycleId, meetingId), $"/Cycles/Invitations/{cycleId}" })
        {
            using var asRepresentative = await representative.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, asRepresentative.StatusCode);
            using var asAgent = await agent.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, asAgent.StatusCode);
            using var asOtherManager = await otherManager.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, asOtherManager.StatusCode);
        }

        using var wrongCycle = await otherManager.GetAsync(AttendanceUrl(otherCycleId, meetingId));
        Assert.Equal(HttpStatusCode.NotFound, wrongCycle.StatusCode);

        using var anonymous = app.CreateAppClient(followRedirects: false);
        using var signIn = await anonymous.GetAsync($"/Cycles/Training/{cycleId}");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private static IElement Row(IDocument page, int agentId) => page.QuerySelector($".attendance-row[data-agent-id='{agentId}']")!;

    private static AngleSharp.Html.Dom.IHtmlInputElement Box(IDocument page, int agentId) =>
        (AngleSharp.Html.Dom.IHtmlInputElement)Row(page, agentId).QuerySelector("input[type=checkbox]")!;
}
