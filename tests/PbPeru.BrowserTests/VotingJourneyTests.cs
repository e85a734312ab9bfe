using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests;

[Trait("Capability", "Voting")]
public sealed partial class VotingJourneyTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Agent_CastsAKnapsackBallotOnAPhone_GetsAReceipt_ChangesIt_AndTheManagerClosesAndSeesTheResult()
    {
        // The demo agent, on a phone, opens the demo's 2025 regional vote from its votes.
        await Page.SetViewportSizeAsync(390, 844);
        await LoginAsync(DemoAccounts.Agent);
        await Page.GotoAsync("/Voting");
        var row = Page.Locator("li.vote-row", new() { HasTextString = "Presupuesto Participativo 2025 del Gobierno Regional del Cusco" });
        await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync("Abierta");
        await row.GetByRole(AriaRole.Link, new() { Name = "Votar", Exact = true }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(VoteUrl());
        var cycleId = VoteUrl().Match(Page.Url).Groups[1].Value;

        // Two projects: the running total follows each mark against the budget.
        var boxes = Page.Locator("form.ballot-form input[name='Picked']");
        Assert.True(await boxes.CountAsync() >= 3);
        await Page.Locator("form.ballot-form label.ballot-item-label").Nth(0).ClickAsync();
        await Page.Locator("form.ballot-form label.ballot-item-label").Nth(1).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-tally]")).ToContainTextAsync("S/");
        await Assertions.Expect(Page.Locator("[data-tally]")).ToContainTextAsync("12,000,000.00");
        await ScreenshotAsync("1-cedula-con-total");

        // The review step, then the receipt.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revisar mi voto" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#review-title")).ToBeVisibleAsync();
        await ScreenshotAsync("2-revision");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirmar y emitir mi voto" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#receipt-title")).ToHaveTextAsync("Su voto fue emitido");
        var first = (await Page.Locator("#receipt-code").InnerTextAsync()).Trim();
        Assert.Matches(ReceiptPattern(), first);
        await ScreenshotAsync("3-recibo");

        // The agent changes its mind: the ballot shows its marks; one project out, another in.
        await Page.GotoAsync($"/Voting/Ballot/{cycleId}");
        await Assertions.Expect(boxes.Nth(0)).ToBeCheckedAsync();
        await Page.Locator("form.ballot-form label.ballot-item-label").Nth(0).ClickAsync();
        await Page.Locator("form.ballot-form label.ballot-item-label").Nth(2).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Revisar mi voto" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirmar y emitir mi voto" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#receipt-title")).ToHaveTextAsync("Su voto fue cambiado");
        var second = (await Page.Locator("#receipt-code").InnerTextAsync()).Trim();
        Assert.Matches(ReceiptPattern(), second);
        Assert.NotEqual(first, second);
        await ScreenshotAsync("4-voto-cambiado");

        // The manager closes the vote (with its confirmation) and computes the result.
        await Context.ClearCookiesAsync();
        await Page.SetViewportSizeAsync(1280, 800);
        await LoginAsync(DemoAccounts.CycleManager);
        await Page.GotoAsync($"/Cycles/Voting/{cycleId}");
        await Page.Locator("#confirm-close").CheckAsync();
        await Page.Locator("form.close-form").GetByRole(AriaRole.Button, new() { Name = "Cerrar ahora" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Calcular resultado" })).ToBeVisibleAsync();
        await ScreenshotAsync("5-votacion-cerrada");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Calcular resultado" }).ClickAsync();
        await Page.GotoAsync($"/Cycles/Voting/Result/{cycleId}");
        await Assertions.Expect(Page.Locator("#approved tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#result-budget")).ToHaveTextAsync("S/ 12,000,000.00");
        await ScreenshotAsync("6-resultado");
    }

    [GeneratedRegex("/Voting/Ballot/([0-9]+)$")]
    private static partial Regex VoteUrl();

    [GeneratedRegex("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")]
    private static partial Regex ReceiptPattern();
}
