using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Cycles;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure2;
using static PbPeru.Web.Tests.Registration.RegistrationTestData;

namespace PbPeru.Web.Tests.Registration;

/// <summary>A representative sees and changes only its own organizations; the registration pages are for representatives.</summary>
[Trait("Capability", "Preparation")]
public sealed class RegistrationAccessTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task AnotherRepresentative_CanNeitherSeeNorChangeAnOrganization_ByItsId()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (owner, _, _) = await SignedInRepresentativeAsync(app, "Dueña de la Inscripción");
        var id = await CreateOrganizationAsync(owner, cycleId, "Asociación Vecinal Las Flores");
        await AddAgentAsync(owner, id, AgentFields("12121212"));
        using (var uploaded = await UploadAsync(owner, id, "estatuto.pdf", SampleFiles.Pdf()))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var before = (await FindOrganizationAsync(app, id))!;
        var agentId = before.Agents.Single().Id;
        var documentId = before.Documents.Single().Id;

        var (intruder, _, _) = await SignedInRepresentativeAsync(app, "Otra Persona");
        var ownId = await CreateOrganizationAsync(intruder, cycleId, "Club de Madres El Intruso");
        var own = $"/Registration/Edit/{ownId}";
        var theirs = $"/Registration/Edit/{id}";

        // Reading: the page, the document, the list.
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync(theirs)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/Registration/Document/{documentId}")).StatusCode);
        var home = await intruder.GetPageAsync("/Registration");
        Assert.DoesNotContain("Las Flores", home.Body!.TextContent);

        // Writing, with a valid token from its own page: every handler answers "not found".
        (string, string)[][] posts =
        [
            [("handler", "Details"), .. OrganizationFields("Nombre Cambiado")],
            [("handler", "AddAgent"), .. AgentFields("34343434")],
            [("handler", "RemoveAgent"), ("agentId", agentId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [("handler", "RemoveDocument"), ("documentId", documentId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [("handler", "Submit")],
        ];
        foreach (var fields in posts)
        {
            using var response = await intruder.PostWithTokenAsync(own, $"{theirs}?handler={fields[0].Item2}", fields[1..]);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var upload = await UploadAsync(intruder, ownId, "mio.pdf", SampleFiles.Pdf(), postToId: id))
        {
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        }

        // Their agent's or document's id sent to its own organization changes nothing either.
        using (var response = await intruder.PostWithTokenAsync(own, $"{own}?handler=RemoveAgent", ("agentId", agentId.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal("Ese agente no pertenece a la organización.", Text((await AppClient.ParseAsync(response)).QuerySelector(".agent-error")));
        }

        using (var response = await intruder.PostWithTokenAsync(own, $"{own}?handler=RemoveDocument", ("documentId", documentId.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal("Ese documento no pertenece a la organización.", Text((await AppClient.ParseAsync(response)).QuerySelector(".document-error")));
        }

        var after = (await FindOrganizationAsync(app, id))!;
        Assert.Equal(("Asociación Vecinal Las Flores", OrganizationStatus.Draft), (after.Name, after.Status));
        Assert.Equal([agentId], after.Agents.Select(a => a.Id));
        Assert.Equal([documentId], after.Documents.Select(d => d.Id));
        Assert.True(File.Exists(Path.Combine(app.FilesFolder, "documents", before.Documents.Single().StorageKey)));
        Assert.Empty((await FindOrganizationAsync(app, ownId))!.Documents);
    }

    [Fact]
    public async Task RegistrationPages_AreForRepresentatives_OthersAreRefused()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        using var anonymous = app.CreateAppClient(followRedirects: false);
        var toLogin = await anonymous.GetAsync("/Registration");
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.StartsWith("/Account/Login", toLogin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        foreach (var role in new[] { Roles.Agent, Roles.CycleManager })
        {
            using var client = await CycleTestData.SignedInAsync(app, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Registration")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Registration/Create?cycleId={cycleId}")).StatusCode);
        }
    }

    [Fact]
    public async Task Create_InACycleStillBeingConfiguredOrUnknown_IsNotFound()
    {
        app.Clock.SetLimaDay(InsideWindow);
        int draftId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var actor = new Actor("seed", "Semilla", new HashSet<string> { "0801" });
            var draft = Cycle.Create("0801", 2031, "Ciclo en configuración", Money.FromSoles(1_000_000m), actor, DateTimeOffset.UtcNow);
            db.Cycles.Add(draft);
            await db.SaveChangesAsync();
            draftId = draft.Id;
        }

        var (client, userId, _) = await SignedInRepresentativeAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registration/Create?cycleId={draftId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Registration/Create?cycleId=999999")).StatusCode);
        using var forced = await client.PostWithTokenAsync("/Registration", "/Registration/Create",
            [("CycleId", draftId.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. OrganizationFields("Organización Adelantada")]);
        Assert.Equal(HttpStatusCode.NotFound, forced.StatusCode);
        Assert.False(await ReadAsync(app, db => db.Organizations.AnyAsync(o => o.RepresentativeUserId == userId)));
    }
}
