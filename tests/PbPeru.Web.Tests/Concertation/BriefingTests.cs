using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure2;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>The manager writes and publishes the information workshop; the public reads it and downloads its attachments only once published.</summary>
[Trait("Capability", "Concertation")]
public sealed class BriefingTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task The_manager_writes_attaches_and_publishes_and_the_public_reads_it()
    {
        app.Clock.SetLimaDay(ProposalTestData.WorkshopDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0803");
        using var manager = await data.ManagerAsync();
        var url = $"/Cycles/Briefing/{data.CycleId}";
        using var anyone = app.CreateAppClient(followRedirects: false);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/Public/Briefing/{data.CycleId}")).StatusCode);

        var saved = await manager.SubmitAsync(url, "form.briefing-form",
            ("Body", "Bienvenidos al taller.\n\nEl techo de este año se reparte entre los ejes del plan."),
            ("Agreements[0].Description", "Pavimentar el jirón Lima"), ("Agreements[0].State", nameof(AgreementState.Done)), ("Agreements[0].Note", "Obra entregada."),
            ("Agreements[1].Description", "Posta de salud de Izcuchaca"), ("Agreements[1].State", nameof(AgreementState.InProgress)), ("Agreements[1].Note", ""));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await manager.GetPageAsync(url);
        var form = (IHtmlFormElement)page.QuerySelector("form.upload-form")!;
        var token = ((IHtmlInputElement)form.QuerySelector($"input[name='{AppClient.AntiforgeryField}']")!).Value;
        using (var content = new MultipartFormDataContent { { new StringContent(token), AppClient.AntiforgeryField } })
        {
            var file = new ByteArrayContent(SampleFiles.Pdf());
            file.Headers.ContentType = new("application/pdf");
            content.Add(file, "upload", "Informe de rendición.pdf");
            Assert.Equal(HttpStatusCode.Redirect, (await manager.Http.PostAsync(form.GetAttribute("action")!, content)).StatusCode);
        }

        var documentId = await data.ReadAsync(db => db.Briefings.Where(b => b.CycleId == data.CycleId).SelectMany(b => b.Documents).Select(d => d.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/Public/Briefing/{data.CycleId}?handler=Document&documentId={documentId}")).StatusCode);

        // Removing the second agreement.
        var removed = await manager.SubmitAsync(url, "form.briefing-form", ("Agreements[1].Remove", "true"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(url, "form.publish-form")).StatusCode);
        var briefing = await data.ReadAsync(db => db.Briefings.Include(b => b.PreviousAgreements).SingleAsync(b => b.CycleId == data.CycleId));
        Assert.True(briefing.IsPublished);
        Assert.Equal(["Pavimentar el jirón Lima"], briefing.PreviousAgreements.Select(a => a.Description));

        var publicPage = await anyone.GetPageAsync($"/Public/Briefing/{data.CycleId}");
        Assert.Equal(2, publicPage.QuerySelectorAll(".briefing-body p").Length);
        Assert.Contains("3,000,000.00", publicPage.QuerySelector(".ceiling")!.TextContent);
        Assert.Contains("Vías y transporte", publicPage.Body!.TextContent);
        Assert.Contains("Cumplido", publicPage.QuerySelector(".agreement-state")!.TextContent);
        var download = await anyone.GetAsync($"/Public/Briefing/{data.CycleId}?handler=Document&documentId={documentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await anyone.GetPageAsync($"/Public/Call/{data.CycleId}")).QuerySelector($".concertation-links a[href='/Public/Briefing/{data.CycleId}']"));

        // Another jurisdiction's manager may not touch it.
        var otherEmail = $"otro-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(otherEmail, "Otro Gestor", ProposalTestData.Password, [PbPeru.Web.Identity.Roles.CycleManager], "0901");
        using var other = await data.SignedInAsync(otherEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).StatusCode);
    }
}
