using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests;

[Trait("Capability", "Preparation")]
public sealed class PreparationJourneyTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    private const int DemoCycle = 1;

    [Fact]
    public async Task Representative_RegistersWithTwoAgents_ManagerAccepts_FinalListShowsThemPublicly()
    {
        // Confirmations (send for review, publish) are answered yes, as a person would.
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();

        // A representative creates its own account and registers its organization.
        var email = $"rep-{Guid.NewGuid():N}@prueba.pe";
        await Page.GotoAsync("/Account/Register");
        await Page.Locator("[name='Input.Email']").FillAsync(email);
        await Page.Locator("[name='Input.FullName']").FillAsync("Carmen Yupanqui Ríos");
        await Page.Locator("[name='Input.Password']").FillAsync("una frase de paso bastante larga");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Crear la cuenta" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Registration$"));

        await Page.RegisterOrganizationAsync(DemoCycle, new OrganizationForm(
            "Asociación de Mujeres Emprendedoras de Poroy", "WomensOrganization", "RM-0777-2024", "080103", "Av. Principal 45, Poroy", "Carmen Yupanqui Ríos"));
        await ScreenshotAsync("1-organizacion-registrada");

        await Page.AddAgentAsync(new AgentForm("Titular", "47125836", "Carmen", "Yupanqui Ríos", "Female", "1988-06-15"));
        await Page.AddAgentAsync(new AgentForm("Suplente", "46239871", "Teodoro", "Quispe Huillca", "Male", "1983-10-02"));
        await Page.AttachPdfAsync("constancia.pdf");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enviar a revisión" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Enviada");
        await ScreenshotAsync("2-enviada");

        // The cycle manager accepts it, and the registration still waiting in the demo.
        await Page.Context.ClearCookiesAsync();
        await LoginAsync(DemoAccounts.CycleManager);
        foreach (var name in new[] { "Asociación de Mujeres Emprendedoras de Poroy", "Asociación de Productores de Café de La Convención" })
        {
            await Page.GotoAsync($"/Cycles/Registrations/{DemoCycle}");
            await Page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Aceptar inscripción" }).ClickAsync();
            await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Aceptada");
        }

        await ScreenshotAsync("3-aceptada");

        // Preliminary list; the challenge window passes with no challenge (the demo's ends 23 days
        // after its first day); then the final list. The sign-in does not outlive the jump.
        await Page.GotoAsync($"/Cycles/Accreditation/{DemoCycle}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicar la lista preliminar" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Lista preliminar publicada");
        App.Factory.Clock.Advance(TimeSpan.FromDays(24));
        await Page.Context.ClearCookiesAsync();
        await LoginAsync(DemoAccounts.CycleManager);
        await Page.GotoAsync($"/Cycles/Accreditation/{DemoCycle}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicar la lista final" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Publicar la lista final" })).ToHaveCountAsync(0);
        await ScreenshotAsync("4-lista-final");

        // Anyone, signed out, sees them on the final list, with no DNI.
        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync($"/Public/Agents/{DemoCycle}");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Lista final");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Carmen Yupanqui Ríos");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Teodoro Quispe Huillca");
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync("47125836");
        await ScreenshotAsync("5-lista-publica");
    }
}
