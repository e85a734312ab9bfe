using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Web.Tests.Infrastructure;
using PbPeru.Web.Tests.Infrastructure2;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>The proposer's side of a ficha through the real pages: create, revise, submit, the window, access, bad input, observations.</summary>
[Trait("Capability", "Concertation")]
public sealed class ProposalTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string Ubigeo = "0803"; // Anta (Cusco): Anta 080301 (27,628 people), Ancahuasi 080302 (7,943)

    private static (string, string)[] Ficha(ConcertationCycle data, string title = "Agua potable para Anta", string cost = "150000", string beneficiaries = "2000", string cui = "") =>
    [
        ("Input.Title", title),
        ("Input.Description", "Redes de agua y conexiones domiciliarias."),
        ("Input.ThemeId", data.ThemeIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Input.Districts", data.FirstDistrict),
        ("Input.EstimatedCost", cost),
        ("Input.Beneficiaries", beneficiaries),
        ("Input.Cui", cui),
    ];

    private Task<int> CountAsync(ConcertationCycle data) => data.ReadAsync(db => db.Proposals.CountAsync(p => p.CycleId == data.CycleId));

    [Fact]
    public async Task An_agent_drafts_revises_and_submits_a_proposal_inside_the_window()
    {
        app.Clock.SetLimaDay(ProposalTestData.SubmissionDay);
        var data = await ProposalTestData.NewCycleAsync(app, Ubigeo);
        using var agent = await data.SignedInAsync(data.Organization.Titular.Email);

        var home = await agent.GetPageAsync("/Proposals");
        Assert.NotNull(home.QuerySelector($".open-cycles a[href*='cycleId={data.CycleId}']"));
        Assert.NotNull(home.QuerySelector(".empty-proposals"));

        var created = await agent.SubmitAsync($"/Proposals/Create?cycleId={data.CycleId}", "form.proposal-form",
            [.. Ficha(data), ("Input.Cofinancing[0].Entity", "Comunidad campesina"), ("Input.Cofinancing[0].Amount", "10000"),
             ("Input.Years[0].FiscalYear", data.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Years[0].Amount", "150000")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        var proposal = await data.ReadAsync(db => db.Proposals.Include(p => p.Cofinancing).Include(p => p.Years).Include(p => p.Districts).SingleAsync(p => p.CycleId == data.CycleId));
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Equal(data.Organization.Titular.UserId, proposal.ProposerUserId);
        Assert.Equal(data.Organization.Titular.AgentId, proposal.AgentId);
        Assert.Equal(140_000m, proposal.RequestedAmount.Soles);
        Assert.Equal([data.FirstDistrict], proposal.DistrictUbigeos);

        var revised = await agent.SubmitAsync(editUrl, "form.proposal-form", ("Input.Title", "Agua potable para Anta y Ancahuasi"), ("Input.Districts", data.FirstDistrict), ("Input.Districts", data.SecondDistrict));
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);

        using var pdf = await UploadAsync(agent, editUrl, SampleFiles.Pdf());
        Assert.Equal(HttpStatusCode.Redirect, pdf.StatusCode);
        var page = await agent.GetPageAsync(editUrl);
        var link = page.QuerySelector(".documents a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(link)).StatusCode);

        var submitted = await agent.SubmitAsync(editUrl, "form.submit-form");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var stored = await data.ReadAsync(db => db.Proposals.Include(p => p.Districts).SingleAsync(p => p.Id == proposal.Id));
        Assert.Equal(ProposalStatus.Submitted, stored.Status);
        Assert.Equal("Agua potable para Anta y Ancahuasi", stored.Title);
        Assert.Equal(2, stored.Districts.Count);

        // The organization's representative sees it too.
        using var representative = await data.SignedInAsync(data.Organization.RepresentativeEmail);
        Assert.Equal(HttpStatusCode.OK, (await representative.GetAsync(editUrl)).StatusCode);
        Assert.Contains("Agua potable para Anta y Ancahuasi", (await representative.GetPageAsync("/Proposals")).QuerySelector("table.proposals")!.TextContent);
    }

    [Fact]
    public async Task The_window_is_enforced_on_the_server()
    {
        app.Clock.SetLimaDay(ProposalTestData.SubmissionDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0804");
        var draft = await data.ProposalAsync(submit: false);
        using var agent = await data.SignedInAsync(data.Organization.Titular.Email);
        var createPage = await agent.GetPageAsync($"/Proposals/Create?cycleId={data.CycleId}");
        var editPage = await agent.GetPageAsync($"/Proposals/Edit/{draft}");

        app.Clock.SetLimaDay(ProposalTestData.SubmissionCloses.AddDays(1));
        await agent.LoginAsync(data.Organization.Titular.Email, ProposalTestData.Password); // the session of 20 days ago has expired

        // Forms shown while open, sent after the close: refused with the dates, nothing stored.
        var created = await agent.SubmitAsync(createPage, "form.proposal-form", Ficha(data));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("La presentación de propuestas está cerrada", await created.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(data));

        var revised = await agent.SubmitAsync(editPage, "form.proposal-form", ("Input.Title", "Cambiado tarde"));
        Assert.Contains("La presentación de propuestas está cerrada", await revised.Content.ReadAsStringAsync());
        var submitted = await agent.SubmitAsync(editPage, "form.submit-form");
        Assert.Contains("La presentación de propuestas está cerrada", await submitted.Content.ReadAsStringAsync());
        var stored = await data.ReadAsync(db => db.Proposals.SingleAsync(p => p.Id == draft));
        Assert.Equal(ProposalStatus.Draft, stored.Status);
        Assert.NotEqual("Cambiado tarde", stored.Title);

        // Before it opens too; the page says so instead of showing the form.
        app.Clock.SetLimaDay(ProposalTestData.BeforeSubmission);
        var early = await agent.GetPageAsync($"/Proposals/Create?cycleId={data.CycleId}");
        Assert.NotNull(early.QuerySelector(".window-closed"));
        Assert.Null(early.QuerySelector("form.proposal-form"));
    }

    [Fact]
    public async Task Bad_input_shows_clear_messages_keeps_what_was_typed_and_stores_nothing()
    {
        app.Clock.SetLimaDay(ProposalTestData.SubmissionDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0805");
        using var agent = await data.SignedInAsync(data.Organization.Titular.Email);
        var url = $"/Proposals/Create?cycleId={data.CycleId}";

        var tooExpensive = await agent.SubmitAsync(url, "form.proposal-form", Ficha(data, cost: "600000"));
        var page = await AppClient.ParseAsync(tooExpensive);
        Assert.Contains("El costo estimado supera el máximo del ciclo", page.Body!.TextContent);
        Assert.Equal("600000", ((IHtmlInputElement)page.QuerySelector("input[name='Input.EstimatedCost']")!).Value);
        Assert.Equal("Agua potable para Anta", ((IHtmlInputElement)page.QuerySelector("input[name='Input.Title']")!).Value);

        var tooCheap = await agent.SubmitAsync(url, "form.proposal-form", Ficha(data, cost: "5000"));
        Assert.Contains("El costo estimado está por debajo del mínimo del ciclo", await tooCheap.Content.ReadAsStringAsync());

        var population = await data.ReadAsync(db => db.Jurisdictions.Where(j => j.Ubigeo == data.FirstDistrict).Select(j => j.Population).SingleAsync());
        var tooMany = await agent.SubmitAsync(url, "form.proposal-form", Ficha(data, beneficiaries: (population + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("supera la población de los distritos elegidos", await tooMany.Content.ReadAsStringAsync());

        var badCui = await agent.SubmitAsync(url, "form.proposal-form", Ficha(data, cui: "12345"));
        Assert.Contains("(CUI) debe tener exactamente 7 dígitos", await badCui.Content.ReadAsStringAsync());

        var notMoney = await agent.SubmitAsync(url, "form.proposal-form", Ficha(data, cost: "mucho"));
        Assert.Contains("Escriba el costo estimado en soles", await notMoney.Content.ReadAsStringAsync());

        Assert.Equal(0, await CountAsync(data));
    }

    [Fact]
    public async Task A_double_click_on_create_makes_one_proposal()
    {
        app.Clock.SetLimaDay(ProposalTestData.SubmissionDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0806");
        using var agent = await data.SignedInAsync(data.Organization.Titular.Email);
        var page = await agent.GetPageAsync($"/Proposals/Create?cycleId={data.CycleId}");

        var first = agent.SubmitAsync(page, "form.proposal-form", Ficha(data));
        var second = agent.SubmitAsync(page, "form.proposal-form", Ficha(data));
        var responses = await Task.WhenAll(first, second);
        var third = await agent.SubmitAsync(page, "form.proposal-form", Ficha(data));

        Assert.All(responses.Append(third), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Append(third).Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await CountAsync(data));
    }

    [Fact]
    public async Task A_proposer_is_refused_on_another_ones_proposal()
    {
        app.Clock.SetLimaDay(ProposalTestData.SubmissionDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0807");
        var other = await data.AnotherOrganizationAsync("Comité de Regantes");
        var theirs = await data.ProposalAsync(organization: other, submit: false);
        using var owner = await data.SignedInAsync(other.Titular.Email);
        using (var uploaded = await UploadAsync(owner, $"/Proposals/Edit/{theirs}", SampleFiles.Pdf()))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var documentId = await data.ReadAsync(db => db.Proposals.Where(p => p.Id == theirs).SelectMany(p => p.Documents).Select(d => d.Id).SingleAsync());

        // The first organization's agent and its representative: someone else's proposal does not exist for them.
        foreach (var email in new[] { data.Organization.Titular.Email, data.Organization.RepresentativeEmail, data.Organization.Agents[1].Email })
        {
            using var stranger = await data.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Proposals/Edit/{theirs}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Proposals/Document/{documentId}")).StatusCode);
            var forged = await stranger.PostWithTokenAsync($"/Proposals/Create?cycleId={data.CycleId}", $"/Proposals/Edit/{theirs}", [.. Ficha(data, title: "Secuestrada")]);
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
            var withdraw = await stranger.PostWithTokenAsync($"/Proposals/Create?cycleId={data.CycleId}", $"/Proposals/Edit/{theirs}?handler=Withdraw");
            Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        }

        var stored = await data.ReadAsync(db => db.Proposals.SingleAsync(p => p.Id == theirs));
        Assert.NotEqual("Secuestrada", stored.Title);
        Assert.Equal(ProposalStatus.Draft, stored.Status);
    }

    [Fact]
    public async Task The_proposer_answers_an_observation_and_may_revise_after_the_window()
    {
        app.Clock.SetLimaDay(ProposalTestData.SubmissionDay);
        var data = await ProposalTestData.NewCycleAsync(app, "0808");
        var id = await data.ProposalAsync();
        app.Clock.SetLimaDay(ProposalTestData.EvaluationDay);
        await data.ObserveAsync(id, "Adjunte la cotización de las tuberías.");

        using var agent = await data.SignedInAsync(data.Organization.Titular.Email);
        var url = $"/Proposals/Edit/{id}";
        var page = await agent.GetPageAsync(url);
        Assert.Contains("Adjunte la cotización de las tuberías.", page.QuerySelector(".observation-question")!.TextContent);
        Assert.Equal("2027-04-20", page.QuerySelector(".observation-deadline")!.TextContent.Trim());
        Assert.Equal("Observed", page.QuerySelector(".evaluation-state")!.GetAttribute("data-state"));

        // After the submission window, revising is allowed while answering.
        var revised = await agent.SubmitAsync(page, "form.proposal-form", ("Input.EstimatedCost", "180000"));
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        using (var uploaded = await UploadAsync(agent, url, SampleFiles.Pdf()))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var empty = await agent.SubmitAsync(url, "form.answer-form", ("AnswerText", " "));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotNull((await AppClient.ParseAsync(empty)).QuerySelector(".answer-error"));

        var answered = await agent.SubmitAsync(url, "form.answer-form", ("AnswerText", "Adjuntamos la cotización y corregimos el costo."));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var review = await data.ReadAsync(db => db.ProposalReviews.Include(r => r.Observations).SingleAsync(r => r.ProposalId == id));
        Assert.Equal("Adjuntamos la cotización y corregimos el costo.", review.Observations.Single().Answer);
        Assert.Equal(180_000m, (await data.ReadAsync(db => db.Proposals.SingleAsync(p => p.Id == id))).EstimatedCost.Soles);

        // Answered: the ficha is closed again (the window is over).
        var after = await agent.GetPageAsync(url);
        Assert.Null(after.QuerySelector("form.answer-form"));
        Assert.NotNull(after.QuerySelector("form.proposal-form fieldset[disabled]"));
        var late = await agent.PostWithTokenAsync(url, url, Ficha(data, cost: "190000"));
        Assert.Contains("La presentación de propuestas está cerrada", await late.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> UploadAsync(AppClient client, string editUrl, byte[] bytes)
    {
        var page = await client.GetPageAsync(editUrl);
        var form = page.QuerySelector("form.upload-form") as IHtmlFormElement ?? throw new InvalidOperationException("No upload form.");
        var token = ((IHtmlInputElement)form.QuerySelector($"input[name='{AppClient.AntiforgeryField}']")!).Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), AppClient.AntiforgeryField } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("application/pdf");
        content.Add(file, "upload", "cotizacion.pdf");
        return await client.Http.PostAsync(form.GetAttribute("action")!, content);
    }
}
