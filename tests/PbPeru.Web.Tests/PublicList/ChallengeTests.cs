using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Registration;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.PublicList;

/// <summary>Filing a challenge against an entry of the preliminary list, and who sees it and its ruling.</summary>
[Trait("Capability", "Preparation")]
public sealed class ChallengeTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Form = "form#challenge-form";

    private static string FileUrl(int agentId) => $"/Challenges/File?agentId={agentId}";

    /// <summary>A cycle whose preliminary list holds one accepted organization with a titular and a suplente.</summary>
    private async Task<(PublicListData Data, PublicListData.Registered Organization)> PublishedListAsync()
    {
        var data = await PublicListData.NewCycleAsync(app);
        var organization = await data.OrganizationAsync("Asociación de Vivienda Los Incas", OrganizationType.NeighbourhoodAssociation, "080105", OrganizationStatus.Accepted,
            data.Person("Wilber", "Incas Huallpa", Sex.Male), data.Person("Gloria", "Ttito Apaza", Sex.Female));
        await data.PublishPreliminaryAsync();
        return (data, organization);
    }

    private Task<List<Challenge>> ChallengesAsync(PublicListData data, int agentId) =>
        data.ReadAsync(db => db.Challenges.AsNoTracking().Where(c => c.AgentId == agentId).ToListAsync());

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var page = await AppClient.ParseAsync(response);
        return page.QuerySelector(".validation-summary-errors, .field-validation-error")?.TextContent
            ?? page.QuerySelector("#challenges-closed")?.TextContent
            ?? "";
    }

    [Fact]
    public async Task File_SignedInDuringTheWindow_SavesItNotifiesTheRepresentativeAndShowsIt()
    {
        var (data, organization) = await PublishedListAsync();
        var agentId = organization.AgentIds[0];
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        var (client, userId) = await data.SignedInPersonAsync("Vecina Impugnante");
        using var signedIn = client;

        var list = await client.GetPageAsync($"/Public/Agents/{data.CycleId}");
        var link = list.QuerySelector($"tr[data-agent='{agentId}'] a.challenge-link")!.GetAttribute("href")!;
        var form = await client.GetPageAsync(link);
        Assert.Contains("Wilber Incas Huallpa", form.QuerySelector("#challenged-entry")!.TextContent);
        Assert.Contains("Asociación de Vivienda Los Incas", form.QuerySelector("#challenged-entry")!.TextContent);
        using var filed = await client.SubmitAsync(form, Form, ("Input.Grounds", "  No es socio de la asociación.\nLo dice su padrón.  "));

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var challenge = Assert.Single(await ChallengesAsync(data, agentId));
        Assert.Equal($"/Challenges/{challenge.Id}", filed.Headers.Location!.OriginalString);
        Assert.Equal((userId, "Vecina Impugnante", "No es socio de la asociación.\nLo dice su padrón.", ChallengeStatus.Pending),
            (challenge.FiledByUserId, challenge.FiledByName, challenge.Grounds, challenge.Status));

        var notice = Assert.Single(await data.ReadAsync(db => db.Notifications.Where(n => n.UserId == organization.RepresentativeUserId).ToListAsync()));
        Assert.Equal($"/Challenges/{challenge.Id}", notice.Link);
        Assert.Contains("Wilber Incas Huallpa", notice.Text);

        var shown = await client.GetPageAsync($"/Challenges/{challenge.Id}");
        Assert.Contains("Pendiente", shown.QuerySelector("#challenge-status")!.TextContent);
        Assert.Equal(["No es socio de la asociación.", "Lo dice su padrón."], shown.QuerySelectorAll("#challenge-grounds p").Select(p => p.TextContent));
    }

    [Fact]
    public async Task File_WhenAnonymous_RedirectsToLogin()
    {
        var (data, organization) = await PublishedListAsync();
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        using var client = app.CreateAppClient(followRedirects: false);

        using var get = await client.GetAsync(FileUrl(organization.AgentIds[0]));
        using var post = await client.PostFormAsync(FileUrl(organization.AgentIds[0]), ("Input.Grounds", "Motivo"));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal(AppClient.LoginPath, get.Headers.Location!.AbsolutePath);
        Assert.Contains(Uri.EscapeDataString("/Challenges/File"), get.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(AppClient.LoginPath, post.Headers.Location!.AbsolutePath);
        Assert.Empty(await ChallengesAsync(data, organization.AgentIds[0]));
    }

    [Theory]
    [InlineData(2027, 1, 18)] // the list is out, the window not yet open
    [InlineData(2027, 1, 26)] // the window has closed
    public async Task File_OutsideTheChallengeWindow_IsRefusedWithTheReasonAndStoresNothing(int year, int month, int day)
    {
        var (data, organization) = await PublishedListAsync();
        var agentId = organization.AgentIds[0];
        app.Clock.SetLimaDay(new DateOnly(year, month, day));
        var (client, _) = await data.SignedInPersonAsync();
        using var signedIn = client;

        var page = await client.GetPageAsync(FileUrl(agentId));
        Assert.Contains("19/01/2027", page.QuerySelector("#challenges-closed")!.TextContent);
        Assert.Null(page.QuerySelector(Form));
        var list = await client.GetPageAsync($"/Public/Agents/{data.CycleId}");
        Assert.Null(list.QuerySelector("a.challenge-link"));

        // Sent anyway (a page left open, a crafted request): refused the same way.
        using var forced = await client.PostWithTokenAsync(FileUrl(agentId), FileUrl(agentId), ("AgentId", agentId.ToString()), ("Input.Grounds", "Motivo fuera de plazo."));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("25/01/2027", await ErrorsAsync(forced));
        Assert.Empty(await ChallengesAsync(data, agentId));
    }

    [Fact]
    public async Task File_AfterTheFinalList_IsRefused()
    {
        var (data, organization) = await PublishedListAsync();
        var agentId = organization.AgentIds[0];
        await data.PublishFinalAsync();
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        var (client, _) = await data.SignedInPersonAsync();
        using var signedIn = client;

        var page = await client.GetPageAsync(FileUrl(agentId));
        Assert.Contains("antes de la lista final", page.QuerySelector("#challenges-closed")!.TextContent);
        using var forced = await client.PostWithTokenAsync(FileUrl(agentId), FileUrl(agentId), ("AgentId", agentId.ToString()), ("Input.Grounds", "Motivo tardío."));

        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Empty(await ChallengesAsync(data, agentId));
    }

    [Theory]
    [InlineData("", "Explique el fundamento de la impugnación.")]
    [InlineData("   \n  ", "Explique el fundamento de la impugnación.")]
    [InlineData(null, "El fundamento admite como máximo 2000 caracteres.")]
    public async Task File_WithEmptyOrTooLongGrounds_ShowsTheMessageAndStoresNothing(string? grounds, string message)
    {
        var (data, organization) = await PublishedListAsync();
        var agentId = organization.AgentIds[1];
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        var (client, _) = await data.SignedInPersonAsync();
        using var signedIn = client;

        using var response = await client.SubmitAsync(FileUrl(agentId), Form, ("Input.Grounds", grounds ?? new string('x', 2001)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response));
        Assert.Empty(await ChallengesAsync(data, agentId));
    }

    [Fact]
    public async Task File_ASecondPendingChallengeBySamePersonAgainstTheSameEntry_IsRefused_AndTheSameSubmitTwiceKeepsOne()
    {
        var (data, organization) = await PublishedListAsync();
        var agentId = organization.AgentIds[0];
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        var (client, _) = await data.SignedInPersonAsync();
        using var signedIn = client;
        var form = await client.GetPageAsync(FileUrl(agentId));

        using (var first = await client.SubmitAsync(form, Form, ("Input.Grounds", "No reside en el distrito.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // The same form sent again (a double click): one challenge, and the person lands on it.
        using (var twice = await client.SubmitAsync(form, Form, ("Input.Grounds", "No reside en el distrito.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        }

        var only = Assert.Single(await ChallengesAsync(data, agentId));

        var again = await client.GetPageAsync(FileUrl(agentId));
        Assert.Equal($"/Challenges/{only.Id}", again.QuerySelector("#pending-challenge a")!.GetAttribute("href"));
        using var second = await client.SubmitAsync(again, Form, ("Input.Grounds", "Además, no fue elegido en asamblea."));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("ya presentó una impugnación contra esta inscripción", await ErrorsAsync(second));
        Assert.Single(await ChallengesAsync(data, agentId));

        // Someone else may still challenge the same entry.
        var (other, _) = await data.SignedInPersonAsync("Otro Vecino");
        using var otherSignedIn = other;
        using var theirs = await other.SubmitAsync(FileUrl(agentId), Form, ("Input.Grounds", "No reside en el distrito."));
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        Assert.Equal(2, (await ChallengesAsync(data, agentId)).Count);
    }

    [Fact]
    public async Task File_AgainstAnAgentNotOnTheList_IsNotFound()
    {
        var (data, _) = await PublishedListAsync();
        var submitted = await data.OrganizationAsync("Asociación Aún en Revisión", OrganizationType.Other, "080101", OrganizationStatus.Submitted,
            data.Person("Pía", "Revisión Soto", Sex.Female));
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        var (client, _) = await data.SignedInPersonAsync();
        using var signedIn = client;

        using var response = await client.GetAsync(FileUrl(submitted.AgentIds[0]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Challenge_IsSeenWithItsRulingByBothSidesAndTheManager_AndIsNotFoundForAnyoneElse()
    {
        var (data, organization) = await PublishedListAsync();
        var agentId = organization.AgentIds[1];
        app.Clock.SetLimaDay(PublicListData.ChallengeDay);
        var (filer, _) = await data.SignedInPersonAsync("Vecina Impugnante");
        using var filerSignedIn = filer;
        using (var filed = await filer.SubmitAsync(FileUrl(agentId), Form, ("Input.Grounds", "La suplente no integra la junta directiva.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        }

        var id = Assert.Single(await ChallengesAsync(data, agentId)).Id;
        var url = $"/Challenges/{id}";
        using var representative = await data.SignedInAsync(organization.RepresentativeEmail);
        var managerEmail = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(managerEmail, "Gestor del Cusco", PublicListData.Password, [Roles.CycleManager], PublicListData.Ubigeo);
        using var manager = await data.SignedInAsync(managerEmail);
        var (stranger, _) = await data.SignedInPersonAsync("Tercera Persona");
        using var strangerSignedIn = stranger;
        var otherManagerEmail = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(otherManagerEmail, "Gestora de Lima", PublicListData.Password, [Roles.CycleManager], "1501");
        using var otherManager = await data.SignedInAsync(otherManagerEmail);

        foreach (var side in new[] { filer, representative, manager })
        {
            var page = await side.GetPageAsync(url);
            Assert.Contains("La suplente no integra la junta directiva.", page.QuerySelector("#challenge-grounds")!.TextContent);
            Assert.Contains("aún no ha resuelto", page.QuerySelector("#challenge-ruling")!.TextContent);
        }

        foreach (var outsider in new[] { stranger, otherManager })
        {
            using var response = await outsider.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await data.RuleAsync(id, upheld: false, "La junta acreditó con su acta que la suplente fue elegida en asamblea.");

        foreach (var side in new[] { filer, representative, manager })
        {
            var page = await side.GetPageAsync(url);
            Assert.Contains("Infundada", page.QuerySelector("#challenge-status")!.TextContent);
            Assert.Contains("La junta acreditó con su acta", page.QuerySelector("#ruling-reasons")!.TextContent);
            Assert.Contains("Marta Gestora Quispe", page.QuerySelector("#challenge-ruling")!.TextContent);
        }

        using (var response = await stranger.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // Each side finds it in its own list of challenges; the third person finds nothing.
        var filerList = await filer.GetPageAsync("/Challenges");
        Assert.NotNull(filerList.QuerySelector($"[aria-labelledby='filed-heading'] tr[data-challenge='{id}']"));
        var representativeList = await representative.GetPageAsync("/Challenges");
        Assert.NotNull(representativeList.QuerySelector($"[aria-labelledby='received-heading'] tr[data-challenge='{id}']"));
        var strangerList = await stranger.GetPageAsync("/Challenges");
        Assert.Null(strangerList.QuerySelector($"tr[data-challenge='{id}']"));
        Assert.NotNull(strangerList.QuerySelector("#filed-empty"));
    }

    [Fact]
    public async Task Challenge_ThatDoesNotExist_IsNotFound_AndTheListNeedsSignIn()
    {
        var (client, _) = await new PublicListData(app).SignedInPersonAsync();
        using var signedIn = client;
        using var anonymous = app.CreateAppClient(followRedirects: false);

        using var missing = await client.GetAsync("/Challenges/987654");
        using var list = await anonymous.GetAsync("/Challenges");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal(AppClient.LoginPath, list.Headers.Location!.AbsolutePath);
    }
}
