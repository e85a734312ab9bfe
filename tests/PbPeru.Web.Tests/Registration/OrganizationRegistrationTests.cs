using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Documents;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure2;
using static PbPeru.Web.Tests.Registration.RegistrationTestData;

namespace PbPeru.Web.Tests.Registration;

/// <summary>A representative registers its organization, its agents and its documents, sends it, and corrects it when observed.</summary>
[Trait("Capability", "Preparation")]
public sealed class OrganizationRegistrationTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private string DocumentsFolder => Path.Combine(app.FilesFolder, "documents");

    private int StoredFiles => Directory.Exists(DocumentsFolder) ? Directory.GetFiles(DocumentsFolder).Length : 0;

    [Fact]
    public async Task Submit_TellsTheJurisdictionsManagersInTheApp_OnceEvenWhenSentTwice()
    {
        app.Clock.SetLimaDay(InsideWindow);
        const string Province = "0801";
        var cycleId = await OpenCycleAsync(app, Province);
        var manager = await app.CreateUserAsync($"gestor-{Guid.NewGuid():N}@prueba.pe", "Gestor Avisado", "una clave larga de prueba", [Roles.CycleManager], Province);
        var elsewhere = await app.CreateUserAsync($"gestor-{Guid.NewGuid():N}@prueba.pe", "Gestor de Otra Provincia", "una clave larga de prueba", [Roles.CycleManager], "0802");
        var (client, _, _) = await SignedInRepresentativeAsync(app);
        var id = await CreateOrganizationAsync(client, cycleId, "Asociación de Vivienda Los Andes");
        await AddAgentAsync(client, id, AgentFields("41234567"));
        await AddAgentAsync(client, id, AgentFields("41234568", role: "Suplente", givenNames: "Pedro", surnames: "Mamani Quispe", sex: "Male"));
        using (var uploaded = await UploadAsync(client, id, "Acta.pdf", SampleFiles.Pdf()))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var edit = await client.GetPageAsync($"/Registration/Edit/{id}");

        using (var sent = await client.SubmitAsync(edit, "form.submit-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using (var again = await client.SubmitAsync(edit, "form.submit-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var notices = await ReadAsync(app, db => db.Notifications.Where(n => n.UserId == manager.Id || n.UserId == elsewhere.Id).ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Equal(manager.Id, notice.UserId);
        Assert.Equal($"/Cycles/Registrations/{cycleId}/Review/{id}", notice.Link);
        Assert.StartsWith("«Asociación de Vivienda Los Andes» envió su inscripción a revisión", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithTwoAgentsAndAPdf_SubmitThenCorrectAfterObservation_IsResubmitted()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, userId, _) = await SignedInRepresentativeAsync(app);

        // The home lists the open cycle and, for now, no organization.
        var home = await client.GetPageAsync("/Registration");
        Assert.NotNull(home.QuerySelector($"a[href='/Registration/Create?cycleId={cycleId}']"));
        Assert.NotNull(home.QuerySelector(".no-organizations"));

        // The district select groups the region's districts by province.
        var create = await client.GetPageAsync($"/Registration/Create?cycleId={cycleId}");
        Assert.Equal(13, create.QuerySelectorAll("select[name='Details.DistrictUbigeo'] optgroup").Length);
        Assert.NotNull(create.QuerySelector("optgroup[label='Provincia de Cusco'] option[value='080104']"));

        var id = await CreateOrganizationAsync(client, cycleId, "Club de Madres Santa Rosa");
        await AddAgentAsync(client, id, AgentFields("45678901"));
        await AddAgentAsync(client, id, AgentFields("4567 8902", role: "Suplente", givenNames: "Juan", surnames: "Condori Apaza", sex: "Male"));
        using (var uploaded = await UploadAsync(client, id, "Acta de constitución.pdf", SampleFiles.Pdf()))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var edit = await client.GetPageAsync($"/Registration/Edit/{id}");
        Assert.Equal(["Titular", "Suplente"], edit.QuerySelectorAll("table.agents tbody tr td:first-child").Select(e => e.TextContent));
        Assert.Contains("Acta de constitución.pdf", Text(edit.QuerySelector("ul.documents")));
        Assert.Null(edit.QuerySelector("form.add-agent")); // one titular and one suplente: the cycle's limit

        using (var sent = await client.SubmitAsync(edit, "form.submit-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var organization = (await FindOrganizationAsync(app, id))!;
        Assert.Equal(OrganizationStatus.Submitted, organization.Status);
        Assert.Equal(userId, organization.RepresentativeUserId);
        Assert.Equal((OrganizationType.WomensOrganization, "080104"), (organization.Type, organization.DistrictUbigeo));
        Assert.Equal(["45678901", "45678902"], organization.Agents.Select(a => a.Dni));
        var document = Assert.Single(organization.Documents);
        Assert.Equal(("Acta de constitución.pdf", "application/pdf"), (document.FileName, document.ContentType));

        // The representative downloads its own document, as an attachment under its name.
        using (var download = await client.GetAsync($"/Registration/Document/{document.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("Acta de constitución.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
            Assert.Equal(SampleFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
        }

        // Sent: nothing can change, and the page says it is under review.
        var sentPage = await client.GetPageAsync($"/Registration/Edit/{id}");
        Assert.Equal("Submitted", sentPage.QuerySelector(".registration-status")!.GetAttribute("data-status"));
        Assert.Null(sentPage.QuerySelector("form.add-agent, form.upload-document, form.submit-form, form.remove-agent"));

        // The cycle manager observes it (the review pages are another feature: through the domain here).
        await ObserveAsync(id, "Adjunte el acta de designación de los agentes, firmada por la junta directiva.");

        var observed = await client.GetPageAsync($"/Registration/Edit/{id}");
        Assert.Equal("Qué debe corregir", Text(observed.QuerySelector("#observation-heading")));
        Assert.Equal("Adjunte el acta de designación de los agentes, firmada por la junta directiva.", Text(observed.QuerySelector(".observation-note")));
        var decision = observed.QuerySelector("table.decisions tbody tr")!.TextContent;
        Assert.Contains("Observada", decision);
        Assert.Contains("Gestora de Prueba", decision);
        Assert.Contains("10/03/2030", decision); // the Lima date
        var listed = await client.GetPageAsync("/Registration");
        Assert.Contains("Observada", Text(listed.QuerySelector($"tr[data-organization-id='{id}']")));

        // Fixes: the missing document and a corrected address; then resends.
        using (var uploaded = await UploadAsync(client, id, "designacion.png", SampleFiles.Png(), "image/png"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        using (var saved = await client.SubmitAsync($"/Registration/Edit/{id}", "form.details-form", ("Details.Address", "Av. de la Cultura 125")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var resent = await client.SubmitAsync($"/Registration/Edit/{id}", "form.resubmit-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        }

        organization = (await FindOrganizationAsync(app, id))!;
        Assert.Equal(OrganizationStatus.Submitted, organization.Status);
        Assert.Equal("Av. de la Cultura 125", organization.Address);
        Assert.Equal(["application/pdf", "image/png"], organization.Documents.Select(d => d.ContentType));
        Assert.Single(organization.Decisions);
    }

    [Fact]
    public async Task Create_WithARucWhoseCheckDigitIsWrong_SaysSoAndStoresNothing()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, userId, _) = await SignedInRepresentativeAsync(app);

        using var response = await client.SubmitAsync($"/Registration/Create?cycleId={cycleId}", "#organization-form",
            OrganizationFields("Asociación Civil Qosqo", registryKind: "Ruc", registryNumber: "20131312954"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal("El RUC no es válido: debe tener 11 dígitos y un dígito verificador correcto.",
            Text(page.QuerySelector("[data-valmsg-for='Details.RegistryNumber']")));
        Assert.Equal("Asociación Civil Qosqo", (page.QuerySelector("input[name='Details.Name']") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);
        Assert.False(await ReadAsync(app, db => db.Organizations.AnyAsync(o => o.RepresentativeUserId == userId)));

        // With the right check digit it goes through.
        using var fixedRuc = await client.SubmitAsync($"/Registration/Create?cycleId={cycleId}", "#organization-form",
            OrganizationFields("Asociación Civil Qosqo", registryKind: "Ruc", registryNumber: ValidRuc));
        Assert.Equal(HttpStatusCode.Redirect, fixedRuc.StatusCode);
    }

    [Fact]
    public async Task Create_WithADistrictOutsideTheCycle_IsRefused()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, userId, _) = await SignedInRepresentativeAsync(app);

        using var response = await client.SubmitAsync($"/Registration/Create?cycleId={cycleId}", "#organization-form",
            OrganizationFields("Junta Vecinal Miraflores").With("Details.DistrictUbigeo", "150122"));

        var page = await AppClient.ParseAsync(response);
        Assert.Equal("Elija un distrito de la jurisdicción del ciclo.", Text(page.QuerySelector("[data-valmsg-for='Details.DistrictUbigeo']")));
        Assert.False(await ReadAsync(app, db => db.Organizations.AnyAsync(o => o.RepresentativeUserId == userId)));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567A")]
    public async Task AddAgent_WithADniThatIsNotEightDigits_SaysSoAndStoresNothing(string dni)
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, _, _) = await SignedInRepresentativeAsync(app);
        var id = await CreateOrganizationAsync(client, cycleId, "Comunidad Campesina de Ccorca");

        using var response = await client.SubmitAsync($"/Registration/Edit/{id}", "form.add-agent", AgentFields(dni));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal("El DNI debe tener exactamente 8 dígitos.", Text(page.QuerySelector("[data-valmsg-for='NewAgent.Dni']")));
        Assert.Equal(dni, (page.QuerySelector("input[name='NewAgent.Dni']") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);
        Assert.Empty((await FindOrganizationAsync(app, id))!.Agents);
    }

    [Fact]
    public async Task AddAgent_WithADniAnotherOrganizationRegisteredInTheCycle_SaysSoAndStoresNothing()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var otherId = await OtherOrganizationWithAgentAsync(app, cycleId, "40404040");
        var (client, _, _) = await SignedInRepresentativeAsync(app);
        var id = await CreateOrganizationAsync(client, cycleId, "Organización Juvenil Wayna");

        using var response = await client.SubmitAsync($"/Registration/Edit/{id}", "form.add-agent", AgentFields("4040 4040"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal("El DNI 40404040 ya está inscrito en este ciclo.", Text(page.QuerySelector(".agent-error")));
        Assert.Empty((await FindOrganizationAsync(app, id))!.Agents);
        Assert.Single((await FindOrganizationAsync(app, otherId))!.Agents);

        // The same DNI in another cycle is another matter.
        var otherCycleId = await OpenCycleAsync(app);
        var elsewhere = await CreateOrganizationAsync(client, otherCycleId, "Organización Juvenil Wayna");
        await AddAgentAsync(client, elsewhere, AgentFields("40404040"));
    }

    [Fact]
    public async Task AddAgent_SameDniForTwoOrganizationsAtOnce_OnlyOneGetsIt_TheOtherReadsWhy()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (first, _, _) = await SignedInRepresentativeAsync(app);
        var (second, _, _) = await SignedInRepresentativeAsync(app);
        var firstId = await CreateOrganizationAsync(first, cycleId, "Asociación de Vivienda Los Andes");
        var secondId = await CreateOrganizationAsync(second, cycleId, "Asociación de Vivienda Las Lomas");
        var firstPage = await first.GetPageAsync($"/Registration/Edit/{firstId}");
        var secondPage = await second.GetPageAsync($"/Registration/Edit/{secondId}");

        var responses = await Task.WhenAll(
            first.SubmitAsync(firstPage, "form.add-agent", AgentFields("50505050")),
            second.SubmitAsync(secondPage, "form.add-agent", AgentFields("50505050")));

        Assert.Equal(1, await ReadAsync(app, db => db.Agents.CountAsync(a => a.CycleId == cycleId && a.Dni == "50505050")));
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal("El DNI 50505050 ya está inscrito en este ciclo.", Text((await AppClient.ParseAsync(refused)).QuerySelector(".agent-error")));
    }

    [Fact]
    public async Task AddAgent_BeyondTheCycleLimit_SaysSoAndStoresNothing()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, _, _) = await SignedInRepresentativeAsync(app);
        var id = await CreateOrganizationAsync(client, cycleId, "Federación de Mujeres de Anta");
        await AddAgentAsync(client, id, AgentFields("11111111"));
        await AddAgentAsync(client, id, AgentFields("22222222", role: "Suplente", givenNames: "Rosa"));

        // The page offers no third; a stale page or a crafted post is refused by the cycle's rule.
        using var response = await client.PostWithTokenAsync($"/Registration/Edit/{id}", $"/Registration/Edit/{id}?handler=AddAgent",
            AgentFields("33333333", givenNames: "Lucía"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        Assert.Equal("La organización ya tiene 1 titular(es), el máximo del ciclo.", Text(page.QuerySelector(".agent-error")));
        Assert.Equal(2, (await FindOrganizationAsync(app, id))!.Agents.Count);
    }

    [Fact]
    public async Task AddAgent_UnderTheMinimumAge_SaysSo()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, _, _) = await SignedInRepresentativeAsync(app);
        var id = await CreateOrganizationAsync(client, cycleId, "Club Juvenil Inti");

        using var response = await client.SubmitAsync($"/Registration/Edit/{id}", "form.add-agent",
            AgentFields("60606060").With("NewAgent.BirthDate", "2013-01-01"));

        Assert.Equal("El agente debe tener al menos 18 años.", Text((await AppClient.ParseAsync(response)).QuerySelector(".agent-error")));
        Assert.Empty((await FindOrganizationAsync(app, id))!.Agents);
    }

    [Fact]
    public async Task Upload_OfAnExecutableRenamedPdf_IsRefusedAndNothingIsStored()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, _, _) = await SignedInRepresentativeAsync(app);
        var id = await CreateOrganizationAsync(client, cycleId, "Asociación de Artesanos de Pisac");
        var filesBefore = StoredFiles;

        using var response = await UploadAsync(client, id, "estatuto.pdf", SampleFiles.WindowsExecutable());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Solo se aceptan archivos PDF, PNG o JPEG.", Text((await AppClient.ParseAsync(response)).QuerySelector(".document-error")));
        Assert.Empty((await FindOrganizationAsync(app, id))!.Documents);
        Assert.Equal(filesBefore, StoredFiles);
    }

    [Fact]
    public async Task Upload_LargerThanFiveMegabytes_IsRefusedAndNothingIsStored()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, _, _) = await SignedInRepresentativeAsync(app);
        var id = await CreateOrganizationAsync(client, cycleId, "Asociación de Productores de Papa Nativa");
        var filesBefore = StoredFiles;

        using var response = await UploadAsync(client, id, "padron.pdf", SampleFiles.PdfOfSize(DocumentRules.MaxSizeBytes + 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("El archivo pesa más de 5 MB.", Text((await AppClient.ParseAsync(response)).QuerySelector(".document-error")));
        Assert.Empty((await FindOrganizationAsync(app, id))!.Documents);
        Assert.Equal(filesBefore, StoredFiles);
    }

    [Fact]
    public async Task Upload_Empty_IsRefused_AndRemovingADocumentDeletesItsFile()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, _, _) = await SignedInRepresentativeAsync(app);
        var id = await CreateOrganizationAsync(client, cycleId, "Asociación Cultural Tusuq");

        using (var empty = await UploadAsync(client, id, "vacio.pdf", []))
        {
            Assert.Equal("El archivo está vacío.", Text((await AppClient.ParseAsync(empty)).QuerySelector(".document-error")));
        }

        using (var uploaded = await UploadAsync(client, id, "foto.jpg", SampleFiles.Jpeg(), "image/jpeg"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var document = Assert.Single((await FindOrganizationAsync(app, id))!.Documents);
        Assert.True(File.Exists(Path.Combine(DocumentsFolder, document.StorageKey)));

        using (var removed = await client.SubmitAsync($"/Registration/Edit/{id}", "form.remove-document"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.Empty((await FindOrganizationAsync(app, id))!.Documents);
        Assert.False(File.Exists(Path.Combine(DocumentsFolder, document.StorageKey)));
    }

    [Fact]
    public async Task Submit_WithoutTitularOrDocument_ListsWhatIsMissing()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, _, _) = await SignedInRepresentativeAsync(app);
        var id = await CreateOrganizationAsync(client, cycleId, "Vaso de Leche Villa María");

        using var response = await client.SubmitAsync($"/Registration/Edit/{id}", "form.submit-form");

        var errors = (await AppClient.ParseAsync(response)).QuerySelectorAll(".submit-error").Select(e => e.TextContent).ToList();
        Assert.Equal(["Inscriba al menos un agente titular antes de enviar.", "Adjunte al menos un documento de sustento antes de enviar."], errors);
        Assert.Equal(OrganizationStatus.Draft, (await FindOrganizationAsync(app, id))!.Status);
    }

    [Fact]
    public async Task Registration_AfterTheWindowClosed_IsRefusedWithTheDatesAndStoresNothing()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (early, _, earlyEmail) = await SignedInRepresentativeAsync(app);
        var draftId = await CreateOrganizationAsync(early, cycleId, "Comité de Regantes de Huarocondo");
        var createPage = await early.GetPageAsync($"/Registration/Create?cycleId={cycleId}");
        var draftPage = await early.GetPageAsync($"/Registration/Edit/{draftId}");

        app.Clock.SetLimaDay(AfterWindow);
        var (late, lateUserId, _) = await SignedInRepresentativeAsync(app);

        // Not offered any more…
        var home = await late.GetPageAsync("/Registration");
        Assert.Null(home.QuerySelector($"a[href='/Registration/Create?cycleId={cycleId}']"));
        var closed = await late.GetPageAsync($"/Registration/Create?cycleId={cycleId}");
        Assert.Contains("La inscripción está cerrada: las fechas de inscripción son del 2/03/2030 al 27/03/2030.", closed.Body!.TextContent);
        Assert.Null(closed.QuerySelector("#organization-form"));

        // …and refused when sent anyway, from a page loaded while it was open.
        using var lateCreate = await late.PostWithTokenAsync("/Registration", "/Registration/Create", [("CycleId", cycleId.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. OrganizationFields("Junta Vecinal Tardía")]);
        Assert.Contains("La inscripción está cerrada", (await AppClient.ParseAsync(lateCreate)).Body!.TextContent);
        Assert.False(await ReadAsync(app, db => db.Organizations.AnyAsync(o => o.RepresentativeUserId == lateUserId)));

        await early.LoginAsync(earlyEmail, Password); // the clock moved past the sign-in cookie's life
        using var lateAgent = await early.SubmitAsync(draftPage, "form.add-agent", AgentFields("70707070"));
        Assert.Contains("La inscripción está cerrada", Text((await AppClient.ParseAsync(lateAgent)).QuerySelector(".agent-error")));
        Assert.Empty((await FindOrganizationAsync(app, draftId))!.Agents);
        var lateDraft = await early.GetPageAsync($"/Registration/Edit/{draftId}");
        Assert.Contains("La inscripción está cerrada", lateDraft.QuerySelector("#status")!.TextContent);
        Assert.Null(lateDraft.QuerySelector("form.add-agent, form.upload-document, form.submit-form"));
        Assert.NotNull(createPage.QuerySelector("#organization-form"));
    }

    [Fact]
    public async Task Create_PostedTwiceAtOnce_RegistersOneOrganization()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, userId, _) = await SignedInRepresentativeAsync(app);
        var page = await client.GetPageAsync($"/Registration/Create?cycleId={cycleId}");

        var responses = await Task.WhenAll(
            client.SubmitAsync(page, "#organization-form", OrganizationFields("Asociación de Mujeres Emprendedoras")),
            client.SubmitAsync(page, "#organization-form", OrganizationFields("Asociación de Mujeres Emprendedoras")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(responses[0].Headers.Location, responses[1].Headers.Location);
        Assert.Equal(1, await ReadAsync(app, db => db.Organizations.CountAsync(o => o.RepresentativeUserId == userId)));
    }

    [Fact]
    public async Task AddAgentAndSubmit_PostedTwiceAtOnce_RecordOnce()
    {
        app.Clock.SetLimaDay(InsideWindow);
        var cycleId = await OpenCycleAsync(app);
        var (client, _, _) = await SignedInRepresentativeAsync(app);
        var id = await CreateOrganizationAsync(client, cycleId, "Asociación de Pescadores de Lucre");
        var page = await client.GetPageAsync($"/Registration/Edit/{id}");

        var added = await Task.WhenAll(
            client.SubmitAsync(page, "form.add-agent", AgentFields("80808080")),
            client.SubmitAsync(page, "form.add-agent", AgentFields("80808080")));
        foreach (var response in added)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, await ErrorsAsync(response));
        }

        Assert.Single((await FindOrganizationAsync(app, id))!.Agents);

        var filesBefore = StoredFiles;
        var uploads = await Task.WhenAll(
            UploadAsync(client, id, "acta.pdf", SampleFiles.Pdf()),
            UploadAsync(client, id, "acta.pdf", SampleFiles.Pdf()));
        Assert.All(uploads, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single((await FindOrganizationAsync(app, id))!.Documents);
        Assert.Equal(filesBefore + 1, StoredFiles); // the second copy's file was deleted

        var ready = await client.GetPageAsync($"/Registration/Edit/{id}");
        var sent = await Task.WhenAll(client.SubmitAsync(ready, "form.submit-form"), client.SubmitAsync(ready, "form.submit-form"));
        Assert.All(sent, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(OrganizationStatus.Submitted, (await FindOrganizationAsync(app, id))!.Status);
    }

    private async Task ObserveAsync(int organizationId, string note)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organization = await db.Organizations.Include(o => o.Agents).Include(o => o.Documents).Include(o => o.Decisions)
            .SingleAsync(o => o.Id == organizationId);
        var cycle = await db.Cycles.SingleAsync(c => c.Id == organization.CycleId);
        var manager = new Actor("gestora", "Gestora de Prueba", new HashSet<string> { cycle.JurisdictionUbigeo });
        organization.Observe(cycle, manager, note, app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }
}
