using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PbPeru.BrowserTests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PbPeru.BrowserTests.Trust;

/// <summary>The whole vote, from signing in to the receipt, with the keyboard alone: no click, no mouse.</summary>
[Trait("Capability", "Trust")]
public sealed partial class KeyboardVotingTests(BrowserAppFixture app, ITestOutputHelper output)
    : BrowserTest(app, output), IClassFixture<BrowserAppFixture>
{
    /// <summary>More Tab presses than any page of the vote needs to reach its next control.</summary>
    private const int MaxTabs = 80;

    [Fact]
    public async Task Agent_SignsInChoosesReviewsAndCastsAKnapsackBallot_WithTheKeyboardAlone()
    {
        // Sign in: Tab to each field, type, Enter.
        await Page.GotoAsync("/Account/Login");
        await TabToAsync("[name='Input.Email']");
        await Page.Keyboard.TypeAsync(DemoAccounts.Agent);
        await TabToAsync("[name='Input.Password']");
        await Page.Keyboard.TypeAsync(BrowserAppFixture.DemoPassword);
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page).Not.ToHaveURLAsync(new Regex("/Account/Login", RegexOptions.IgnoreCase), new() { Timeout = 60_000 });

        // From the agent's votes, Tab to the open regional vote's link and follow it with Enter.
        await Page.GotoAsync("/Voting");
        await TabToAsync("li.vote-row:has-text('Presupuesto Participativo 2025 del Gobierno Regional del Cusco') a:text-is('Votar')");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page).ToHaveURLAsync(BallotUrl());

        // Two projects marked with the space bar; the running total follows.
        var boxes = Page.Locator("form.ballot-form input[name='Picked']");
        var first = await boxes.Nth(0).GetAttributeAsync("id");
        var second = await boxes.Nth(1).GetAttributeAsync("id");
        await TabToAsync($"#{first}");
        await Page.Keyboard.PressAsync("Space");
        await TabToAsync($"#{second}");
        await Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(boxes.Nth(0)).ToBeCheckedAsync();
        await Assertions.Expect(boxes.Nth(1)).ToBeCheckedAsync();
        await Assertions.Expect(Page.Locator("[data-tally]")).ToContainTextAsync("12,000,000.00");
        await ScreenshotAsync("1-cedula-con-teclado");

        // The review step and the cast, each by Enter on its button.
        await TabToAsync("button:text-is('Revisar mi voto')");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("#review-title")).ToBeVisibleAsync();
        await ScreenshotAsync("2-revision-con-teclado");
        await TabToAsync("button:text-is('Confirmar y emitir mi voto')");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("#receipt-title")).ToHaveTextAsync("Su voto fue emitido");
        Assert.Matches(ReceiptPattern(), (await Page.Locator("#receipt-code").InnerTextAsync()).Trim());
        await ScreenshotAsync("3-recibo-con-teclado");
    }

    /// <summary>Presses Tab until the focused element is the one <paramref name="selector"/> names; fails if it never is.</summary>
    private async Task TabToAsync(string selector)
    {
        var target = Page.Locator(selector).First;
        await Assertions.Expect(target).ToBeVisibleAsync();
        for (var presses = 0; presses < MaxTabs; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{MaxTabs} presses of Tab never reached {selector} on {Page.Url}.");
    }

    [GeneratedRegex("/Voting/Ballot/([0-9]+)$")]
    private static partial Regex BallotUrl();

    [GeneratedRegex("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")]
    private static partial Regex ReceiptPattern();
}
