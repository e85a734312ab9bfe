using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// A password is at least 12 characters and not one of the most used ones, nor the person's own
/// email name; there are no composition rules, so a long phrase of plain words is fine.
/// </summary>
[Trait("Capability", "Trust")]
public sealed class PasswordPolicyTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Password = "una-frase-de-prueba-larga";
    private const string CommonMessage = "Esa contraseña es de las más usadas y fácil de adivinar. Elija otra, por ejemplo una frase de varias palabras.";
    private const string EmailMessage = "La contraseña no puede contener su correo electrónico. Elija otra, por ejemplo una frase de varias palabras.";

    [Theory]
    [InlineData("qwerty123456")]
    [InlineData("QWERTY123456")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("contraseña123456")]
    public async Task Register_WithACommonPassword_IsRefusedBesideThePasswordField(string common)
    {
        var email = $"comun-{Guid.NewGuid():N}@prueba.pe";

        using var response = await RegisterAsync(email, common);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CommonMessage, await PasswordMessageAsync(response, "Input.Password"));
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Register_WithThePasswordContainingTheEmailName_IsRefused()
    {
        var name = $"rosa.quispe{Guid.NewGuid():N}"[..20];

        using var response = await RegisterAsync($"{name}@prueba.pe", $"{name.ToUpperInvariant()}-2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EmailMessage, await PasswordMessageAsync(response, "Input.Password"));
        Assert.Null(await FindAsync($"{name}@prueba.pe"));
    }

    [Fact]
    public async Task Register_WithALongPlainPhrase_IsAccepted()
    {
        var email = $"frase-{Guid.NewGuid():N}@prueba.pe";

        using var response = await RegisterAsync(email, "el río rímac baja turbio en marzo");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await FindAsync(email));
    }

    [Fact]
    public async Task PasswordChange_ToACommonPassword_IsRefused_AndAGoodPhraseIsAccepted()
    {
        var email = $"cambio-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Persona Cambio", Password, [Roles.Agent]);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);

        using (var refused = await ChangeAsync(client, "qwertyuiop123"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(CommonMessage, await PasswordMessageAsync(refused, "Input.NewPassword"));
        }

        using (var accepted = await ChangeAsync(client, "el río rímac baja turbio en marzo"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var again = app.CreateAppClient(followRedirects: false);
        await again.LoginAsync(email, "el río rímac baja turbio en marzo");
    }

    [Fact]
    public async Task PasswordChange_ToAShortOne_SaysTheMinimumLength()
    {
        var email = $"corta-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Persona Corta", Password, [Roles.Agent]);
        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);

        using var refused = await ChangeAsync(client, "corta-11car");

        Assert.Equal("La contraseña debe tener al menos 12 caracteres.", await PasswordMessageAsync(refused, "Input.NewPassword"));
    }

    private Task<HttpResponseMessage> RegisterAsync(string email, string password)
    {
        var client = app.CreateAppClient(followRedirects: false);
        return client.SubmitAsync(
            "/Account/Register", "#register-form", ("Input.Email", email), ("Input.FullName", "Persona Nueva"), ("Input.Password", password));
    }

    private static Task<HttpResponseMessage> ChangeAsync(AppClient client, string password) =>
        client.SubmitAsync(
            "/Account/Password", "#password-form",
            ("Input.CurrentPassword", Password), ("Input.NewPassword", password), ("Input.ConfirmPassword", password));

    private static async Task<string?> PasswordMessageAsync(HttpResponseMessage response, string field) =>
        (await AppClient.ParseAsync(response)).QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();

    private async Task<AppUser?> FindAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }
}
