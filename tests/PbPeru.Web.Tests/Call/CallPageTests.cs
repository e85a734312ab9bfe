using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Cycles;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Call;

/// <summary>The public call of a cycle, and the home page that leads to it.</summary>
[Trait("Capability", "Preparation")]
public sealed class CallPageTests(DemoPbPeruFactory app) : IClassFixture<DemoPbPeruFactory>
{
    private static readonly TimeSpan Lima = TimeSpan.FromHours(-5);

    /// <summary>The demo cycle of the Cusco regional government, with its calendar and themes.</summary>
    private async Task<Cycle> DemoCycleAsync()
    {
        // Seeded when the app first starts.
        _ = app.Services;
        return (await CycleTestData.FindCycleAsync(app, DemoSeeder.Region, DemoSeeder.FiscalYear))!;
    }

    private static CalendarEntry Step(Cycle cycle, CalendarStep step) => cycle.Calendar.Single(e => e.Step == step);

    private static DateTimeOffset InLima(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), Lima);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Dates(IElement? scope) =>
        scope?.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")!).ToList() ?? [];

    [Fact]
    public async Task Call_OfThePublicDemoCycle_ShowsCeilingDatesAndThemesToAnAnonymousVisitor()
    {
        var cycle = await DemoCycleAsync();
        var registration = Step(cycle, CalendarStep.Registration);
        var challenges = Step(cycle, CalendarStep.Challenges);
        app.Clock.Set(InLima(registration.Start, 12, 0));
        using var client = app.CreateAppClient(followRedirects: false);

        var page = await client.GetPageAsync($"/Public/Call/{cycle.Id}");

        var text = page.Body!.TextContent;
        Assert.Contains("Presupuesto Participativo 2027 del Gobierno Regional del Cusco", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Gobierno Regional de Cusco", text);
        Assert.Equal("S/ 12,500,000.00", page.QuerySelector(".call-ceiling")!.TextContent.Trim());
        Assert.Equal([Iso(registration.Start), Iso(registration.End)], Dates(page.QuerySelector("#key-registration p")));
        Assert.Contains("Inscripciones abiertas hasta", page.QuerySelector("#key-registration")!.TextContent);
        Assert.Equal([Iso(challenges.Start), Iso(challenges.End)], Dates(page.QuerySelector("#key-challenges p")));
        Assert.Equal([Iso(registration.Start), Iso(registration.End)], Dates(page.QuerySelector("tr[data-step='Registration']")));
        Assert.Equal(cycle.Calendar.Count, page.QuerySelectorAll(".call-calendar tbody tr").Length);
        var themes = page.QuerySelectorAll(".call-themes li strong").Select(e => e.TextContent).ToList();
        Assert.Equal(cycle.Themes.Select(t => t.Name), themes);
        Assert.Contains("Agua y saneamiento", themes);

        // Who may take part and what they need, from the cycle's accreditation rules (the demo keeps the defaults).
        Assert.Equal(["1", "1"], page.QuerySelectorAll(".call-agents dd").Select(e => e.TextContent.Trim()));
        Assert.Contains("SUNARP", text);
        Assert.Contains("es requisito para votar", text);
        Assert.Contains("30 %", page.QuerySelector(".call-quota")!.TextContent);

        // While registration is open, the way in; printing needs no script of the page.
        Assert.NotNull(page.QuerySelector("a[href='/Registration']"));
        Assert.NotNull(page.QuerySelector(".no-print button[data-print]"));
        Assert.Empty(page.QuerySelectorAll("[onclick]"));
    }

    [Fact]
    public async Task Call_AfterRegistrationCloses_SaysSoAndOffersNoRegistration()
    {
        var cycle = await DemoCycleAsync();
        app.Clock.Set(InLima(Step(cycle, CalendarStep.Registration).End.AddDays(1), 12, 0));
        using var client = app.CreateAppClient(followRedirects: false);

        var page = await client.GetPageAsync($"/Public/Call/{cycle.Id}");

        Assert.Contains("Las inscripciones cerraron el", page.QuerySelector("#key-registration")!.TextContent);
        Assert.Null(page.QuerySelector("a[href='/Registration']"));
    }

    [Fact]
    public async Task Call_OfADraftOrUnknownCycle_IsNotFound()
    {
        int draftId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var actor = new Actor("seed", "Semilla", new HashSet<string> { "0801" });
            var draft = Cycle.Create("0801", 2028, "Ciclo en configuración", Money.FromSoles(1_000_000m), actor, DateTimeOffset.UtcNow);
            db.Cycles.Add(draft);
            await db.SaveChangesAsync();
            draftId = draft.Id;
        }

        using var client = app.CreateAppClient(followRedirects: false);

        using var draftCall = await client.GetAsync($"/Public/Call/{draftId}");
        using var unknownCall = await client.GetAsync("/Public/Call/999999");

        Assert.Equal(HttpStatusCode.NotFound, draftCall.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCall.StatusCode);
        var home = await client.GetPageAsync("/");
        Assert.Null(home.QuerySelector($"a[href='/Public/Call/{draftId}']"));
    }

    [Theory]
    [InlineData(true, 0, 0, 0, true)] // 00:00 in Lima on the first day
    [InlineData(false, 0, 23, 59, true)] // 23:59 in Lima on the last day: already the next day in UTC
    [InlineData(true, -1, 23, 59, false)] // 23:59 in Lima the day before
    [InlineData(false, 1, 0, 0, false)] // 00:00 in Lima the day after
    public async Task Home_MarksTheCycleAsOpenForRegistration_OnlyInsideTheWindowInLima(bool fromFirstDay, int days, int hour, int minute, bool open)
    {
        var cycle = await DemoCycleAsync();
        var registration = Step(cycle, CalendarStep.Registration);
        app.Clock.Set(InLima((fromFirstDay ? registration.Start : registration.End).AddDays(days), hour, minute));
        using var client = app.CreateAppClient(followRedirects: false);

        var home = await client.GetPageAsync("/");

        var card = home.QuerySelector($"article[data-cycle-id='{cycle.Id}']")!;
        Assert.NotNull(card.QuerySelector($"a[href='/Public/Call/{cycle.Id}']"));
        Assert.Contains("Ver la convocatoria", card.TextContent);
        var banner = card.QuerySelector(".registration-open");
        if (open)
        {
            Assert.NotNull(banner);
            Assert.Contains("Inscripciones abiertas hasta", banner.TextContent);
            Assert.Equal([Iso(registration.End)], Dates(banner));
        }
        else
        {
            Assert.Null(banner);
            Assert.DoesNotContain("Inscripciones abiertas", card.TextContent);
        }
    }
}
