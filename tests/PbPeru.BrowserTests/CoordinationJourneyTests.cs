using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests;

[Trait("Capability", "Coordination")]
public sealed class CoordinationJourneyTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task RegionalManager_AgreesACofinancingWithSanJeronimo_AndBothListsShowIt()
    {
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();

        // The regional manager opens the region's 2026 cycle and its coordination board.
        await LoginAsync(DemoAccounts.CycleManager);
        await Page.GotoAsync("/Cycles");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Presupuesto Participativo 2026 del Gobierno Regional del Cusco" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Coordinación", Exact = true }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/Cycles/Coordination/[0-9]+$"));
        await Assertions.Expect(Page.Locator(".coordination-list")).ToHaveCountAsync(4);
        await Assertions.Expect(Page.Locator("#overlaps tr.unresolved")).ToHaveCountAsync(2);
        await ScreenshotAsync("1-tablero");

        // A meeting with the region and San Jerónimo.
        await Page.Locator("#Meeting_Place").FillAsync("Sede del Gobierno Regional del Cusco");
        await Page.Locator("#Meeting_Attendees_0__Name").FillAsync("Ana María Quispe Huamán");
        await Page.Locator("#Meeting_Attendees_0__Office").FillAsync("Gerente Regional de Planeamiento");
        await Page.Locator("#Meeting_Attendees_0__Government").SelectOptionAsync("08");
        await Page.Locator("#Meeting_Attendees_1__Name").FillAsync("Luis Ccahuana Mamani");
        await Page.Locator("#Meeting_Attendees_1__Office").FillAsync("Alcalde distrital");
        await Page.Locator("#Meeting_Attendees_1__Government").SelectOptionAsync("080104");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrar reunión" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".meetings")).ToContainTextAsync("Luis Ccahuana Mamani");
        await ScreenshotAsync("2-reunion");

        // The region pays S/ 100,000.00 of San Jerónimo's water project; San Jerónimo the rest.
        var project = Page.Locator("#Cofinancing_Project option", new() { HasTextString = "Picol Orccompucyo" });
        await Page.Locator("#Cofinancing_Project").SelectOptionAsync(await project.GetAttributeAsync("value") ?? "");
        var regionShare = Page.Locator(".cofinancing-form .input-group", new() { HasTextString = "Gobierno Regional de Cusco" }).Locator("input");
        var districtShare = Page.Locator(".cofinancing-form .input-group", new() { HasTextString = "San Jerónimo" }).Locator("input");
        await regionShare.FillAsync("100000");
        await districtShare.FillAsync("300000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrar cofinanciamiento" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".cofinancing-form .form-errors")).ToContainTextAsync("deben sumar exactamente el costo del proyecto, S/ 420,000.00");
        await ScreenshotAsync("3-partes-que-no-suman");

        await districtShare.FillAsync("320000");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrar cofinanciamiento" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#ledger")).ToContainTextAsync("Cofinanciamiento");

        // Both lists show it: the district's project with its shares, the region paying into it.
        await Assertions.Expect(Page.Locator("#list-080104 .shares")).ToContainTextAsync("Gobierno Regional de Cusco S/ 100,000.00");
        await Assertions.Expect(Page.Locator("#list-080104 .committed")).ToHaveTextAsync("S/ 670,000.00");
        await Assertions.Expect(Page.Locator("#list-08 .paid-elsewhere")).ToContainTextAsync("Ampliación de agua potable en Picol Orccompucyo");
        await Assertions.Expect(Page.Locator("#list-08 .paid-elsewhere")).ToContainTextAsync("S/ 100,000.00");
        await Assertions.Expect(Page.Locator("#list-08 .committed")).ToHaveTextAsync("S/ 14,700,000.00");
        await ScreenshotAsync("4-cofinanciamiento-en-ambas-listas");

        // The public page shows the same.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Página pública" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#result-080104")).ToContainTextAsync("Gobierno Regional de Cusco S/ 100,000.00");
        await Assertions.Expect(Page.Locator("#result-08 .paid-elsewhere")).ToContainTextAsync("Aporta S/ 100,000.00");
        await ScreenshotAsync("5-pagina-publica");
    }
}
