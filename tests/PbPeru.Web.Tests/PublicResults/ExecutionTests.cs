using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Execution;
using PbPeru.Web.Infrastructure.Execution;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Formalization;
using PbPeru.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace PbPeru.Web.Tests.PublicResults;

/// <summary>
/// Oversight of execution through the pages: only the cycle's committee and the staff of its
/// jurisdiction record (anyone else 403, anonymous to the login), the public sees each project's
/// timeline with its photos, bad input is refused with its reasons and saves nothing, a double
/// submit makes one entry, the committee's report as page and PDF, and the next cycle's information
/// workshop accounts for the previous cycle's execution.
/// </summary>
[Trait("Capability", "PublicResults")]
public sealed class ExecutionTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Form = "form.execution-form";

    /// <summary>A published cycle (three approved projects) with a two-member committee: the first organization's titular is one.</summary>
    private async Task<ActaTestData> PublishedAsync()
    {
        var data = await ActaTestData.CreateAsync(app);
        await data.Cycle.AdvanceAsync(Phase.Published);
        return data;
    }

    private static string RecordUrl(ActaTestData data, int rank) => $"/Oversight/ExecutionProject/{data.Id}/{rank}";

    private static Task<List<ExecutionEntry>> EntriesAsync(ActaTestData data) => data.Data.ReadAsync(db =>
        db.ExecutionEntries.AsNoTracking().Where(e => db.ProjectExecutions.Any(p => p.Id == e.ProjectExecutionId && p.CycleId == data.Id)).OrderBy(e => e.Id).ToListAsync());

    private static (string, string)[] Update(
        string state = nameof(ExecutionState.InExecution), string progress = "35", string spent = "S/ 120,500.75", string start = "2027-06-01",
        string observations = "Se vació el concreto de la losa.", string tender = "2027-05-02", string plannedEnd = "2027-12-15") =>
    [
        ("Entry.State", state), ("Entry.ProgressPercent", progress), ("Entry.Spent", spent),
        ("Entry.TenderDate", tender), ("Entry.StartDate", start), ("Entry.PlannedEndDate", plannedEnd), ("Entry.ActualEndDate", ""),
        ("Entry.Observations", observations),
    ];

    [Fact]
    public async Task OnlyThisCyclesCommitteeAndStaff_Record_OthersAre403_AnonymousGoesToLogin()
    {
        var data = await PublishedAsync();
        var other = await PublishedAsync();
        var member = data.Data.Organization.Titular;
        var notMember = data.Data.Organization.Agents[1];
        Assert.Contains(await data.CommitteeAsync(), m => m.AgentId == member.AgentId);
        Assert.DoesNotContain(await data.CommitteeAsync(), m => m.AgentId == notMember.AgentId);

        using var memberClient = await data.Data.SignedInAsync(member.Email);
        var list = await memberClient.GetPageAsync($"/Oversight/Execution/{data.Id}");
        Assert.Equal(3, list.QuerySelectorAll(".execution-project").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await memberClient.SubmitAsync(RecordUrl(data, 1), Form, Update())).StatusCode);

        using var manager = await data.Data.ManagerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(RecordUrl(data, 1), Form, Update(progress: "40", observations: "Revisión del personal."))).StatusCode);

        var entries = await EntriesAsync(data);
        Assert.Equal([35, 40], entries.Select(e => e.ProgressPercent));
        Assert.Equal([true, false], entries.Select(e => e.RecordedAsCommittee));
        Assert.Equal(12_050_075, entries[0].Spent.Centimos);

        // A member of another cycle's committee, an agent not on the committee, another cycle's manager.
        using var otherMember = await other.Data.SignedInAsync(other.Data.Organization.Titular.Email);
        using var agent = await data.Data.SignedInAsync(notMember.Email);
        // A manager of another jurisdiction (both test cycles are of Anta, 0803): Cusco province.
        var otherManagerEmail = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(otherManagerEmail, "Gestor de Cusco", ProposalTestData.Password, [Web.Identity.Roles.CycleManager], "0801");
        using var otherManager = await data.Data.SignedInAsync(otherManagerEmail);
        foreach (var client in new[] { otherMember, agent })
        {
            foreach (var url in new[] { $"/Oversight/Execution/{data.Id}", RecordUrl(data, 1), $"/Oversight/Report/{data.Id}" })
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {response.StatusCode}");
            }

            using var post = await client.PostWithTokenAsync("/Oversight", RecordUrl(data, 1), Update());
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        using (var response = await otherManager.GetAsync(RecordUrl(data, 1)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(2, (await EntriesAsync(data)).Count);

        using var anonymous = app.CreateAppClient(followRedirects: false);
        using var login = await anonymous.GetAsync(RecordUrl(data, 1));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(AppClient.LoginPath, login.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ThePublic_SeesTheTimeline_WithPhotos_AndNothingBeforePublication()
    {
        var data = await PublishedAsync();
        using var manager = await data.Data.ManagerAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(RecordUrl(data, 2), Form, Update(nameof(ExecutionState.InTender), "0", "0", "", "Convocatoria publicada en el SEACE."))).StatusCode);

        // The second update with a photo, as the browser sends it (multipart).
        var page = await manager.GetPageAsync(RecordUrl(data, 2));
        var form = (IHtmlFormElement)page.QuerySelector(Form)!;
        var values = FormSubmission.CurrentValues(form);
        foreach (var (name, value) in Update(progress: "60", observations: "Avance de la obra: muros levantados."))
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(KeyValuePair.Create(name, value));
        }

        using (var content = new MultipartFormDataContent())
        {
            foreach (var v in values)
            {
                content.Add(new StringContent(v.Value), v.Key);
            }

            var photo = new ByteArrayContent(Infrastructure2.SampleFiles.Png());
            photo.Headers.ContentType = new("image/png");
            content.Add(photo, "files", "muros.png");
            Assert.Equal(HttpStatusCode.Redirect, (await manager.Http.PostAsync(RecordUrl(data, 2), content)).StatusCode);
        }

        using var anyone = app.CreateAppClient(followRedirects: false);
        var timeline = await anyone.GetPageAsync($"/Public/Execution/{data.Id}/2");
        var entries = timeline.QuerySelectorAll(".timeline-entry");
        Assert.Equal(2, entries.Length);
        Assert.Contains("En ejecución", entries[0].QuerySelector(".entry-state")!.TextContent);
        Assert.Contains("Avance de la obra: muros levantados.", entries[0].TextContent);
        Assert.Contains("Convocatoria publicada en el SEACE.", entries[1].TextContent);
        Assert.Contains("60 %", timeline.QuerySelector("#progress")!.TextContent);
        Assert.Contains("120,500.75", timeline.QuerySelector("#spent")!.TextContent);
        var image = timeline.QuerySelector(".entry-photos img")!.GetAttribute("src")!;
        using (var photo = await anyone.GetAsync(image))
        {
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
        }

        var overview = await anyone.GetPageAsync($"/Public/Execution/{data.Id}");
        Assert.Equal(["No iniciado", "En ejecución", "No iniciado"], overview.QuerySelectorAll(".execution-project .badge").Select(b => b.TextContent.Trim()));
        var views = await data.Data.ReadAsync(db => ExecutionQueries.ForCycleAsync(db, data.Id, CancellationToken.None));
        Assert.Equal([ExecutionState.NotStarted, ExecutionState.InExecution, ExecutionState.NotStarted], views.Select(v => v.State));
        Assert.Equal(60, views[1].ProgressPercent);

        // Before publication: nothing public.
        var draft = await ActaTestData.CreateAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/Public/Execution/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/Public/Execution/{draft.Id}/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/Public/ExecutionReport/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/Public/Execution/{data.Id}/9")).StatusCode);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithItsReasons_TheInputKept_AndNothingSaved()
    {
        var data = await PublishedAsync();
        using var member = await data.Data.SignedInAsync(data.Data.Organization.Titular.Email);

        using var response = await member.SubmitAsync(RecordUrl(data, 1), Form,
            Update(progress: "101", spent: "-5", observations: "Texto conservado", tender: "2027-06-05", plannedEnd: "2027-05-01"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await AppClient.ParseAsync(response);
        var errors = page.QuerySelector(".alert-danger")!.TextContent;
        Assert.Contains("El avance físico va de 0 % a 100 %.", errors);
        Assert.Contains("El monto ejecutado no puede ser negativo.", errors);
        Assert.Contains("La convocatoria no puede ser posterior al inicio.", errors);
        Assert.Contains("El término previsto no puede ser anterior al inicio.", errors);
        Assert.Equal("Texto conservado", page.QuerySelector("#Entry_Observations")!.TextContent);
        Assert.Equal("101", ((IHtmlInputElement)page.QuerySelector("#Entry_ProgressPercent")!).Value);

        using var words = await member.SubmitAsync(RecordUrl(data, 1), Form, [.. Update(spent: "mucho")]);
        Assert.Contains("Escriba el monto ejecutado en soles", (await AppClient.ParseAsync(words)).QuerySelector(".alert-danger")!.TextContent);

        using var suspended = await member.SubmitAsync(RecordUrl(data, 1), Form, [.. Update(state: nameof(ExecutionState.Suspended), observations: "")]);
        Assert.Contains("Un proyecto paralizado necesita observaciones", (await AppClient.ParseAsync(suspended)).QuerySelector(".alert-danger")!.TextContent);

        Assert.Empty(await EntriesAsync(data));
    }

    [Fact]
    public async Task ADoubleSubmit_MakesOneEntry_AlsoAtOnce()
    {
        var data = await PublishedAsync();
        using var manager = await data.Data.ManagerAsync();
        var page = await manager.GetPageAsync(RecordUrl(data, 3));

        // The same form sent twice in a row, then five times at once: one entry.
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(page, Form, Update())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(page, Form, Update())).StatusCode);
        var again = await manager.GetPageAsync(RecordUrl(data, 2));
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => manager.SubmitAsync(again, Form, Update())));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));

        var entries = await EntriesAsync(data);
        Assert.Equal(2, entries.Count);
        Assert.Equal(2, entries.Select(e => e.CreationKey).Distinct().Count());
    }

    [Fact]
    public async Task TheCommittee_IssuesItsReport_PageAndPdf_Public_AndTheNextWorkshopAccountsForIt()
    {
        var data = await PublishedAsync();
        var list = await data.ApprovedListAsync();
        using var member = await data.Data.SignedInAsync(data.Data.Organization.Titular.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync(RecordUrl(data, 1), Form, Update(observations: "Falta señalización en la obra."))).StatusCode);

        // Staff may read the report page but not issue it.
        using var manager = await data.Data.ManagerAsync();
        var staffView = await manager.GetPageAsync($"/Oversight/Report/{data.Id}");
        Assert.Null(staffView.QuerySelector("form.issue-form"));

        var url = $"/Oversight/Report/{data.Id}";
        using (var unconfirmed = await member.SubmitAsync(url, "form.issue-form", ("Issue.Summary", "Sin confirmar")))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        }

        var form = await member.GetPageAsync(url);
        var fields = new[] { ("Issue.PeriodStart", "2027-06-01"), ("Issue.PeriodEnd", "2027-06-10"), ("Issue.Summary", "Un proyecto en ejecución; dos sin iniciar. Pedimos señalización."), ("Issue.Confirm", "true") };
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync(form, "form.issue-form", fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitAsync(form, "form.issue-form", fields)).StatusCode);
        var reports = await data.Data.ReadAsync(db => db.ExecutionReports.Where(r => r.CycleId == data.Id).ToListAsync());
        Assert.Single(reports);

        using var anyone = app.CreateAppClient(followRedirects: false);
        var publicPage = await anyone.GetPageAsync($"/Public/ExecutionReport/{data.Id}");
        Assert.Contains("Pedimos señalización.", publicPage.QuerySelector(".report-summary")!.TextContent);
        Assert.Equal(3, publicPage.QuerySelectorAll(".report-project").Length);
        Assert.Contains("Falta señalización en la obra.", publicPage.QuerySelector(".report-observations")!.TextContent);
        using var pdf = await anyone.GetAsync($"/Public/ExecutionReport/{data.Id}?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = ActaTestData.Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
            Assert.Contains(ActaTestData.Squeeze("Informe del comité de vigilancia"), text);
            foreach (var project in list.Projects)
            {
                Assert.Contains(ActaTestData.Squeeze(project.Name), text);
            }

            Assert.Contains(ActaTestData.Squeeze("S/ 120,500.75"), text);
            Assert.Contains(ActaTestData.Squeeze("Falta señalización en la obra."), text);
            foreach (var m in await data.CommitteeAsync())
            {
                Assert.Contains(ActaTestData.Squeeze(m.FullName), text);
            }
        }

        // The next cycle of the same jurisdiction: its information workshop gives the account.
        var next = await ProposalTestData.NewCycleAsync(app, data.Data.Ubigeo);
        Assert.True(next.FiscalYear > data.Data.FiscalYear);
        await next.WriteAsync(async db =>
        {
            var cycle = await next.LoadCycleAsync(db);
            var briefing = Briefing.Start(cycle, next.Manager, app.Clock.GetUtcNow());
            briefing.Edit(cycle, next.Manager, "Bienvenidos al taller informativo.", [], app.Clock.GetUtcNow());
            briefing.Publish(cycle, next.Manager, app.Clock.GetUtcNow());
            db.Briefings.Add(briefing);
        });
        var workshop = await anyone.GetPageAsync($"/Public/Briefing/{next.CycleId}");
        var account = workshop.QuerySelector("#accountability")!;
        Assert.Contains("Rendición de cuentas", account.TextContent);
        var rows = account.QuerySelectorAll(".accountability-project");
        Assert.Equal(list.Projects.Select(p => p.Name), rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        Assert.Equal(["En ejecución", "No iniciado", "No iniciado"], rows.Select(r => r.QuerySelector(".execution-state")!.TextContent.Trim()));
    }
}
