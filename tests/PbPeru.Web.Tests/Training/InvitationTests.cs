using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure2;

namespace PbPeru.Web.Tests.Training;

[Trait("Capability", "Preparation")]
public sealed partial class InvitationTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string AccountForm = "main form[method=post]";

    private readonly TrainingTestData _data = new(app);

    [GeneratedRegex(@"https?://[^\s]+/Account/Invitation\?token=[A-Za-z0-9_\-%]+")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task SendInvitations_EmailsEachAgentWithAnAddress_StoresOnlyTheHash_AndShowsTheirState()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var email = $"agente-{Guid.NewGuid():N}@prueba.pe";
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Gloria", "Huallpa Quispe", email), ("Hugo", "Sin Correo", null));
        using var manager = await _data.ManagerAsync();

        var page = await manager.GetPageAsync($"/Cycles/Invitations/{cycleId}");
        Assert.Contains("Sin cuenta", State(page, agents[0].Id));
        using (var sent = await manager.SubmitAsync(page, "#send-all"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        // Sent again (a double click): those already invited are not invited twice.
        using (var again = await manager.SubmitAsync(page, "#send-all"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var invitations = await _data.ReadAsync(db => db.AgentInvitations.Where(i => i.AgentId == agents[0].Id || i.AgentId == agents[1].Id).ToListAsync());
        var invitation = Assert.Single(invitations);
        Assert.Equal(agents[0].Id, invitation.AgentId);
        Assert.Matches("^[0-9a-f]{64}$", invitation.TokenHash);
        Assert.Equal(TimeSpan.FromDays(7), invitation.ExpiresAt - invitation.CreatedAt);

        var link = LinkIn(MailTo(email).Body);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        Assert.Equal(43, token.Length);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), invitation.TokenHash);

        var after = await manager.GetPageAsync($"/Cycles/Invitations/{cycleId}");
        Assert.Contains("Invitado", State(after, agents[0].Id));
        Assert.Contains("vence el", State(after, agents[0].Id));
        Assert.Contains("Sin cuenta", State(after, agents[1].Id));
    }

    [Fact]
    public async Task Invitation_CreatesAnAgentAccount_SignsIn_AndIsRefusedTheSecondTime()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Inés", "Mamani Ccori", $"ines-{Guid.NewGuid():N}@prueba.pe"), ("Julio", "Otro Agente", null));
        using var manager = await _data.ManagerAsync();
        var link = await HandOverLinkAsync(manager, cycleId, agents[0].Id);

        using var agent = app.CreateAppClient(followRedirects: false);
        var invitation = await agent.GetPageAsync(link);
        Assert.Equal("Inés Mamani Ccori", invitation.QuerySelector("#agent-name")!.TextContent.Trim());
        Assert.Equal(agents[0].Email, invitation.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);

        using var created = await agent.SubmitAsync(invitation, AccountForm, ("Input.Password", "mi-clave-de-agente-2027"), ("Input.ConfirmPassword", "mi-clave-de-agente-2027"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/Agent", created.Headers.Location!.ToString());
        var (userId, roles) = await AccountAsync(agents[0].Email!);
        Assert.Equal([Roles.Agent], roles);
        Assert.Equal(userId, await _data.ReadAsync(db => db.Agents.Where(a => a.Id == agents[0].Id).Select(a => a.UserId).SingleAsync()));

        // Signed in straight away: the agent sees its own record, DNI masked, and no one else's.
        var home = await agent.GetPageAsync("/Agent");
        var record = Assert.Single(home.QuerySelectorAll(".agent-record"));
        Assert.Contains("Inés Mamani Ccori", record.TextContent);
        Assert.Equal("•••••" + agents[0].Dni[^3..], record.QuerySelector(".dni-masked")!.TextContent);
        Assert.DoesNotContain(agents[0].Dni, home.DocumentElement.OuterHtml);
        Assert.Contains("Acreditado(a)", record.QuerySelector(".accreditation-state")!.TextContent);
        Assert.Contains("Pendiente", record.QuerySelector(".training-state")!.TextContent);
        Assert.Contains("debe asistir al menos a una sesión", record.QuerySelector(".training-state")!.TextContent);
        Assert.DoesNotContain("Otro Agente", home.DocumentElement.TextContent);

        // The same link again, even with another email: refused, no second account.
        using var stranger = app.CreateAppClient(followRedirects: false);
        var reused = await stranger.GetPageAsync(link);
        Assert.Contains("ya fue usado", reused.QuerySelector("#invitation-refused")!.TextContent);
        Assert.Null(reused.QuerySelector(AccountForm));
        var otherEmail = $"otro-{Guid.NewGuid():N}@prueba.pe";
        using var forged = await stranger.PostWithTokenAsync("/Account/Login", link,
            ("Token", TokenOf(link)), ("Input.Email", otherEmail), ("Input.Password", "otra-clave-larga-2027"), ("Input.ConfirmPassword", "otra-clave-larga-2027"));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("ya fue usado", (await AppClient.ParseAsync(forged)).QuerySelector("#invitation-refused")!.TextContent);
        Assert.Null(await FindUserAsync(otherEmail));
    }

    [Fact]
    public async Task Invitation_WhenExpired_IsRefusedAndCreatesNoAccount()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var email = $"karina-{Guid.NewGuid():N}@prueba.pe";
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Karina", "Yupanqui Sota", email));
        using var manager = await _data.ManagerAsync();
        var link = await HandOverLinkAsync(manager, cycleId, agents[0].Id);
        using var agent = app.CreateAppClient(followRedirects: false);
        var form = await agent.GetPageAsync(link);

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var expired = await agent.GetPageAsync(link);
        Assert.Contains("venció", expired.QuerySelector("#invitation-refused")!.TextContent);
        using var posted = await agent.SubmitAsync(form, AccountForm, ("Input.Password", "mi-clave-de-agente-2027"), ("Input.ConfirmPassword", "mi-clave-de-agente-2027"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("venció", (await AppClient.ParseAsync(posted)).QuerySelector("#invitation-refused")!.TextContent);
        Assert.Null(await FindUserAsync(email));
        Assert.Null(await _data.ReadAsync(db => db.AgentInvitations.Where(i => i.AgentId == agents[0].Id).Select(i => i.UsedAt).SingleAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-es-un-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Invitation_WithAnUnknownToken_IsRefused(string token)
    {
        using var anonymous = app.CreateAppClient(followRedirects: false);

        var page = await anonymous.GetPageAsync($"/Account/Invitation?token={token}");

        Assert.Contains("no es válido", page.QuerySelector("#invitation-refused")!.TextContent);
        Assert.Null(page.QuerySelector(AccountForm));
    }

    [Fact]
    public async Task Invitation_ForAnEmailThatHasAnAccount_IsRefusedAndStaysUnused()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var taken = $"ocupado-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(taken, "Cuenta Existente", TrainingTestData.Password, []);
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Luis", "Cusi Pari", taken));
        using var manager = await _data.ManagerAsync();
        var link = await HandOverLinkAsync(manager, cycleId, agents[0].Id);
        using var agent = app.CreateAppClient(followRedirects: false);

        using var posted = await agent.SubmitAsync(link, AccountForm, ("Input.Password", "mi-clave-de-agente-2027"), ("Input.ConfirmPassword", "mi-clave-de-agente-2027"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = await AppClient.ParseAsync(posted);
        Assert.Contains("Ya existe una cuenta con el correo", page.QuerySelector(".field-validation-error")!.TextContent);
        Assert.Null(await _data.ReadAsync(db => db.AgentInvitations.Where(i => i.AgentId == agents[0].Id).Select(i => i.UsedAt).SingleAsync()));
        Assert.Null(await _data.ReadAsync(db => db.Agents.Where(a => a.Id == agents[0].Id).Select(a => a.UserId).SingleAsync()));
    }

    [Fact]
    public async Task Invitation_WithAShortOrUnconfirmedPassword_SaysSoAndCreatesNothing()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var email = $"mario-{Guid.NewGuid():N}@prueba.pe";
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Mario", "Pumacahua Sullca", email));
        using var manager = await _data.ManagerAsync();
        var link = await HandOverLinkAsync(manager, cycleId, agents[0].Id);
        using var agent = app.CreateAppClient(followRedirects: false);

        using var posted = await agent.SubmitAsync(link, AccountForm, ("Input.Password", "corta"), ("Input.ConfirmPassword", "distinta"));

        var errors = (await AppClient.ParseAsync(posted)).QuerySelectorAll(".field-validation-error").Select(e => e.TextContent).ToList();
        Assert.Contains("La contraseña debe tener al menos 12 caracteres.", errors);
        Assert.Contains("Las contraseñas no coinciden.", errors);
        Assert.Null(await FindUserAsync(email));
    }

    [Fact]
    public async Task AgentPage_ShowsOnlyTheSignedInAgentsOwnRecord()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId,
            ("Nora", "Ttito Huaman", $"nora-{Guid.NewGuid():N}@prueba.pe"), ("Óscar", "Laura Quispe", $"oscar-{Guid.NewGuid():N}@prueba.pe"));
        var meetingId = await _data.SessionAsync(cycleId, "Capacitación inicial", new DateTimeOffset(2027, 3, 2, 14, 0, 0, TimeSpan.Zero));
        using var manager = await _data.ManagerAsync();
        using (await manager.SubmitAsync($"/Cycles/Training/{cycleId}/Attendance/{meetingId}", "#attendance-form", ("Present", agents[1].Id.ToString())))
        {
        }

        using var nora = await RedeemAsync(manager, cycleId, agents[0]);
        using var oscar = await RedeemAsync(manager, cycleId, agents[1]);

        var noraHome = await nora.GetPageAsync("/Agent");
        Assert.Single(noraHome.QuerySelectorAll(".agent-record"));
        Assert.DoesNotContain("Laura Quispe", noraHome.DocumentElement.TextContent);
        Assert.DoesNotContain(agents[1].Dni[^3..], noraHome.QuerySelector(".dni-masked")!.TextContent);

        // An id in the address changes nothing: the page is the account's own record.
        var probing = await nora.GetPageAsync($"/Agent?agentId={agents[1].Id}&id={agents[1].Id}");
        Assert.DoesNotContain("Laura Quispe", probing.DocumentElement.TextContent);
        using var byPath = await nora.GetAsync($"/Agent/{agents[1].Id}");
        Assert.Equal(HttpStatusCode.NotFound, byPath.StatusCode);

        var oscarHome = await oscar.GetPageAsync("/Agent");
        var record = Assert.Single(oscarHome.QuerySelectorAll(".agent-record"));
        Assert.Contains("Cumplida", record.QuerySelector(".training-state")!.TextContent);
        Assert.Contains("Capacitación inicial", record.QuerySelector(".attended-sessions")!.TextContent);

        // Staff pages stay closed to an agent.
        using var review = await nora.GetAsync($"/Cycles/Invitations/{cycleId}");
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
    }

    [Fact]
    public async Task Invitation_RedeemedTwiceAtOnce_CreatesOneAccount_AndRefusesTheOther()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Pilar", "Chambi Ccasa", null));
        using var manager = await _data.ManagerAsync();
        var link = await HandOverLinkAsync(manager, cycleId, agents[0].Id);
        using var first = app.CreateAppClient(followRedirects: false);
        using var second = app.CreateAppClient(followRedirects: false);
        var pageA = await first.GetPageAsync(link);
        var pageB = await second.GetPageAsync(link);
        var emails = new[] { $"pilar-a-{Guid.NewGuid():N}@prueba.pe", $"pilar-b-{Guid.NewGuid():N}@prueba.pe" };

        var responses = await Task.WhenAll(
            first.SubmitAsync(pageA, AccountForm, ("Input.Email", emails[0]), ("Input.Password", "mi-clave-de-agente-2027"), ("Input.ConfirmPassword", "mi-clave-de-agente-2027")),
            second.SubmitAsync(pageB, AccountForm, ("Input.Email", emails[1]), ("Input.Password", "mi-clave-de-agente-2027"), ("Input.ConfirmPassword", "mi-clave-de-agente-2027")));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Redirect], responses.Select(r => r.StatusCode).Order());
        var refused = await AppClient.ParseAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        Assert.NotNull(refused.QuerySelector("#invitation-refused"));
        var created = new List<AppUser>();
        foreach (var email in emails)
        {
            if (await FindUserAsync(email) is { } user)
            {
                created.Add(user);
            }
        }

        var account = Assert.Single(created);
        Assert.Equal(account.Id, await _data.ReadAsync(db => db.Agents.Where(a => a.Id == agents[0].Id).Select(a => a.UserId).SingleAsync()));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task AgentPage_WhenExcludedByAChallenge_ShowsItWithTheRulingReasons()
    {
        var cycleId = await _data.NewCycleInPreparationAsync();
        var agents = await _data.AccreditedAgentsAsync(cycleId, ("Quique", "Apaza Layme", null));
        using var manager = await _data.ManagerAsync();
        using var agent = await RedeemAsync(manager, cycleId, agents[0]);

        await _data.ExcludeByChallengeAsync(cycleId, agents[0].Id, "Se acreditó que no reside en el distrito.");

        var home = await agent.GetPageAsync("/Agent");
        var state = home.QuerySelector(".accreditation-state")!.TextContent;
        Assert.Contains("Excluido(a) por impugnación", state);
        Assert.Contains("Se acreditó que no reside en el distrito.", state);
    }

    private async Task<AppClient> RedeemAsync(AppClient manager, int cycleId, TrainingTestData.SeededAgent seeded)
    {
        var link = await HandOverLinkAsync(manager, cycleId, seeded.Id);
        var client = app.CreateAppClient(followRedirects: false);
        using var created = await client.SubmitAsync(link, AccountForm,
            ("Input.Email", seeded.Email ?? $"agente-{Guid.NewGuid():N}@prueba.pe"), ("Input.Password", "mi-clave-de-agente-2027"), ("Input.ConfirmPassword", "mi-clave-de-agente-2027"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return client;
    }

    /// <summary>The manager issues a link to hand over; it is on that response only.</summary>
    private static async Task<string> HandOverLinkAsync(AppClient manager, int cycleId, int agentId)
    {
        var page = await manager.GetPageAsync($"/Cycles/Invitations/{cycleId}");
        using var response = await manager.SubmitAsync(page, $"tr[data-agent-id='{agentId}'] form[action*='handler=Link']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await AppClient.ParseAsync(response);
        var link = new Uri(shown.QuerySelector("#handover-link")!.TextContent.Trim());
        return link.PathAndQuery;
    }

    private static string TokenOf(string link) => Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    private static string State(IDocument page, int agentId) => page.QuerySelector($"tr[data-agent-id='{agentId}'] .account-state")!.TextContent;

    private static string LinkIn(string text) => InvitationLink().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException($"No invitation link in: {text}");

    private MailReader MailTo(string address)
    {
        return Directory.EnumerateFiles(app.MailFolder, "*.eml")
            .Select(f => MailReader.Parse(File.ReadAllBytes(f)))
            .Single(m => m.Headers.TryGetValue("to", out var to) && to.Contains(address, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<AppUser?> FindUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    private async Task<(string UserId, IList<string> Roles)> AccountAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return (user.Id, await users.GetRolesAsync(user));
    }
}
