using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests;

[Trait("Capability", "Foundation")]
public sealed class CycleManagerJourneyTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task DemoManager_CreatesACycle_AndSeesItOnItsDashboard()
    {
        await LoginAsync(DemoAccounts.CycleManager);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mis ciclos" }).First.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Mis ciclos" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Presupuesto Participativo 2027 del Gobierno Regional del Cusco" })).ToBeVisibleAsync();
        await ScreenshotAsync("1-mis-ciclos");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Nuevo ciclo" }).ClickAsync();

        // The demo manager works for the region and for its capital province: it picks the region.
        await Page.GetByLabel("Jurisdicción").SelectOptionAsync("08");
        await Page.GetByLabel("Año fiscal").FillAsync("2028");
        await Page.GetByLabel("Nombre del ciclo").FillAsync("Presupuesto Participativo 2028 del Cusco");

        // A mistake first: a zero ceiling is refused beside its field, and nothing is lost.
        await Page.GetByLabel("Techo presupuestal (S/)").FillAsync("0");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Crear ciclo" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-valmsg-for='Input.Ceiling']")).ToContainTextAsync("mayor que cero");
        await Assertions.Expect(Page.GetByLabel("Nombre del ciclo")).ToHaveValueAsync("Presupuesto Participativo 2028 del Cusco");
        await ScreenshotAsync("2-techo-invalido");

        await Page.GetByLabel("Techo presupuestal (S/)").FillAsync("14,000,000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Crear ciclo" }).ClickAsync();

        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Cycles/Dashboard/[0-9]+$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Presupuesto Participativo 2028 del Cusco", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("S/ 14,000,000.00");
        await Assertions.Expect(Page.Locator(".phase-steps li.current")).ToHaveTextAsync("En configuración");
        await Assertions.Expect(Page.Locator(".gate-reasons")).ToContainTextAsync("Falta fijar las fechas de la fase de Preparación.");
        await ScreenshotAsync("3-tablero");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Mis ciclos" }).First.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Presupuesto Participativo 2028 del Cusco" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DemoCycle_Dashboard_ShowsPhaseCalendarAndHistory_AndSwitchesToEnglish()
    {
        await LoginAsync(DemoAccounts.CycleManager);
        await Page.GotoAsync("/Cycles");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Presupuesto Participativo 2027 del Gobierno Regional del Cusco" }).ClickAsync();

        await Assertions.Expect(Page.Locator(".phase-steps li.current")).ToHaveTextAsync("Preparación");
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Calendario del ciclo" })).ToContainTextAsync("Convocatoria");
        await Assertions.Expect(Page.Locator("section[aria-labelledby='history-heading'] table")).ToContainTextAsync("Gabriel Gestor Quispe");
        await ScreenshotAsync("1-tablero-demo");

        await Page.SelectOptionAsync("#culture-select", "en");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Phases of the cycle" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await ScreenshotAsync("2-english");
    }

    [Fact]
    public async Task Dashboard_OnAPhone_KeepsTheNavigationReachable()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await LoginAsync(DemoAccounts.CycleManager);
        await Page.GotoAsync("/Cycles");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Mostrar el menú" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Mis ciclos" }).First).ToBeVisibleAsync();
        await ScreenshotAsync("1-menu-movil");
    }
}
