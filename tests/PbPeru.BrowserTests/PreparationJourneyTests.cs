using System.Text;
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

        await Page.Locator($"a[href='/Registration/Create?cycleId={DemoCycle}']").ClickAsync();
        await Page.Locator("[name='Details.Name']").FillAsync("Asociación de Mujeres Emprendedoras de Poroy");
        await Page.Locator("[name='Details.Type']").SelectOptionAsync("WomensOrganization");
        await Page.Locator("[name='Details.RegistryKind']").SelectOptionAsync("MunicipalRegistry");
        await Page.Locator("[name='Details.RegistryNumber']").FillAsync("RM-0777-2024");
        await Page.Locator("[name='Details.DistrictUbigeo']").SelectOptionAsync("080103");
        await Page.Locator("[name='Details.Address']").FillAsync("Av. Principal 45, Poroy");
        await Page.Locator("[name='Details.LegalRepresentative']").FillAsync("Carmen Yupanqui Ríos");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrar la organización" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Registration/Edit/[0-9]+"));
        await ScreenshotAsync("1-organizacion-registrada");

        await AddAgentAsync("Titular", "47125836", "Carmen", "Yupanqui Ríos", "Female", "1988-06-15");
        await AddAgentAsync("Suplente", "46239871", "Teodoro", "Quispe Huillca", "Male", "1983-10-02");
        await Page.Locator("input[name='Upload']").SetInputFilesAsync(new FilePayload
        {
            Name = "constancia.pdf",
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Adjuntar" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("constancia.pdf");
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

    private async Task AddAgentAsync(string role, string dni, string givenNames, string surnames, string sex, string birthDate)
    {
        await Page.Locator("[name='NewAgent.Role']").SelectOptionAsync(role);
        await Page.Locator("[name='NewAgent.Dni']").FillAsync(dni);
        await Page.Locator("[name='NewAgent.GivenNames']").FillAsync(givenNames);
        await Page.Locator("[name='NewAgent.Surnames']").FillAsync(surnames);
        await Page.Locator($"[name='NewAgent.Sex'][value='{sex}']").CheckAsync();
        await Page.Locator("[name='NewAgent.BirthDate']").FillAsync(birthDate);
        await Page.Locator("[name='NewAgent.Phone']").FillAsync("984000111");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inscribir al agente" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync($"{givenNames} {surnames}");
    }
}
