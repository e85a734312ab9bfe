using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;
using static PbPeru.Web.Tests.Registration.RegistrationTestData;

namespace PbPeru.Web.Tests.Registration;

/// <summary>A person opens their own account to register an organization.</summary>
[Trait("Capability", "Preparation")]
public sealed class AccountRegistrationTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Form = "#register-form";

    private static (string, string)[] Fields(string email, string password = Password, string name = "Rosa Mamani Quispe") =>
        [("Input.Email", email), ("Input.FullName", name), ("Input.Password", password)];

    private async Task<(AppUser? User, IList<string> Roles)> FindAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        return (user, user is null ? [] : await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task Register_WithTheBoxTicked_CreatesARepresentative_SignsIn_AndOpensRegistration()
    {
        app.Clock.Reset();
        var email = $"rosa-{Guid.NewGuid():N}@prueba.pe";
        using var client = app.CreateAppClient(followRedirects: false);
        var page = await client.GetPageAsync("/Account/Register");
        Assert.True(page.QuerySelector("input[name='Input.RegistersOrganization'][type=checkbox]")!.HasAttribute("checked"));

        using var response = await client.SubmitAsync(page, Form, Fields(email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Registration", response.Headers.Location!.OriginalString);
        var (user, roles) = await FindAsync(email);
        Assert.Equal("Rosa Mamani Quispe", user!.FullName);
        Assert.Equal([Roles.OrganizationRepresentative], roles);
        var home = await client.GetPageAsync("/Registration");
        Assert.Equal("Mis organizaciones", Text(home.QuerySelector("h1")));
    }

    [Fact]
    public async Task Register_WithoutTheBox_OpensAnAccountWithNoRole()
    {
        app.Clock.Reset();
        var email = $"vecino-{Guid.NewGuid():N}@prueba.pe";
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.SubmitAsync("/Account/Register", Form, [.. Fields(email), ("Input.RegistersOrganization", "false")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Empty((await FindAsync(email)).Roles);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Registration")).StatusCode);
    }

    [Fact]
    public async Task Register_WithAShortPassword_ShowsIdentityMessageBesideThePassword_AndCreatesNothing()
    {
        app.Clock.Reset();
        var email = $"corta-{Guid.NewGuid():N}@prueba.pe";
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.SubmitAsync("/Account/Register", Form, Fields(email, password: "corta"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal("La contraseña debe tener al menos 12 caracteres.", Text(page.QuerySelector("[data-valmsg-for='Input.Password']")));
        Assert.Null((await FindAsync(email)).User);
    }

    [Fact]
    public async Task Register_WithMissingFields_SaysWhatIsMissing()
    {
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.SubmitAsync("/Account/Register", Form, ("Input.Email", "no-es-un-correo"), ("Input.FullName", ""), ("Input.Password", ""));

        var page = await AppClient.ParseAsync(response);
        Assert.Equal("Escriba un correo electrónico válido, por ejemplo nombre@municipalidad.gob.pe.", Text(page.QuerySelector("[data-valmsg-for='Input.Email']")));
        Assert.Equal("Escriba su nombre completo.", Text(page.QuerySelector("[data-valmsg-for='Input.FullName']")));
        Assert.Equal("Escriba una contraseña.", Text(page.QuerySelector("[data-valmsg-for='Input.Password']")));
    }

    [Fact]
    public async Task Register_WithAnEmailAlreadyUsed_SaysSo_AndKeepsTheOneAccount()
    {
        app.Clock.Reset();
        var email = $"usado-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Primera Persona", "otra-frase-de-prueba-larga", []);
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.SubmitAsync("/Account/Register", Form, Fields(email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal($"Ya existe una cuenta con el correo {email.ToUpperInvariant()}. Si es suya, inicie sesión.", Text(page.QuerySelector("[data-valmsg-for='Input.Email']")));
        var (user, roles) = await FindAsync(email);
        Assert.Equal("Primera Persona", user!.FullName);
        Assert.Empty(roles);
    }

    [Fact]
    public async Task Register_SubmittedTwiceAtOnce_CreatesOneAccount_AndBothEndSignedIn()
    {
        app.Clock.Reset();
        var email = $"doble-{Guid.NewGuid():N}@prueba.pe";
        using var client = app.CreateAppClient(followRedirects: false);
        var page = await client.GetPageAsync("/Account/Register");

        var responses = await Task.WhenAll(client.SubmitAsync(page, Form, Fields(email)), client.SubmitAsync(page, Form, Fields(email)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("/Registration", r.Headers.Location!.OriginalString));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal(1, await users.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));
    }
}
