using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>An administrator resets the two-factor of a person who lost the phone and the recovery codes.</summary>
[Trait("Capability", "Trust")]
public sealed class TwoFactorResetTests(TwoFactorRequiredFactory app) : IClassFixture<TwoFactorRequiredFactory>
{
    private const string Password = "una-frase-de-prueba-larga";
    private const string ResetForm = "#reset-two-factor-form";

    [Fact]
    public async Task Administrator_ResetsAManagersTwoFactor_TheOldKeyStopsAndTheManagerMustSetItUpAgain()
    {
        var manager = await app.CreateUserAsync($"gestor-reset-{Guid.NewGuid():N}@prueba.pe", "Gestora Sin Teléfono", Password, [Roles.CycleManager], "08");
        var oldKey = await WithTwoFactorAsync(manager.Id);
        using var admin = await SignedInAdministratorAsync();

        using var reset = await admin.SubmitAsync($"/Admin/Users/Edit/{manager.Id}", ResetForm);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Se restableció la verificación en dos pasos de Gestora Sin Teléfono", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var after = (await users.FindByIdAsync(manager.Id))!;
        Assert.False(after.TwoFactorEnabled);
        Assert.NotEqual(oldKey, await users.GetAuthenticatorKeyAsync(after));
        Assert.Equal(0, await users.CountRecoveryCodesAsync(after));

        // Signing in again asks no code, and every staff page sends the manager to set it up anew.
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(manager.Email!, Password);
        using var cycles = await client.GetAsync("/Cycles");
        Assert.Equal(HttpStatusCode.Redirect, cycles.StatusCode);
        Assert.StartsWith("/Account/TwoFactor", cycles.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_OfAnAccountWithoutTwoFactor_OffersNoReset()
    {
        var agent = await app.CreateUserAsync($"agente-reset-{Guid.NewGuid():N}@prueba.pe", "Agente Sin Verificación", Password, [Roles.Agent]);
        using var admin = await SignedInAdministratorAsync();

        var page = await admin.GetPageAsync($"/Admin/Users/Edit/{agent.Id}");

        Assert.Null(page.QuerySelector(ResetForm));
    }

    /// <summary>Two-factor on, as the person would have set it up; returns the key.</summary>
    private async Task<string> WithTwoFactorAsync(string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>An administrator who has set up two-factor (as required) and signed in with a code.</summary>
    private async Task<AppClient> SignedInAdministratorAsync()
    {
        var admin = await app.CreateUserAsync($"admin-reset-{Guid.NewGuid():N}@prueba.pe", "Administradora", Password, [Roles.Administrator]);
        var key = await WithTwoFactorAsync(admin.Id);
        var client = app.CreateAppClient();
        using (await client.SubmitAsync(AppClient.LoginPath, "form[novalidate]", ("Input.Email", admin.Email!), ("Input.Password", Password)))
        {
        }

        using var second = await client.SubmitAsync("/Account/LoginWith2fa", "#login-code-form", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.DoesNotContain("/Account/", second.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        return client;
    }
}
