using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests;

/// <summary>
/// Deliberation on a phone: staff take attendance at the door of the demo's prioritization workshop
/// (search by name, mark, search by DNI, mark; marking twice counts once), the demo agent asks a
/// question on a public proposal and the technical team answers it officially; the public proposal
/// page with its questions and the public meetings page pass the accessibility scan.
/// </summary>
[Trait("Capability", "Deliberation")]
public sealed class DeliberationJourneyTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    private const string Question = "¿El centro juvenil abrirá también los fines de semana para los estudiantes que trabajan?";
    private const string Answer = "Sí: el expediente técnico prevé atención de lunes a domingo, con un encargado de la municipalidad.";

    [Fact]
    public async Task Staff_MarkAttendanceAtTheDoor_AnAgentAsks_AndTheTechnicalTeamAnswersOfficially_OnAPhone()
    {
        var (cycleId, workshopId) = await DemoWorkshopAsync();
        var proposalId = await ProposalIdAsync(cycleId, "Centro juvenil de cómputo en San Sebastián");
        await Page.SetViewportSizeAsync(390, 844);

        // Staff open the workshop from the cycle's meetings and take attendance at the door.
        await LoginAsync(DemoAccounts.CycleManager);
        await Page.GotoAsync($"/Cycles/Meetings/{cycleId}");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync(DemoDeliberation.WorkshopTitle);
        await ScreenshotAsync("1-reuniones-del-ciclo");
        var doorLink = Page.Locator($"a[href*='/Cycles/Meetings/Door/{cycleId}'][href*='meetingId={workshopId}']").First;
        if (await doorLink.CountAsync() > 0)
        {
            await doorLink.ClickAsync();
        }
        else
        {
            await Page.GotoAsync($"/Cycles/Meetings/Door/{cycleId}?meetingId={workshopId}");
        }

        await Assertions.Expect(Page.Locator("input#door-search")).ToBeVisibleAsync();
        var countBefore = await Page.Locator("#door-count").InnerTextAsync();
        await Page.Locator("input#door-search").FillAsync("Eulalia");
        await Page.Locator("input#door-search").PressAsync("Enter");
        var mark = Page.Locator("button.mark", new() { HasText = "Eulalia" });
        await Assertions.Expect(mark).ToHaveCountAsync(1);
        await ScreenshotAsync("2-puerta-busqueda-por-nombre");
        await mark.ClickAsync();
        await Assertions.Expect(Page.Locator("button.unmark", new() { HasText = "Eulalia" })).ToBeVisibleAsync();
        Assert.NotEqual(countBefore, await Page.Locator("#door-count").InnerTextAsync());
        await ScreenshotAsync("3-puerta-asistencia-marcada");

        // By DNI: the suplente of the youth network.
        await Page.Locator("input#door-search").FillAsync("74125590");
        await Page.Locator("input#door-search").PressAsync("Enter");
        var byDni = Page.Locator("button.mark", new() { HasText = "Milagros" });
        await Assertions.Expect(byDni).ToHaveCountAsync(1);
        await byDni.ClickAsync();
        await Assertions.Expect(Page.Locator("button.unmark", new() { HasText = "Milagros" })).ToBeVisibleAsync();
        Assert.Equal(2, await AttendanceAsync(workshopId));

        // The touch targets are big enough for a thumb.
        var box = await Page.Locator("button.unmark").First.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height >= 44, $"The door's buttons are {box.Height}px high.");

        // The demo agent asks a question on a public proposal.
        await Context.ClearCookiesAsync();
        await LoginAsync(DemoAccounts.Agent);
        var proposalUrl = $"/Public/Proposals/{cycleId}/{proposalId}";
        await Page.GotoAsync(proposalUrl);
        await Page.Locator("textarea#question-text").FillAsync(Question);
        await ScreenshotAsync("4-pregunta-escrita");
        await Page.Locator("#ask").ClickAsync();
        var asked = Page.Locator("article.question", new() { HasText = Question });
        await Page.GotoAsync(proposalUrl);
        await Assertions.Expect(asked).ToHaveCountAsync(1);

        // The technical team answers it, as the official answer.
        await Context.ClearCookiesAsync();
        await LoginAsync(DemoAccounts.TechnicalTeam);
        await Page.GotoAsync(proposalUrl);
        await asked.Locator("a.answer-link").ClickAsync();
        await Page.Locator("textarea#answer-text").FillAsync(Answer);
        await Page.Locator("#answer-official").CheckAsync();
        await ScreenshotAsync("5-respuesta-oficial-escrita");
        await Page.Locator("#answer").ClickAsync();
        await Page.GotoAsync(proposalUrl);
        var official = asked.Locator(".official-answer");
        await Assertions.Expect(official).ToContainTextAsync(Answer);
        await Assertions.Expect(official).ToContainTextAsync("Respuesta oficial");

        // Everyone sees the questions and the workshop's counts; both pages pass the scan.
        await Context.ClearCookiesAsync();
        await Page.GotoAsync(proposalUrl);
        await Assertions.Expect(Page.Locator("article.question", new() { HasText = Question }).Locator(".official-answer")).ToContainTextAsync(Answer);
        await Page.Locator("article.question", new() { HasText = Question }).ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("6-propuesta-publica-con-preguntas");
        Assert.Empty(await AxeScan.SeriousAsync(Page));

        await Page.GotoAsync($"/Public/Meetings/{cycleId}");
        await Assertions.Expect(Page.Locator("body")).ToContainTextAsync(DemoDeliberation.WorkshopTitle);
        await Assertions.Expect(Page.Locator("body")).Not.ToContainTextAsync("Eulalia");
        await ScreenshotAsync("7-reuniones-publicas");
        Assert.Empty(await AxeScan.SeriousAsync(Page));
    }

    private async Task<(int CycleId, int WorkshopId)> DemoWorkshopAsync()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycleId = await db.Cycles.Where(c => c.JurisdictionUbigeo == DemoConcertation.Province && c.FiscalYear == DemoSeeder.FiscalYear).Select(c => c.Id).SingleAsync();
        var workshopId = await db.Meetings.Where(m => m.CycleId == cycleId && m.Kind == MeetingKind.PrioritizationWorkshop).Select(m => m.Id).SingleAsync();
        return (cycleId, workshopId);
    }

    private async Task<int> ProposalIdAsync(int cycleId, string title)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Proposals.Where(p => p.CycleId == cycleId && p.Title == title).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> AttendanceAsync(int meetingId)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Meetings.Where(m => m.Id == meetingId).SelectMany(m => m.Attendance).CountAsync();
    }
}
