using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Formalization;

/// <summary>
/// The approval chain through the manager's page: nothing before the acta, the coordination council
/// before the council, an observed list going back and decided again with the history kept, a
/// repeated form recording one decision, bad input refused with its message, the MEF submission
/// after the council's approval, and the gate fact <see cref="ApprovalQueries.CouncilApprovedAsync"/>.
/// </summary>
[Trait("Capability", "Formalization")]
public sealed class ApprovalPageTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task Chain_ActaFirst_CoordinationCouncilThenCouncil_ObservedGoesBack_ThenMef()
    {
        var data = await ApprovalTestData.CreateAsync(app);
        using var manager = await data.Data.ManagerAsync();
        var url = $"/Cycles/Approvals/{data.Id}";

        // Before the acta: no form, and a forged post records nothing.
        var before = await manager.GetPageAsync(url);
        Assert.NotNull(before.QuerySelector("#decide-needs-acta"));
        Assert.Null(before.QuerySelector("form.decide-form"));
        Assert.NotNull(before.QuerySelector("#no-decisions"));
        Assert.Contains("Aprobación y exportación", before.QuerySelector(".nav-tabs .active")!.TextContent);
        using (var forged = await manager.PostWithTokenAsync(url, $"{url}?handler=Decide",
            ("Decision.Body", "CoordinationCouncil"), ("Decision.Date", "2027-06-09"), ("Decision.AgreementNumber", "A-1"),
            ("Decision.Outcome", "Approved"), ("Decision.CreationKey", Guid.NewGuid().ToString("N")), ("Decision.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("Primero emita el Acta", Errors(await AppClient.ParseAsync(forged)));
        }

        Assert.Equal(0, await DecisionsAsync(data));
        await data.IssueActaAsync();

        // The form is the coordination council's (a province: CCL). The council cannot go first.
        var page = await manager.GetPageAsync(url);
        Assert.Contains("Consejo de Coordinación Local Provincial", page.QuerySelector("#next-body")!.TextContent);
        using (var councilFirst = await manager.SubmitAsync(page, "form.decide-form", ("Decision.Body", "Council"), ("Decision.AgreementNumber", "AC-1"), ("Decision.Confirm", "true")))
        {
            Assert.Contains("después de que el consejo de coordinación apruebe", Errors(await AppClient.ParseAsync(councilFirst)));
        }

        // Observed without observations, a future date, no number, no confirmation: refused with the input kept.
        using (var bad = await manager.SubmitAsync(page, "form.decide-form",
            ("Decision.Outcome", "Observed"), ("Decision.Date", "2027-06-11"), ("Decision.AgreementNumber", ""), ("Decision.Confirm", "true")))
        {
            var errors = Errors(await AppClient.ParseAsync(bad));
            Assert.Contains("no puede ser posterior a hoy", errors);
            Assert.Contains("número del acuerdo o de la resolución", errors);
            Assert.Contains("observaciones", errors);
        }

        using (var unconfirmed = await manager.SubmitAsync(page, "form.decide-form", ("Decision.AgreementNumber", "Acuerdo N.º 007-2027-CCLP")))
        {
            var shown = await AppClient.ParseAsync(unconfirmed);
            Assert.Contains("Marque la casilla", Errors(shown));
            Assert.Equal("Acuerdo N.º 007-2027-CCLP", shown.QuerySelector("#Decision_AgreementNumber")!.GetAttribute("value"));
        }

        Assert.Equal(0, await DecisionsAsync(data));

        // Observed, with its observations: on record; the same form sent twice records it once.
        var observed = new[]
        {
            ("Decision.Outcome", "Observed"), ("Decision.Date", "2027-06-09"), ("Decision.AgreementNumber", "Acuerdo N.º 007-2027-CCLP"),
            ("Decision.Note", "Sustentar el costo del puente de Ñaña."), ("Decision.Confirm", "true"),
        };
        using (var first = await manager.SubmitAsync(page, "form.decide-form", observed))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (var again = await manager.SubmitAsync(page, "form.decide-form", observed))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(1, await DecisionsAsync(data));

        // The list went back: the same body decides again, on a new decision.
        page = await manager.GetPageAsync(url);
        Assert.Contains("Consejo de Coordinación Local Provincial", page.QuerySelector("#next-body")!.TextContent);
        Assert.Contains("decide de nuevo", page.QuerySelector("form.decide-form")!.TextContent);
        using (var approved = await manager.SubmitAsync(page, "form.decide-form", ("Decision.AgreementNumber", "Acuerdo N.º 009-2027-CCLP"), ("Decision.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.False(await data.Data.ReadAsync(db => ApprovalQueries.CouncilApprovedAsync(db, data.Id, CancellationToken.None)));

        // The council rejects with its reason, then approves.
        page = await manager.GetPageAsync(url);
        Assert.Contains("Concejo Municipal", page.QuerySelector("#next-body")!.TextContent);
        using (var rejected = await manager.SubmitAsync(page, "form.decide-form",
            ("Decision.Outcome", "Rejected"), ("Decision.AgreementNumber", "Acuerdo de Concejo N.º 031-2027-MPA"), ("Decision.Note", "Excede lo previsto."), ("Decision.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        }

        page = await manager.GetPageAsync(url);
        Assert.Null(page.QuerySelector("form.mef-form"));
        using (var approved = await manager.SubmitAsync(page, "form.decide-form", ("Decision.AgreementNumber", "Acuerdo de Concejo N.º 033-2027-MPA"), ("Decision.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.True(await data.Data.ReadAsync(db => ApprovalQueries.CouncilApprovedAsync(db, data.Id, CancellationToken.None)));

        // The history keeps all four, as decided; no more decisions; then the MEF.
        page = await manager.GetPageAsync(url);
        var rows = page.QuerySelectorAll("#history tr.decision").ToList();
        Assert.Equal(["Observed", "Approved", "Rejected", "Approved"], rows.Select(r => r.GetAttribute("data-outcome")));
        Assert.Equal("Sustentar el costo del puente de Ñaña.", rows[0].QuerySelector(".note")!.TextContent);
        Assert.Equal("Excede lo previsto.", rows[2].QuerySelector(".note")!.TextContent);
        Assert.NotNull(page.QuerySelector("#decide-done"));
        Assert.Null(page.QuerySelector("form.decide-form"));

        using (var noReference = await manager.SubmitAsync(page, "form.mef-form", ("Mef.Reference", ""), ("Mef.Confirm", "true")))
        {
            Assert.Contains("referencia", Errors(await AppClient.ParseAsync(noReference)));
        }

        using (var mef = await manager.SubmitAsync(page, "form.mef-form", ("Mef.Reference", "Oficio N.º 120-2027-MPA/GM"), ("Mef.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, mef.StatusCode);
        }

        page = await manager.GetPageAsync(url);
        Assert.Equal("Oficio N.º 120-2027-MPA/GM", page.QuerySelector("#mef-reference")!.TextContent);
        Assert.Equal(4, await DecisionsAsync(data));
    }

    [Fact]
    public async Task ADecision_CarriesItsSignedDocument_ForTheManagerToDownload()
    {
        var data = await ApprovalTestData.CreateAsync(app);
        await data.IssueActaAsync();
        using var manager = await data.Data.ManagerAsync();
        var url = $"/Cycles/Approvals/{data.Id}";
        var page = await manager.GetPageAsync(url);
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form.decide-form")!;
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in FormSubmission.CurrentValues(form).Where(v => v.Key != "Decision.AgreementNumber"))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent("Acuerdo N.º 010-2027"), "Decision.AgreementNumber");
        content.Add(new StringContent("true"), "Decision.Confirm");
        content.Add(new ByteArrayContent(pdf), "document", "acuerdo-ccl.pdf");
        using (var posted = await manager.Http.PostAsync(form.GetAttribute("action"), content))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        page = await manager.GetPageAsync(url);
        var link = page.QuerySelector("#history tr.decision a")!;
        Assert.Equal("acuerdo-ccl.pdf", link.TextContent);
        using var download = await manager.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    private static string Errors(IDocument page) => page.QuerySelector(".validation-summary-errors")?.TextContent ?? "";

    private static Task<int> DecisionsAsync(ApprovalTestData data) =>
        data.Data.ReadAsync(db => db.ApprovalDecisions.CountAsync(d => db.ApprovalChains.Any(c => c.Id == d.ApprovalChainId && c.CycleId == data.Id)));
}
