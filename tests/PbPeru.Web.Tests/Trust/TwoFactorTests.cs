using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>The app as deployed: two-factor authentication required for staff (the test factories turn it off).</summary>
public sealed class TwoFactorRequiredFactory : PbPeruFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(TwoFactorSetup.RequireForStaffSetting, "true");
    }
}

/// <summary>
/// TOTP two-factor authentication: administrators, cycle managers and the technical team must set it
/// up before any other page; signing in then asks for the authenticator's code or a recovery code.
/// Codes are computed here with <see cref="Totp"/> as an authenticator app would.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class TwoFactorTests(TwoFactorRequiredFactory app) : IClassFixture<TwoFactorRequiredFactory>
{
    private const string Password = "una-frase-de-prueba-larga";
    private const string Ubigeo = "08";
    private const string SetUpPath = "/Account/TwoFactor";
    private const string LoginForm = "form[novalidate]";

    [Theory]
    [InlineData(Roles.CycleManager, "/Cycles")]
    [InlineData(Roles.CycleManager, "/")]
    [InlineData(Roles.CycleManager, "/Challenges")]
    [InlineData(Roles.CycleManager, "/Notifications")]
    [InlineData(Roles.Administrator, "/Admin")]
    [InlineData(Roles.TechnicalTeam, "/Evaluation")]
    public async Task StaffPage_ForStaffWithoutTwoFactor_RedirectsToTheSetUp(string role, string path)
    {
        var email = await CreateAsync(role);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{SetUpPath}?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task StaffWithoutTwoFactor_CannotReachCyclesEvenFollowingRedirects_ButSetUpLogoutAndPublicPagesOpen()
    {
        var email = await CreateAsync(Roles.CycleManager);
        using var client = app.CreateAppClient(followRedirects: true);
        await client.LoginAsync(email, Password);

        using var cycles = await client.GetAsync("/Cycles");
        Assert.Equal(HttpStatusCode.OK, cycles.StatusCode);
        Assert.Equal(SetUpPath, cycles.RequestMessage!.RequestUri!.AbsolutePath);
        var setUp = await AppClient.ParseAsync(cycles);
        Assert.NotNull(setUp.QuerySelector("#tfa-required"));

        using var publicPage = await client.GetAsync("/Public/OpenData");
        Assert.Equal("/Public/OpenData", publicPage.RequestMessage!.RequestUri!.AbsolutePath);

        using var logout = await client.SubmitAsync(SetUpPath, "form[action='/Account/Logout']");
        Assert.Equal("/", logout.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain(client.Cookies.GetAllCookies(), c => c.Name == "pbperu.auth");
    }

    [Fact]
    public async Task SetUp_ShowsTheKeyInGroupsOfFourAndItsQrCode()
    {
        var email = await CreateAsync(Roles.CycleManager);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);

        var page = await client.GetPageAsync(SetUpPath);
        var key = page.QuerySelector("#tfa-key")!.TextContent.Trim();
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        Assert.Equal(await StoredKeyAsync(email), key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var uri = page.QuerySelector("#tfa-open-app")!.GetAttribute("href");
        Assert.Equal(
            $"otpauth://totp/PbPeru:{email}?secret={await StoredKeyAsync(email)}&issuer=PbPeru&digits=6",
            uri);

        using var qr = await client.GetAsync(page.QuerySelector("#tfa-qr")!.GetAttribute("src")!);
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await qr.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetUp_WithTheRightCode_EnablesItShowsTenRecoveryCodesOnceAndOpensTheStaffPages()
    {
        var email = await CreateAsync(Roles.CycleManager);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);

        var (_, codes) = await EnableAsync(client, returnUrl: "/Cycles");

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True((await FindUserAsync(email)).TwoFactorEnabled);
        using (var again = await client.GetAsync("/Account/RecoveryCodes"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode); // shown once: nothing to show now
        }

        using var cycles = await client.GetAsync("/Cycles");
        Assert.Equal(HttpStatusCode.OK, cycles.StatusCode);
        var manage = await client.GetPageAsync(SetUpPath);
        Assert.NotNull(manage.QuerySelector("#tfa-enabled"));
        Assert.Null(manage.QuerySelector("#tfa-key"));
        using var qr = await client.GetAsync($"{SetUpPath}?handler=Qr");
        Assert.Equal(HttpStatusCode.NotFound, qr.StatusCode); // the key is not shown again once enabled
    }

    [Fact]
    public async Task SetUp_WithAWrongCode_IsRefusedAndStaffPagesStayClosed()
    {
        var email = await CreateAsync(Roles.CycleManager);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        var page = await client.GetPageAsync(SetUpPath);
        var key = page.QuerySelector("#tfa-key")!.TextContent;

        using var response = await client.SubmitAsync(page, "#tfa-enable-form", ("Code", Totp.WrongCode(key, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await AppClient.ParseAsync(response);
        Assert.StartsWith("El código no es correcto.", answer.QuerySelector("#code-error")?.TextContent.Trim());
        Assert.False((await FindUserAsync(email)).TwoFactorEnabled);
        using var cycles = await client.GetAsync("/Cycles");
        Assert.Equal(HttpStatusCode.Redirect, cycles.StatusCode);
        Assert.StartsWith(SetUpPath, cycles.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WithTwoFactor_AsksForTheCodeAndTheRightCodeSignsInToTheReturnUrl()
    {
        var email = await CreateAsync(Roles.CycleManager);
        var key = await EnableForAsync(email);
        using var client = app.CreateAppClient(followRedirects: false);

        using var login = await client.SubmitAsync($"{AppClient.LoginPath}?ReturnUrl=%2FCycles", LoginForm, ("Input.Email", email), ("Input.Password", Password));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var step = login.Headers.Location!.OriginalString;
        Assert.Equal("/Account/LoginWith2fa?returnUrl=%2FCycles", step);
        Assert.DoesNotContain(client.Cookies.GetAllCookies(), c => c.Name == "pbperu.auth");
        using (var notYet = await client.GetAsync("/Cycles"))
        {
            Assert.Contains(AppClient.LoginPath + "?", notYet.Headers.Location?.OriginalString);
        }

        using var code = await client.SubmitAsync(step, "#login-code-form", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/Cycles", code.Headers.Location?.OriginalString);
        using var cycles = await client.GetAsync("/Cycles");
        Assert.Equal(HttpStatusCode.OK, cycles.StatusCode);
    }

    [Fact]
    public async Task Login_WithAnExternalReturnUrl_GoesHomeAfterTheCode()
    {
        var email = await CreateAsync(Roles.TechnicalTeam);
        var key = await EnableForAsync(email);
        using var client = app.CreateAppClient(followRedirects: false);

        using var login = await client.SubmitAsync(
            $"{AppClient.LoginPath}?ReturnUrl={Uri.EscapeDataString("https://malo.example/robo")}", LoginForm, ("Input.Email", email), ("Input.Password", Password));
        Assert.Equal("/Account/LoginWith2fa", login.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync("/Account/LoginWith2fa?returnUrl=" + Uri.EscapeDataString("https://malo.example/robo"));
        using var code = await client.SubmitAsync(page, "#login-code-form", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));

        Assert.Equal("/", code.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WithAWrongCode_DoesNotSignInAndCountsAsAFailedAttempt()
    {
        var email = await CreateAsync(Roles.CycleManager);
        var key = await EnableForAsync(email);
        using var client = app.CreateAppClient(followRedirects: false);
        using var login = await client.SubmitAsync(AppClient.LoginPath, LoginForm, ("Input.Email", email), ("Input.Password", Password));
        Assert.Equal(0, (await FindUserAsync(email)).AccessFailedCount);

        using var wrong = await client.SubmitAsync(login.Headers.Location!.OriginalString, "#login-code-form", ("Code", Totp.WrongCode(key, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var page = await AppClient.ParseAsync(wrong);
        Assert.StartsWith("El código no es correcto.", page.QuerySelector(".validation-summary-errors")?.TextContent.Trim());
        Assert.DoesNotContain(client.Cookies.GetAllCookies(), c => c.Name == "pbperu.auth");
        Assert.Equal(1, (await FindUserAsync(email)).AccessFailedCount);
    }

    [Fact]
    public async Task Login_AfterFiveWrongCodes_LocksTheAccountEvenForTheRightCode()
    {
        var email = await CreateAsync(Roles.Administrator);
        var key = await EnableForAsync(email);
        using var client = app.CreateAppClient(followRedirects: false);
        using var login = await client.SubmitAsync(AppClient.LoginPath, LoginForm, ("Input.Email", email), ("Input.Password", Password));
        var step = login.Headers.Location!.OriginalString;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.SubmitAsync(step, "#login-code-form", ("Code", Totp.WrongCode(key, DateTimeOffset.UtcNow)));
        }

        using var right = await client.SubmitAsync(step, "#login-code-form", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("La cuenta está bloqueada", (await AppClient.ParseAsync(right)).QuerySelector(".validation-summary-errors")?.TextContent);
        Assert.DoesNotContain(client.Cookies.GetAllCookies(), c => c.Name == "pbperu.auth");
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnceOnly()
    {
        var email = await CreateAsync(Roles.CycleManager);
        using var setUp = app.CreateAppClient(followRedirects: false);
        await setUp.LoginAsync(email, Password);
        var (_, codes) = await EnableAsync(setUp, returnUrl: null);

        using (var first = app.CreateAppClient(followRedirects: false))
        {
            using var response = await SignInWithRecoveryCodeAsync(first, email, codes[3].ToLowerInvariant());
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            using var cycles = await first.GetAsync("/Cycles");
            Assert.Equal(HttpStatusCode.OK, cycles.StatusCode);
            var manage = await first.GetPageAsync(SetUpPath);
            Assert.Contains("9", manage.QuerySelector("#tfa-codes-left")!.TextContent);
        }

        using var second = app.CreateAppClient(followRedirects: false);
        using var again = await SignInWithRecoveryCodeAsync(second, email, codes[3]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(
            "El código de recuperación no es correcto o ya fue usado.",
            (await AppClient.ParseAsync(again)).QuerySelector(".validation-summary-errors")?.TextContent.Trim());
        Assert.DoesNotContain(second.Cookies.GetAllCookies(), c => c.Name == "pbperu.auth");
    }

    [Fact]
    public async Task Regenerate_WithConfirmation_ReplacesTheRecoveryCodesAndWithoutItChangesNothing()
    {
        var email = await CreateAsync(Roles.CycleManager);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        var (_, oldCodes) = await EnableAsync(client, returnUrl: null);

        using (var unconfirmed = await client.SubmitAsync(SetUpPath, "#tfa-regenerate-form"))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
            Assert.NotEmpty((await AppClient.ParseAsync(unconfirmed)).QuerySelector("#confirm-error")!.TextContent.Trim());
        }

        using var confirmed = await client.SubmitAsync(SetUpPath, "#tfa-regenerate-form", ("Confirmed", "true"));
        var newCodes = await RecoveryCodesAsync(client, confirmed);

        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        using var other = app.CreateAppClient(followRedirects: false);
        using var old = await SignInWithRecoveryCodeAsync(other, email, oldCodes[0]);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // refused: the page again
    }

    [Fact]
    public async Task Agent_WithoutTwoFactor_IsNotSentToTheSetUp()
    {
        var email = await CreateAsync(Roles.Agent);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);

        using var agent = await client.GetAsync("/Agent");
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, agent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Disable_ForARoleThatRequiresIt_IsRefused()
    {
        var email = await CreateAsync(Roles.CycleManager);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        await EnableAsync(client, returnUrl: null);
        var manage = await client.GetPageAsync(SetUpPath);
        Assert.Null(manage.QuerySelector("#tfa-disable-form"));
        Assert.NotNull(manage.QuerySelector("#tfa-cannot-disable"));

        using var forced = await client.PostWithTokenAsync(SetUpPath, $"{SetUpPath}?handler=Disable", ("Confirmed", "true"));

        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("no puede desactivarla", (await AppClient.ParseAsync(forced)).QuerySelector(".validation-summary-errors")?.TextContent);
        Assert.True((await FindUserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Disable_ForAnAgentWhoChoseIt_TurnsItOffAndSignInNeedsOnlyThePassword()
    {
        var email = await CreateAsync(Roles.Agent);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        await EnableAsync(client, returnUrl: null);

        using var disabled = await client.SubmitAsync(SetUpPath, "#tfa-disable-form", ("Confirmed", "true"));

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False((await FindUserAsync(email)).TwoFactorEnabled);
        using var again = app.CreateAppClient(followRedirects: false);
        await again.LoginAsync(email, Password);
    }

    [Fact]
    public async Task Register_WithTheEmailAndPasswordOfATwoFactorAccount_DoesNotSignIn()
    {
        var email = await CreateAsync(Roles.CycleManager);
        await EnableForAsync(email);
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.SubmitAsync(
            "/Account/Register", "#register-form", ("Input.Email", email), ("Input.FullName", "Otra Persona"), ("Input.Password", Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(client.Cookies.GetAllCookies(), c => c.Name == "pbperu.auth");
    }

    private async Task<string> CreateAsync(string role)
    {
        var email = $"tfa-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Persona de Prueba", Password, [role], Roles.ScopedToJurisdiction.Contains(role) ? Ubigeo : null);
        return email;
    }

    /// <summary>Sets up two-factor through the page as the person would: reads the key, types the code.</summary>
    private static async Task<(string Key, IReadOnlyList<string> Codes)> EnableAsync(AppClient client, string? returnUrl)
    {
        var page = await client.GetPageAsync(returnUrl is null ? SetUpPath : $"{SetUpPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var key = page.QuerySelector("#tfa-key")!.TextContent;
        using var response = await client.SubmitAsync(page, "#tfa-enable-form", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/RecoveryCodes", response.Headers.Location?.OriginalString);
        var codesPage = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(returnUrl ?? "/", codesPage.QuerySelector("#recovery-continue")?.GetAttribute("href"));
        return (key, Codes(codesPage));
    }

    /// <summary>Signs in once on a client of its own and enables two-factor; returns the key.</summary>
    private async Task<string> EnableForAsync(string email)
    {
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return (await EnableAsync(client, returnUrl: null)).Key;
    }

    private static async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(AppClient client, string email, string code)
    {
        using var login = await client.SubmitAsync(AppClient.LoginPath, LoginForm, ("Input.Email", email), ("Input.Password", Password));
        Assert.StartsWith("/Account/LoginWith2fa", login.Headers.Location?.OriginalString);
        return await client.SubmitAsync("/Account/LoginWithRecoveryCode", "#login-recovery-form", ("RecoveryCode", code));
    }

    private static async Task<IReadOnlyList<string>> RecoveryCodesAsync(AppClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return Codes(await client.GetPageAsync(redirect.Headers.Location!.OriginalString));
    }

    private static List<string> Codes(IDocument page) =>
        [.. page.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim())];

    private async Task<AppUser> FindUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
    }

    private async Task<string> StoredKeyAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetAuthenticatorKeyAsync(await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email)) ?? "";
    }
}
