using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Deliberation;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Deliberation;

/// <summary>
/// Consensus records through the pages: the manager records the workshop's decision (confirmed,
/// once, a double submit makes one record), bad input gets clear messages, and the public theme
/// page shows the record in place of the vote count.
/// </summary>
[Trait("Capability", "Deliberation")]
public sealed class ConsensusPageTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Decision = "Los ejes quedan priorizados así: 1. Agua y saneamiento, 2. Vías, 3. Educación.";
    private const string Minutes = "Tras el diálogo en el taller, las 14 organizaciones presentes acordaron el orden sin objeciones.";

    [Fact]
    public async Task ThemePriorities_RecordedOnceWithConfirmation_ArePublicInPlaceOfTheVoteCount()
    {
        app.Clock.SetLimaDay(ProposalTestData.PrioritizationDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0807");
        var workshop = await MeetingAsync(data, "Taller de priorización de ejes");
        using var manager = await data.ManagerAsync();
        var url = $"/Cycles/Consensus/{data.CycleId}";

        // Before: no record, and the public page shows the vote count.
        var page = await manager.GetPageAsync(url);
        Assert.NotNull(page.QuerySelector("#no-consensus"));
        Assert.Contains("Taller de priorización de ejes", page.QuerySelector("#Input_MeetingId")!.TextContent);
        using var anyone = app.CreateAppClient();
        var before = await anyone.GetPageAsync($"/Public/Themes/{data.CycleId}");
        Assert.NotNull(before.QuerySelector(".vote-count"));
        Assert.Null(before.QuerySelector(".consensus-record"));

        (string, string)[] fields =
        [
            ("Input.Subject", nameof(ConsensusSubject.ThemePriorities)), ("Input.MeetingId", workshop.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Decision", Decision), ("Input.Minutes", Minutes),
        ];

        // Without the confirmation: a message, nothing saved, the input kept.
        using (var unconfirmed = await manager.SubmitAsync(page, "form.consensus-form", fields))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
            var shown = await AppClient.ParseAsync(unconfirmed);
            Assert.Contains("Marque la casilla", shown.QuerySelector(".validation-summary-errors")!.TextContent);
            Assert.Equal(Decision, shown.QuerySelector("#Input_Decision")!.TextContent.Trim());
            Assert.Null(shown.QuerySelector("#confirm-consensus[checked]"));
        }

        // An empty decision: the domain's message.
        using (var empty = await manager.SubmitAsync(url, "form.consensus-form",
            ("Input.Subject", nameof(ConsensusSubject.ThemePriorities)), ("Input.Decision", " "), ("Input.Minutes", Minutes), ("Input.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("Escriba la decisión tomada por consenso", (await AppClient.ParseAsync(empty)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        Assert.Equal(0, await data.ReadAsync(db => db.ConsensusRecords.CountAsync(r => r.CycleId == data.CycleId)));

        // Confirmed: recorded once, however many times the same form is sent at once.
        var confirmed = fields.Append(("Input.Confirm", "true")).ToArray();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => manager.SubmitAsync(page, "form.consensus-form", confirmed)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        var record = Assert.Single(await data.ReadAsync(db => db.ConsensusRecords.Where(r => r.CycleId == data.CycleId).ToListAsync()));
        Assert.Equal(ConsensusSubject.ThemePriorities, record.Subject);
        Assert.Equal(workshop, record.MeetingId);
        Assert.Equal(Decision, record.Decision);
        Assert.Equal(Minutes, record.Minutes);
        Assert.Equal("Gestora de Prueba", record.RecordedBy);

        // A second record of the same subject, from a new form: refused with a message.
        var listed = await manager.GetPageAsync(url);
        Assert.Single(listed.QuerySelectorAll("#consensus-records .consensus-record"));
        Assert.NotNull(listed.QuerySelector("#Input_Subject option[value='ThemePriorities'][disabled]"));
        using (var again = await manager.SubmitAsync(listed, "form.consensus-form", confirmed))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains(Messages.ConsensusAlreadyRecorded.Es, (await AppClient.ParseAsync(again)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        // "Other" decisions may be several; a committee consensus waits for Formalization.
        foreach (var decision in new[] { "Se acuerda sesionar los sábados.", "Se acuerda un refrigerio para los agentes." })
        {
            using var other = await manager.SubmitAsync(url, "form.consensus-form",
                ("Input.Subject", nameof(ConsensusSubject.Other)), ("Input.Decision", decision), ("Input.Minutes", Minutes), ("Input.Confirm", "true"));
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        }

        using (var early = await manager.SubmitAsync(url, "form.consensus-form",
            ("Input.Subject", nameof(ConsensusSubject.CommitteeElection)), ("Input.Decision", Decision), ("Input.Minutes", Minutes), ("Input.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains("Formalización", (await AppClient.ParseAsync(early)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        Assert.Equal(3, await data.ReadAsync(db => db.ConsensusRecords.CountAsync(r => r.CycleId == data.CycleId)));

        // The public theme page: the record in place of the count, linking the meeting.
        var after = await anyone.GetPageAsync($"/Public/Themes/{data.CycleId}");
        Assert.Null(after.QuerySelector(".vote-count"));
        Assert.Null(after.QuerySelector("table.theme-results"));
        var shownRecord = after.QuerySelector(".consensus-record")!;
        Assert.Equal(Decision, shownRecord.QuerySelector(".consensus-decision")!.TextContent);
        Assert.Equal(Minutes, shownRecord.QuerySelector(".consensus-minutes")!.TextContent);
        Assert.Contains("Taller de priorización de ejes", shownRecord.QuerySelector(".consensus-meeting")!.TextContent);
        Assert.NotNull(shownRecord.QuerySelector($"a[href='/Public/Meetings/{data.CycleId}#meeting-{workshop}']"));
    }

    [Fact]
    public async Task Recording_WithAMeetingOfAnotherCycle_OrForAnotherJurisdiction_IsRefused()
    {
        app.Clock.SetLimaDay(ProposalTestData.PrioritizationDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0808");
        var other = await ProposalTestData.NewCycleAsync(app, "0808");
        var foreignMeeting = await MeetingAsync(other, "Taller de otro ciclo");
        using var manager = await data.ManagerAsync();
        var url = $"/Cycles/Consensus/{data.CycleId}";

        using (var foreign = await manager.SubmitAsync(url, "form.consensus-form",
            ("Input.Subject", nameof(ConsensusSubject.ThemePriorities)), ("Input.MeetingId", foreignMeeting.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Decision", Decision), ("Input.Minutes", Minutes), ("Input.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
            Assert.Contains(Messages.ConsensusMeetingNotOfCycle.Es, (await AppClient.ParseAsync(foreign)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        Assert.Equal(0, await data.ReadAsync(db => db.ConsensusRecords.CountAsync(r => r.CycleId == data.CycleId)));

        // A manager of another jurisdiction: 403; nobody signed in: the login.
        var outsiderEmail = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(outsiderEmail, "Gestor de Otra Provincia", ProposalTestData.Password, [Roles.CycleManager], "0803");
        using var outsider = await data.SignedInAsync(outsiderEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(url)).StatusCode);
        using var anonymous = app.CreateAppClient(followRedirects: false);
        var login = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(AppClient.LoginPath, login.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<int> MeetingAsync(ConcertationCycle data, string title)
    {
        var id = 0;
        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            var meeting = Meeting.Schedule(cycle, data.Manager, new MeetingDetails(
                MeetingKind.PrioritizationWorkshop, title, ProposalTestData.Noon(ProposalTestData.PrioritizationDay).AddHours(-3), "Local comunal", "Equipo técnico"));
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            id = meeting.Id;
        });
        return id;
    }
}
