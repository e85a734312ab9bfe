using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Admin;

[Trait("Capability", "Foundation")]
public sealed class UserAdministrationTests(DemoPbPeruFactory app) : IClassFixture<DemoPbPeruFactory>
{
    private const string Password = "clave-inicial-segura";

    [Fact]
    public async Task Create_CycleManagerFor08_StoresTheAccountItsRoleAndItsGrant()
    {
        using var client = await app.SignInAsAdministratorAsync();
        var email = AdminPages.NewEmail("gestora");

        using var response = await client.PostFormAsync("/Admin/Users/Create", CreateForm(email, "María Quispe Huamán", Password, [Roles.CycleManager], "08"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await app.FindUserAsync(email);
        Assert.NotNull(user);
        Assert.Equal("María Quispe Huamán", user.FullName);
        Assert.Equal([Roles.CycleManager], await app.RolesOfAsync(user));
        Assert.Equal([(Roles.CycleManager, "08")], await app.GrantsOfAsync(user.Id));
        Assert.EndsWith($"/Admin/Users/Edit/{user.Id}", response.Headers.Location?.ToString(), StringComparison.Ordinal);

        // The new person can sign in with the initial password.
        using var newcomer = app.CreateAppClient();
        await newcomer.LoginAsync(email, Password);
    }

    public static TheoryData<string, string, string[], string, string, string> InvalidInputs => new()
    {
        { "", Password, [Roles.Agent], "", "Input.FullName", "Escriba el nombre completo." },
        { "Corta Clave", "corta", [Roles.Agent], "", "Input.Password", "La contraseña debe tener al menos 12 caracteres." },
        { "Sin Ámbito", Password, [Roles.CycleManager], "", "Input.JurisdictionUbigeo", "Indique el ubigeo de la jurisdicción para Responsable del ciclo o Equipo técnico." },
        { "Ubigeo Inexistente", Password, [Roles.TechnicalTeam], "0899", "Input.JurisdictionUbigeo", "No existe una jurisdicción con el ubigeo 0899." },
        { "Ubigeo Mal Escrito", Password, [Roles.CycleManager], "8", "Input.JurisdictionUbigeo", "El ubigeo tiene 2 dígitos (departamento), 4 (provincia) o 6 (distrito)." },
        { "Capital Distrital", Password, [Roles.CycleManager], "080101", "Input.JurisdictionUbigeo", "Cusco (080101) es capital de provincia y no tiene gobierno propio: la gobierna la municipalidad provincial. Use el ubigeo de la provincia, 0801." },
        { "Ámbito Sin Rol", Password, [Roles.Agent], "08", "Input.JurisdictionUbigeo", "La jurisdicción solo se indica con los roles Responsable del ciclo o Equipo técnico." },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Create_WithInvalidInput_ShowsASpanishMessageBesideTheFieldAndStoresNothing(
        string fullName, string password, string[] roles, string ubigeo, string field, string message)
    {
        using var client = await app.SignInAsAdministratorAsync();
        var email = AdminPages.NewEmail("invalida");

        using var response = await client.PostFormAsync("/Admin/Users/Create", CreateForm(email, fullName, password, roles, ubigeo));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal(email, (page.QuerySelector("#Input_Email") as IHtmlInputElement)?.Value);
        Assert.Null(await app.FindUserAsync(email));
        Assert.Equal(0, await app.QueryAsync((db, _) => db.Users.CountAsync(u => u.FullName == fullName && fullName != "")));
    }

    [Fact]
    public async Task Create_WithSeveralMistakes_ShowsThemAllAtOnce()
    {
        using var client = await app.SignInAsAdministratorAsync();

        using var response = await client.PostFormAsync("/Admin/Users/Create", CreateForm("", "", "corta", [Roles.CycleManager], ""));

        var page = await AppClient.ParseAsync(response);
        Assert.Equal("Escriba el correo electrónico.", page.FieldError("Input.Email"));
        Assert.Equal("Escriba el nombre completo.", page.FieldError("Input.FullName"));
        Assert.Equal("La contraseña debe tener al menos 12 caracteres.", page.FieldError("Input.Password"));
        Assert.NotEmpty(page.FieldError("Input.JurisdictionUbigeo"));
    }

    [Fact]
    public async Task Create_SentTwice_KeepsOneAccountAndExplainsTheSecond()
    {
        using var client = await app.SignInAsAdministratorAsync();
        var email = AdminPages.NewEmail("doble");
        var form = CreateForm(email, "Doble Envío", Password, [Roles.TechnicalTeam], "0801");

        using var first = await client.PostFormAsync("/Admin/Users/Create", form);
        using var second = await client.PostFormAsync("/Admin/Users/Create", form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await AppClient.ParseAsync(second);
        Assert.Equal($"Ya existe una cuenta con el correo {email}.", page.FieldError("Input.Email"));
        Assert.Equal(1, await app.QueryAsync((db, _) => db.Users.CountAsync(u => u.Email == email)));
        var user = await app.FindUserAsync(email);
        Assert.Equal([(Roles.TechnicalTeam, "0801")], await app.GrantsOfAsync(user!.Id));
    }

    [Fact]
    public async Task Create_SentTwiceAtTheSameTime_CreatesOneAccountAndNoError()
    {
        using var client = await app.SignInAsAdministratorAsync();
        var email = AdminPages.NewEmail("carrera");
        var form = CreateForm(email, "Envío Simultáneo", Password, [Roles.CycleManager], "08");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostFormAsync("/Admin/Users/Create", form)));

        try
        {
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"answered {(int)r.StatusCode}"));
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            Assert.Equal(1, await app.QueryAsync((db, _) => db.Users.CountAsync(u => u.Email == email)));
            var user = await app.FindUserAsync(email);
            Assert.Equal([(Roles.CycleManager, "08")], await app.GrantsOfAsync(user!.Id));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task Edit_RemovingOwnAdministratorRole_IsRefused()
    {
        using var client = await app.SignInAsAdministratorAsync();
        var admin = await app.FindUserAsync(DemoAccounts.Administrator);

        using var response = await client.PostFormAsync($"/Admin/Users/Edit/{admin!.Id}",
            [Field("Input.FullName", "Ana Administradora"), Field("Input.Roles", Roles.Agent)], "#account-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Contains("No puede quitarse a sí mismo el rol de Administrador", page.FormErrors(), StringComparison.Ordinal);
        Assert.Equal([Roles.Administrator], await app.RolesOfAsync(admin));
    }

    [Fact]
    public async Task Edit_AnotherAdministrator_CanTakeTheRoleAway()
    {
        var other = await app.CreateUserAsync(AdminPages.NewEmail("otroadmin"), "Otro Administrador", Password, [Roles.Administrator]);
        using var client = await app.SignInAsAdministratorAsync();

        using var response = await client.PostFormAsync($"/Admin/Users/Edit/{other.Id}",
            [Field("Input.FullName", "Otro Administrador Renombrado"), Field("Input.Roles", Roles.OversightCommittee)], "#account-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([Roles.OversightCommittee], await app.RolesOfAsync(other));
        Assert.Equal("Otro Administrador Renombrado", (await app.FindUserAsync(other.Email!))!.FullName);
    }

    [Fact]
    public async Task Edit_AddingAGrant_GivesTheRoleAndTheLastGrantOfARoleStays()
    {
        var user = await app.CreateUserAsync(AdminPages.NewEmail("ambitos"), "Ámbitos Varios", Password, [Roles.CycleManager], "08");
        using var client = await app.SignInAsAdministratorAsync();
        var url = $"/Admin/Users/Edit/{user.Id}?handler=AddGrant";

        using (var added = await client.PostFormAsync(url, [Field("NewGrant.Role", Roles.TechnicalTeam), Field("NewGrant.Ubigeo", "0801")], "#add-grant-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        Assert.Equal([Roles.CycleManager, Roles.TechnicalTeam], await app.RolesOfAsync(user));
        Assert.Equal([(Roles.CycleManager, "08"), (Roles.TechnicalTeam, "0801")], await app.GrantsOfAsync(user.Id));

        using (var capital = await client.PostFormAsync(url, [Field("NewGrant.Role", Roles.CycleManager), Field("NewGrant.Ubigeo", "080101")], "#add-grant-form"))
        {
            var page = await AppClient.ParseAsync(capital);
            Assert.Contains("es capital de provincia", page.FieldError("NewGrant.Ubigeo"), StringComparison.Ordinal);
        }

        using (var again = await client.PostFormAsync(url, [Field("NewGrant.Role", Roles.CycleManager), Field("NewGrant.Ubigeo", "08")], "#add-grant-form"))
        {
            var page = await AppClient.ParseAsync(again);
            Assert.Equal("La cuenta ya tiene ese rol en esa jurisdicción.", page.FieldError("NewGrant.Ubigeo"));
        }

        var grantId = await app.QueryAsync((db, _) => db.StaffAssignments.Where(a => a.UserId == user.Id && a.Role == Roles.CycleManager).Select(a => a.Id).SingleAsync());
        using (var removeLast = await client.PostFormAsync($"/Admin/Users/Edit/{user.Id}?handler=RemoveGrant", [Field("grantId", grantId.ToString(System.Globalization.CultureInfo.InvariantCulture))], ".remove-grant-form"))
        {
            var page = await AppClient.ParseAsync(removeLast);
            Assert.Contains("Es la única jurisdicción de Responsable del ciclo (equipo de conducción) de esta cuenta.", page.FormErrors(), StringComparison.Ordinal);
        }

        Assert.Equal([(Roles.CycleManager, "08"), (Roles.TechnicalTeam, "0801")], await app.GrantsOfAsync(user.Id));
    }

    [Fact]
    public async Task Edit_RemovingAGrant_AsksForConfirmationAndRemovesIt()
    {
        var user = await app.CreateUserAsync(AdminPages.NewEmail("quitar"), "Quitar Ámbito", Password, [Roles.TechnicalTeam], "08");
        using var client = await app.SignInAsAdministratorAsync();
        using (await client.PostFormAsync($"/Admin/Users/Edit/{user.Id}?handler=AddGrant", [Field("NewGrant.Role", Roles.TechnicalTeam), Field("NewGrant.Ubigeo", "0802")], "#add-grant-form"))
        {
        }

        var page = await client.GetPageAsync($"/Admin/Users/Edit/{user.Id}");
        var row = page.TableRows().Single(r => r.QuerySelector("code")?.TextContent == "08");
        var form = row.QuerySelector(".remove-grant-form")!;
        Assert.StartsWith("¿Quitar Equipo técnico en Cusco (08)", form.GetAttribute("data-confirm"), StringComparison.Ordinal);
        Assert.Equal("post", form.GetAttribute("method"));
        var grantId = form.QuerySelector("input[name=grantId]")!.GetAttribute("value")!;

        using var response = await client.PostFormAsync($"/Admin/Users/Edit/{user.Id}?handler=RemoveGrant", [Field("grantId", grantId)], ".remove-grant-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([(Roles.TechnicalTeam, "0802")], await app.GrantsOfAsync(user.Id));
    }

    [Fact]
    public async Task Edit_UncheckingAStaffRole_RemovesItsGrantsAndCheckingOneNeedsAJurisdiction()
    {
        var user = await app.CreateUserAsync(AdminPages.NewEmail("cambio"), "Cambio De Rol", Password, [Roles.CycleManager, Roles.Agent], "08");
        using var client = await app.SignInAsAdministratorAsync();
        var url = $"/Admin/Users/Edit/{user.Id}";

        using (var missing = await client.PostFormAsync(url, [Field("Input.FullName", "Cambio De Rol"), Field("Input.Roles", Roles.TechnicalTeam)], "#account-form"))
        {
            var page = await AppClient.ParseAsync(missing);
            Assert.Equal("Indique el ubigeo de la jurisdicción para Responsable del ciclo o Equipo técnico.", page.FieldError("Input.JurisdictionUbigeo"));
        }

        Assert.Equal([Roles.Agent, Roles.CycleManager], await app.RolesOfAsync(user));
        Assert.Equal([(Roles.CycleManager, "08")], await app.GrantsOfAsync(user.Id));

        using (var saved = await client.PostFormAsync(url,
            [Field("Input.FullName", "Cambio De Rol"), Field("Input.Roles", Roles.TechnicalTeam), Field("Input.JurisdictionUbigeo", "0803")], "#account-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal([Roles.TechnicalTeam], await app.RolesOfAsync(user));
        Assert.Equal([(Roles.TechnicalTeam, "0803")], await app.GrantsOfAsync(user.Id));
    }

    [Fact]
    public async Task Edit_LockedOutAccount_CanBeUnlocked()
    {
        var user = await app.CreateUserAsync(AdminPages.NewEmail("bloqueo"), "Cuenta Bloqueada", Password, [Roles.Agent]);
        using (var someone = app.CreateAppClient())
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() => someone.LoginAsync(user.Email!, "no-es-la-clave-correcta"));
            }

            await Assert.ThrowsAsync<InvalidOperationException>(() => someone.LoginAsync(user.Email!, Password));
        }

        using var client = await app.SignInAsAdministratorAsync();
        var page = await client.GetPageAsync($"/Admin/Users/Edit/{user.Id}");
        Assert.Contains("La cuenta está bloqueada", page.QuerySelector(".alert-warning")?.TextContent, StringComparison.Ordinal);

        using var response = await client.PostFormAsync($"/Admin/Users/Edit/{user.Id}?handler=Unlock", [], "#unlock-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var unlocked = app.CreateAppClient();
        await unlocked.LoginAsync(user.Email!, Password);
    }

    [Fact]
    public async Task Index_SearchByNameOrEmail_ListsTheAccountWithItsRolesAndGrants()
    {
        var email = AdminPages.NewEmail("buscame");
        await app.CreateUserAsync(email, "Zoila Búsqueda Ccama", Password, [Roles.CycleManager], "08");
        using var client = await app.SignInAsAdministratorAsync();

        var byName = await client.GetPageAsync("/Admin/Users?q=zoila");
        var byEmail = await client.GetPageAsync($"/Admin/Users?q={Uri.EscapeDataString(email.ToUpperInvariant())}");
        var none = await client.GetPageAsync("/Admin/Users?q=nadie-se-llama-asi");

        foreach (var page in new[] { byName, byEmail })
        {
            var row = Assert.Single(page.TableRows()).Cells();
            Assert.Equal("Zoila Búsqueda Ccama", row[0]);
            Assert.Equal(email, row[1]);
            Assert.Equal("Responsable del ciclo (equipo de conducción): Cusco (08)", row[2]);
            Assert.Equal("Activa", row[3]);
        }

        Assert.Empty(none.TableRows());
        Assert.Equal("Ninguna cuenta coincide con «nadie-se-llama-asi».", none.QuerySelector(".alert-info")?.TextContent.Trim());
    }

    [Fact]
    public async Task Edit_UnknownAccount_Is404()
    {
        using var client = await app.SignInAsAdministratorAsync();

        using var response = await client.GetAsync("/Admin/Users/Edit/no-existe");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static KeyValuePair<string, string> Field(string name, string value) => KeyValuePair.Create(name, value);

    private static List<KeyValuePair<string, string>> CreateForm(string email, string fullName, string password, string[] roles, string ubigeo) =>
    [
        Field("Input.Email", email),
        Field("Input.FullName", fullName),
        Field("Input.Password", password),
        .. roles.Select(r => Field("Input.Roles", r)),
        Field("Input.JurisdictionUbigeo", ubigeo),
    ];
}
