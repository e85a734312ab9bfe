using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Concertation;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests;

[Trait("Capability", "Concertation")]
public sealed class ConcertationJourneyTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Representative_SubmitsAProposal_EvaluatorScoresIt_PublishedReportRanksIt()
    {
        // Confirmations (submit, publish) are answered yes, as a person would.
        Page.Dialog += (_, dialog) => dialog.AcceptAsync();

        // A provincial cycle in Concertation (Anta, Cusco) with one accepted organization; its
        // manager and one evaluator of the province. Every step happens on one day of the
        // proposal window.
        App.Factory.Clock.SetLimaDay(ProposalTestData.SubmissionDay);
        var data = await ProposalTestData.NewCycleAsync(App.Factory, "0803");
        var managerEmail = $"gestora-{Guid.NewGuid():N}@prueba.pe";
        await App.Factory.CreateUserAsync(managerEmail, "Marta Gestora Quispe", ProposalTestData.Password, [Roles.CycleManager], data.Ubigeo);
        var evaluatorEmail = $"tecnico-{Guid.NewGuid():N}@prueba.pe";
        await App.Factory.CreateUserAsync(evaluatorEmail, "Tomás Técnico Ccori", ProposalTestData.Password, [Roles.TechnicalTeam], data.Ubigeo);
        const string Title = "Riego tecnificado para la comunidad de Compone";

        // The representative writes the ficha and submits it.
        await LoginAsync(data.Organization.RepresentativeEmail, ProposalTestData.Password);
        await Page.GotoAsync($"/Proposals/Create?cycleId={data.CycleId}");
        await Page.Locator("[name='Input.Title']").FillAsync(Title);
        await Page.Locator("[name='Input.Description']").FillAsync("Instalación de riego por aspersión para 40 hectáreas de cultivos andinos.");
        await Page.Locator("[name='Input.ThemeId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.Locator("[name='Input.Districts']").SelectOptionAsync(data.FirstDistrict);
        await Page.Locator("[name='Input.EstimatedCost']").FillAsync("180000");
        await Page.Locator("[name='Input.Beneficiaries']").FillAsync("1200");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Guardar borrador" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Proposals/Edit/[0-9]+"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Presentar propuesta" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Presentar propuesta" })).ToHaveCountAsync(0);
        await ScreenshotAsync("1-propuesta-presentada");

        // The manager assigns it to the evaluator.
        await Page.Context.ClearCookiesAsync();
        await LoginAsync(managerEmail, ProposalTestData.Password);
        await Page.GotoAsync($"/Cycles/Evaluation/{data.CycleId}");
        var row = Page.Locator("tr", new() { HasText = Title });
        await row.GetByRole(AriaRole.Button, new() { Name = "Asignar" }).ClickAsync();
        await Assertions.Expect(Page.Locator("tr", new() { HasText = Title })).ToContainTextAsync("Tomás Técnico Ccori");
        await ScreenshotAsync("2-asignada");

        // The evaluator finds it in the queue and scores every criterion with the descriptors in view.
        await Page.Context.ClearCookiesAsync();
        await LoginAsync(evaluatorEmail, ProposalTestData.Password);
        await Page.GotoAsync("/Evaluation");
        await Page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Page.Locator("#eligible-yes").CheckAsync();
        await Page.Locator("#viability-Viable").CheckAsync();
        await Page.Locator("#reason").FillAsync("Atiende una brecha de riego; el costo es razonable.");
        foreach (var criterion in data.CriterionIds)
        {
            await Page.Locator($"#score-{criterion}-2").CheckAsync();
        }

        await ScreenshotAsync("3-ficha-de-evaluacion");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Registrar evaluación" }).ClickAsync();
        await Assertions.Expect(Page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Evaluation/Sheet/"));

        // The manager publishes the technical report.
        await Page.Context.ClearCookiesAsync();
        await LoginAsync(managerEmail, ProposalTestData.Password);
        await Page.GotoAsync($"/Cycles/Evaluation/{data.CycleId}/Report");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Publicar el informe técnico" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Publicar el informe técnico" })).ToHaveCountAsync(0);
        await ScreenshotAsync("4-informe-publicado");

        // Anyone, signed out, sees it ranked first and recommended.
        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync($"/Public/Report/{data.CycleId}");
        var ranked = Page.Locator("tbody tr").First;
        await Assertions.Expect(ranked).ToContainTextAsync(Title);
        await Assertions.Expect(ranked).ToContainTextAsync("1");
        await Assertions.Expect(ranked).ToContainTextAsync("66.67");
        await ScreenshotAsync("5-informe-publico");
    }
}
