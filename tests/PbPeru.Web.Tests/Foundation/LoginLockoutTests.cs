using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Foundation;

[Trait("Capability", "Foundation")]
public sealed class LoginLockoutTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Password = "una-frase-de-prueba-larga";
    private const string LoginForm = "form[novalidate]";
    private const string LockedOutMessage = "La cuenta está bloqueada por demasiados intentos fallidos. Inténtelo de nuevo en 15 minutos.";
    private const string WrongCredentialsMessage = "El correo o la contraseña no son correctos.";

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_RefusesEvenTheRightPasswordAndLocksTheAccount()
    {
        var email = await CreatePersonAsync();
        using var client = app.CreateAppClient(followRedirects: false);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SubmitAsync(AppClient.LoginPath, LoginForm, ("Input.Email", email), ("Input.Password", $"contraseña-equivocada-{attempt}"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var response = await client.SubmitAsync(AppClient.LoginPath, LoginForm, ("Input.Email", email), ("Input.Password", Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LockedOutMessage, await SummaryAsync(response));
        Assert.DoesNotContain(client.Cookies.GetAllCookies(), c => c.Name == "pbperu.auth");
        var user = await FindUserAsync(email);
        Assert.NotNull(user.LockoutEnd);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow, $"LockoutEnd {user.LockoutEnd} is not in the future.");
    }

    [Fact]
    public async Task Login_WithAWrongPassword_SaysTheEmailOrPasswordIsWrong()
    {
        var email = await CreatePersonAsync();
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.SubmitAsync(AppClient.LoginPath, LoginForm, ("Input.Email", email), ("Input.Password", "contraseña-equivocada"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WrongCredentialsMessage, await SummaryAsync(response));
        Assert.Equal(1, (await FindUserAsync(email)).AccessFailedCount);
    }

    [Fact]
    public async Task Login_WithAnUnknownEmail_SaysTheSameAsForAWrongPassword()
    {
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.SubmitAsync(
            AppClient.LoginPath, LoginForm, ("Input.Email", $"nadie-{Guid.NewGuid():N}@prueba.pe"), ("Input.Password", Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WrongCredentialsMessage, await SummaryAsync(response));
    }

    [Fact]
    public async Task Login_WithAnEmptyForm_AsksForTheEmailBesideItsField()
    {
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.SubmitAsync(AppClient.LoginPath, LoginForm, ("Input.Email", ""), ("Input.Password", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal("Escriba su correo electrónico.", page.QuerySelector("[data-valmsg-for='Input.Email']")?.TextContent.Trim());
        Assert.Equal("Escriba su contraseña.", page.QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent.Trim());
    }

    private async Task<string> CreatePersonAsync()
    {
        var email = $"persona-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Persona de Prueba", Password, [Roles.Agent]);
        return email;
    }

    private async Task<AppUser> FindUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
    }

    private static async Task<string> SummaryAsync(HttpResponseMessage response)
    {
        var page = await AppClient.ParseAsync(response);
        return page.QuerySelector(".validation-summary-errors")?.TextContent ?? "";
    }
}
