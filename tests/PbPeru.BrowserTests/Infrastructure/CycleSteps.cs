using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PbPeru.BrowserTests.Infrastructure;

/// <summary>An organization as its representative types it into the registration form.</summary>
public sealed record OrganizationForm(string Name, string Type, string RegistryNumber, string District, string Address, string LegalRepresentative);

/// <summary>An agent as its representative types it into the organization's page.</summary>
public sealed record AgentForm(string Role, string Dni, string GivenNames, string Surnames, string Sex, string BirthDate, string Phone = "984000111");

/// <summary>
/// Steps of a cycle that several journeys take the same way, through the same forms: a person's
/// clicks and keystrokes, with the check that the page answered as it should.
/// </summary>
public static class CycleSteps
{
    /// <summary>From the representative's registrations: the cycle's form, filled and sent; lands on the organization's page.</summary>
    public static async Task RegisterOrganizationAsync(this IPage page, int cycleId, OrganizationForm organization)
    {
        await page.Locator($"a[href='/Registration/Create?cycleId={cycleId}']").ClickAsync();
        await page.Locator("[name='Details.Name']").FillAsync(organization.Name);
        await page.Locator("[name='Details.Type']").SelectOptionAsync(organization.Type);
        await page.Locator("[name='Details.RegistryKind']").SelectOptionAsync("MunicipalRegistry");
        await page.Locator("[name='Details.RegistryNumber']").FillAsync(organization.RegistryNumber);
        await page.Locator("[name='Details.DistrictUbigeo']").SelectOptionAsync(organization.District);
        await page.Locator("[name='Details.Address']").FillAsync(organization.Address);
        await page.Locator("[name='Details.LegalRepresentative']").FillAsync(organization.LegalRepresentative);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar la organización" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Registration/Edit/[0-9]+"));
    }

    /// <summary>On the organization's page: one agent inscribed, and listed.</summary>
    public static async Task AddAgentAsync(this IPage page, AgentForm agent)
    {
        await page.Locator("[name='NewAgent.Role']").SelectOptionAsync(agent.Role);
        await page.Locator("[name='NewAgent.Dni']").FillAsync(agent.Dni);
        await page.Locator("[name='NewAgent.GivenNames']").FillAsync(agent.GivenNames);
        await page.Locator("[name='NewAgent.Surnames']").FillAsync(agent.Surnames);
        await page.Locator($"[name='NewAgent.Sex'][value='{agent.Sex}']").CheckAsync();
        await page.Locator("[name='NewAgent.BirthDate']").FillAsync(agent.BirthDate);
        await page.Locator("[name='NewAgent.Phone']").FillAsync(agent.Phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inscribir al agente" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"{agent.GivenNames} {agent.Surnames}");
    }

    /// <summary>On the organization's page: a small valid PDF attached as its supporting document.</summary>
    public static async Task AttachPdfAsync(this IPage page, string fileName)
    {
        await page.Locator("input[name='Upload']").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Adjuntar" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(fileName);
    }

    /// <summary>The manager closes the final vote now (with its confirmation) and computes its result.</summary>
    public static async Task CloseFinalVoteAndComputeAsync(this IPage page, int cycleId)
    {
        await page.GotoAsync($"/Cycles/Voting/{cycleId}");
        await page.Locator("#confirm-close").CheckAsync();
        await page.Locator("form.close-form").GetByRole(AriaRole.Button, new() { Name = "Cerrar ahora" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Calcular resultado" }).ClickAsync();
    }

    /// <summary>The manager closes the committee's election now and counts it; the elected members are listed.</summary>
    public static async Task CloseAndCountCommitteeAsync(this IPage page, int cycleId, int members)
    {
        await page.GotoAsync($"/Cycles/Committee/{cycleId}");
        await page.Locator("#confirm-close").CheckAsync();
        await page.Locator("form.close-form").GetByRole(AriaRole.Button, new() { Name = "Cerrar ahora" }).ClickAsync();
        await page.Locator("#confirm-count").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hacer el conteo" }).ClickAsync();
        await Assertions.Expect(page.Locator("#members li")).ToHaveCountAsync(members);
    }

    /// <summary>The manager issues the acta's first version at <paramref name="place"/>; returns the row of that version.</summary>
    public static async Task<ILocator> IssueActaAsync(this IPage page, int cycleId, string place)
    {
        await page.GotoAsync($"/Cycles/Acta/{cycleId}");
        await page.Locator("#Issue_Place").FillAsync(place);
        await page.Locator("#confirm-issue").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Emitir acta" }).ClickAsync();
        var version = page.Locator("#version-list tr.version[data-number='1']");
        await Assertions.Expect(version).ToBeVisibleAsync();
        return version;
    }

    /// <summary>On the approvals page: one decision of the chain, approved, with today's date (the latest the form takes).</summary>
    public static async Task RecordApprovalAsync(this IPage page, string agreementNumber)
    {
        await page.Locator("#Decision_Date").FillAsync(await page.Locator("#Decision_Date").GetAttributeAsync("max") ?? "");
        await page.Locator("#Decision_AgreementNumber").FillAsync(agreementNumber);
        await page.Locator("#outcome-Approved").CheckAsync();
        await page.Locator("#confirm-decision").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar la decisión" }).ClickAsync();
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync(agreementNumber);
    }

    /// <summary>From the dashboard: the gate holds (no reason listed), and the confirmed move is made.</summary>
    public static async Task AdvancePhaseAsync(this IPage page, int cycleId)
    {
        await page.GotoAsync($"/Cycles/Dashboard/{cycleId}");
        var reasons = await page.Locator(".gate-reasons").AllInnerTextsAsync();
        Assert.True(reasons.Count == 0, $"The gate does not hold: {string.Join(" | ", reasons)}");
        await page.Locator("#confirm-advance").CheckAsync();
        await page.Locator("form[action*='handler=Advance'] button[type=submit]").ClickAsync();
    }
}
