using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Tests.Infrastructure;
using static PbPeru.Web.Tests.Formalization.ActaTestData;

namespace PbPeru.Web.Tests.Formalization;

/// <summary>
/// The acta through the pages: commitments, issuing (confirmed, once), the PDF read back with
/// PdfPig, immutability of an issued version, a correction as version 2, the public pages, and who
/// may see what.
/// </summary>
[Trait("Capability", "Formalization")]
public sealed class ActaPageTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const string GovernmentCommitment = "Incluir los proyectos priorizados en el Presupuesto Institucional de Apertura 2028.";
    private const string CivilCommitment = "La Asociación de Añahuichi difundirá el avance de las obras en asamblea cada trimestre.";

    [Fact]
    public async Task Acta_IssuedOnce_ItsPdfPrintsEveryProjectAmountAndMember_WithAccentsAndÑ_AndTheHashOnEveryPage()
    {
        var data = await CreateAsync(app);
        using var manager = await data.Data.ManagerAsync();

        // Commitments: a double submit of the add form makes one.
        var page = await manager.GetPageAsync(data.PageUrl);
        Assert.NotNull(page.QuerySelector("#no-commitments"));
        Assert.NotNull(page.QuerySelector("#no-versions"));
        var fields = new[] { ("Commitment.Party", "Government"), ("Commitment.Text", GovernmentCommitment), ("Commitment.Responsible", "Gerencia de Planeamiento y Presupuesto"), ("Commitment.DueDate", "2027-12-31") };
        using (var first = await manager.SubmitAsync(page, "form.commitment-form", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (var again = await manager.SubmitAsync(page, "form.commitment-form", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        using (var civil = await manager.SubmitAsync(data.PageUrl, "form.commitment-form",
            ("Commitment.Party", "CivilSociety"), ("Commitment.Text", CivilCommitment), ("Commitment.Responsible", "Comité de vigilancia")))
        {
            Assert.Equal(HttpStatusCode.Redirect, civil.StatusCode);
        }

        Assert.Equal(2, await data.Data.ReadAsync(db => db.Commitments.CountAsync(c => c.CycleId == data.Id)));

        // Bad input: a clear message, nothing saved, the input kept.
        using (var empty = await manager.SubmitAsync(data.PageUrl, "form.commitment-form", ("Commitment.Party", "Government"), ("Commitment.Text", "Algo"), ("Commitment.Responsible", "")))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            var shown = await AppClient.ParseAsync(empty);
            Assert.Contains(Messages.CommitmentResponsibleRequired.Es.Replace("{0}", "200", StringComparison.Ordinal), shown.QuerySelector(".validation-summary-errors")!.TextContent);
            Assert.Equal("Algo", shown.QuerySelector("#Commitment_Text")!.TextContent);
        }

        Assert.Equal(2, await data.Data.ReadAsync(db => db.Commitments.CountAsync(c => c.CycleId == data.Id)));

        // The draft shows every project; issuing needs the confirmation.
        var ready = await manager.GetPageAsync(data.PageUrl);
        var list = await data.ApprovedListAsync();
        Assert.Equal(list.Projects.Select(p => p.Name), ready.QuerySelectorAll("#draft .acta-project .name").Select(e => e.TextContent));
        Assert.Contains("✓", ready.QuerySelector("#req-committee")!.TextContent);
        var issue = new[] { ("Issue.WorkshopDate", "2027-06-10"), ("Issue.Place", "Anta, local comunal de Compone") };
        using (var unconfirmed = await manager.SubmitAsync(ready, "form.issue-form", issue))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
            Assert.Contains("Marque la casilla", (await AppClient.ParseAsync(unconfirmed)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        Assert.Empty(await data.VersionsAsync());

        // Double submit (and a few at once): one version.
        var confirmed = issue.Append(("Issue.Confirm", "true")).ToArray();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => manager.SubmitAsync(ready, "form.issue-form", confirmed)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        foreach (var a in answers)
        {
            a.Dispose();
        }

        var version = Assert.Single(await data.VersionsAsync());
        Assert.Equal(1, version.Number);
        Assert.Null(version.Reason);
        Assert.Equal(ActaVersion.HashOf(version.Content), version.Hash);
        Assert.True(await data.Data.ReadAsync(db => ActaQueries.IsIssuedAsync(db, data.Id, CancellationToken.None)));

        // The PDF: every project name and amount as printed, every committee member, the commitments, accents and ñ, the hash and version on every page.
        using var pdfResponse = await manager.GetAsync($"/Cycles/Acta/Pdf/{version.Id}");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType!.MediaType);
        var pages = PdfPages(await pdfResponse.Content.ReadAsByteArrayAsync());
        var text = Squeeze(string.Concat(pages));
        Assert.Contains(Squeeze("Acta de Acuerdos y Compromisos"), text);
        var committee = await data.CommitteeAsync();
        Assert.Equal(2, committee.Count);
        Assert.NotEmpty(list.Projects);
        foreach (var project in list.Projects)
        {
            Assert.Contains(Squeeze(project.Name), text);
            Assert.Contains(Squeeze(project.ThisCycleAmount.ToString(Spanish)), text);
        }

        Assert.Contains(Squeeze(list.Total.ToString(Spanish)), text);
        Assert.Contains(Squeeze(ApprovalTestData.Bridge), text);
        Assert.Contains("Ñaña–Señor", string.Concat(pages));
        foreach (var (government, amount) in ApprovalTestData.BridgeCofinancing)
        {
            Assert.Contains(Squeeze($"{government}: {Money.FromSoles(amount).ToString(Spanish)}"), text);
        }

        foreach (var member in committee)
        {
            Assert.Contains(Squeeze(member.FullName), text);
            Assert.Contains(Squeeze(member.OrganizationName), text);
        }

        Assert.Contains("Añahuichi", string.Concat(pages));
        Assert.Contains("Huamán", string.Concat(pages));
        Assert.Contains(Squeeze(GovernmentCommitment), text);
        Assert.Contains(Squeeze(CivilCommitment), text);
        Assert.Contains(Squeeze("Anta, local comunal de Compone"), text);
        Assert.All(pages, p => Assert.Contains(version.Hash, p));
        Assert.All(pages, p => Assert.Contains("Versión 1", p));
        Assert.Contains("S/ ", string.Concat(pages));

        // The printable page: from the stored content, with the hash.
        var printable = await manager.GetPageAsync($"/Cycles/Acta/Version/{version.Id}");
        Assert.Equal(version.Hash, printable.QuerySelector("#acta-hash")!.TextContent);
        Assert.Equal(list.Projects.Select(p => p.Name), printable.QuerySelectorAll(".acta-project .name").Select(e => e.TextContent));
        Assert.Equal(list.Projects.Select(p => p.ThisCycleAmount.ToString(Spanish)), printable.QuerySelectorAll(".acta-project .amount").Select(e => e.TextContent));
        Assert.Equal(committee.Select(m => m.FullName), printable.QuerySelectorAll(".acta-member .name").Select(e => e.TextContent));

        // Agents present: the two titulars who voted in the final vote, with their organizations.
        var voters = await data.Data.ReadAsync(db => (
                from b in db.AgentBallots
                join a in db.Agents on b.AgentId equals a.Id
                join o in db.Organizations on a.OrganizationId equals o.Id
                where a.CycleId == data.Id
                select o.Name)
            .ToListAsync());
        Assert.Equal(2, voters.Count);
        Assert.Equal(voters.Order(), printable.QuerySelectorAll(".acta-agent td:last-child").Select(e => e.TextContent).Order());

        // Public at once, for anyone, with the same hash; the public PDF too.
        using var anonymous = app.CreateAppClient(followRedirects: false);
        var publicPage = await anonymous.GetPageAsync($"/Public/Acta/{data.Id}");
        Assert.Equal(version.Hash, publicPage.QuerySelector("#acta-hash")!.TextContent);
        using var publicPdf = await anonymous.GetAsync($"/Public/ActaPdf/{version.Id}");
        Assert.Equal(HttpStatusCode.OK, publicPdf.StatusCode);
        Assert.All(PdfPages(await publicPdf.Content.ReadAsByteArrayAsync()), p => Assert.Contains(version.Hash, p));
    }

    [Fact]
    public async Task IssuedVersion_DoesNotChangeWithTheData_AndACorrectionMakesVersion2_WithItsReasonAndAnotherHash()
    {
        var data = await CreateAsync(app);
        using var manager = await data.Data.ManagerAsync();
        using (var added = await manager.SubmitAsync(data.PageUrl, "form.commitment-form",
            ("Commitment.Party", "Government"), ("Commitment.Text", GovernmentCommitment), ("Commitment.Responsible", "Gerencia de Planeamiento")))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using (var issued = await manager.SubmitAsync(data.PageUrl, "form.issue-form", ("Issue.Place", "Anta"), ("Issue.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        }

        var first = Assert.Single(await data.VersionsAsync());
        var firstHtml = (await manager.GetPageAsync($"/Cycles/Acta/Version/{first.Id}")).QuerySelector("article.acta-document")!.OuterHtml;
        var firstPdf = await PdfTextAsync(manager, $"/Cycles/Acta/Pdf/{first.Id}");

        // The data change after issuing: a commitment edited, another added.
        var page = await manager.GetPageAsync(data.PageUrl);
        Assert.NotNull(page.QuerySelector("#no-changes"));
        var commitmentId = page.QuerySelector("#commitment-list tr.commitment")!.GetAttribute("data-id");
        using (var edited = await manager.SubmitAsync($"{data.PageUrl}?edit={commitmentId}", "form.commitment-form", ("Commitment.Text", "Texto cambiado después de emitir.")))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        using (var added = await manager.SubmitAsync(data.PageUrl, "form.commitment-form",
            ("Commitment.Party", "CivilSociety"), ("Commitment.Text", CivilCommitment), ("Commitment.Responsible", "Comité de vigilancia")))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        // Version 1 is what it was: stored content and hash, page and PDF.
        var stored = Assert.Single(await data.VersionsAsync());
        Assert.Equal((first.Content, first.Hash), (stored.Content, stored.Hash));
        Assert.Equal(firstHtml, (await manager.GetPageAsync($"/Cycles/Acta/Version/{first.Id}")).QuerySelector("article.acta-document")!.OuterHtml);
        Assert.Equal(firstPdf, await PdfTextAsync(manager, $"/Cycles/Acta/Pdf/{first.Id}"));
        Assert.Contains(Squeeze(GovernmentCommitment), firstPdf);
        Assert.DoesNotContain(Squeeze(CivilCommitment), firstPdf);

        // A correction needs its reason.
        var changed = await manager.GetPageAsync(data.PageUrl);
        Assert.Null(changed.QuerySelector("#no-changes"));
        using (var noReason = await manager.SubmitAsync(changed, "form.correct-form", ("Issue.Confirm", "true")))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains(Messages.ActaReasonRequired.Es.Replace("{0}", "1000", StringComparison.Ordinal), (await AppClient.ParseAsync(noReason)).QuerySelector(".validation-summary-errors")!.TextContent);
        }

        Assert.Single(await data.VersionsAsync());

        const string Reason = "Se corrigió el compromiso del gobierno y se añadió el de la sociedad civil.";
        var correct = new[] { ("Issue.Reason", Reason), ("Issue.Confirm", "true") };
        using (var corrected = await manager.SubmitAsync(changed, "form.correct-form", correct))
        {
            Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        }

        using (var repeated = await manager.SubmitAsync(changed, "form.correct-form", correct))
        {
            Assert.Equal(HttpStatusCode.Redirect, repeated.StatusCode);
        }

        var versions = await data.VersionsAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        var second = versions[1];
        Assert.Equal(Reason, second.Reason);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(ActaVersion.HashOf(second.Content), second.Hash);
        Assert.Equal((first.Content, first.Hash), (versions[0].Content, versions[0].Hash));

        var secondPdf = await PdfTextAsync(manager, $"/Cycles/Acta/Pdf/{second.Id}");
        Assert.Contains(Squeeze(CivilCommitment), secondPdf);
        Assert.Contains(Squeeze("Texto cambiado después de emitir."), secondPdf);
        Assert.Contains(Squeeze(Reason), secondPdf);
        Assert.Contains(second.Hash, secondPdf);
        Assert.Contains("Versión2", secondPdf);

        // The public page shows version 2 as the one in force and lists both with reason and hash.
        using var anonymous = app.CreateAppClient(followRedirects: false);
        var publicPage = await anonymous.GetPageAsync($"/Public/Acta/{data.Id}");
        Assert.Equal(second.Hash, publicPage.QuerySelector("#acta-hash")!.TextContent);
        Assert.Contains(Reason, publicPage.QuerySelector("#acta-reason")!.TextContent);
        var rows = publicPage.QuerySelectorAll("#public-versions tr.version");
        Assert.Equal(["2", "1"], rows.Select(r => r.GetAttribute("data-number")));
        Assert.Equal([second.Hash, first.Hash], rows.Select(r => r.QuerySelector(".hash")!.TextContent));
        Assert.Equal(Reason, rows[0].QuerySelector(".reason")!.TextContent);
        var older = await anonymous.GetPageAsync($"/Public/Acta/{data.Id}?version=1");
        Assert.Equal(first.Hash, older.QuerySelector("#acta-hash")!.TextContent);
        Assert.NotNull(older.QuerySelector("#not-latest"));
    }

    [Fact]
    public async Task IssuedVersion_HasNoUpdatePath_InTheDatabaseMapping()
    {
        var data = await CreateAsync(app);
        await data.Cycle.IssueActaAsync();
        var version = Assert.Single(await data.VersionsAsync());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tracked = await db.ActaVersions.SingleAsync(v => v.Id == version.Id);
        db.Entry(tracked).Property(v => v.Content).CurrentValue = "{\"changed\":true}";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Equal(version.Content, Assert.Single(await data.VersionsAsync()).Content);
    }

    [Fact]
    public async Task Issue_WithoutTheCommitteeElected_IsRefusedWithAClearMessage_AndNothingIsIssued()
    {
        var data = await CreateAsync(app, withCommittee: false);
        using var manager = await data.Data.ManagerAsync();
        var page = await manager.GetPageAsync(data.PageUrl);
        Assert.Contains("✗", page.QuerySelector("#req-committee")!.TextContent);

        using var refused = await manager.SubmitAsync(page, "form.issue-form", ("Issue.Place", "Anta"), ("Issue.Confirm", "true"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Messages.ActaNeedsCommittee.Es, (await AppClient.ParseAsync(refused)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Empty(await data.VersionsAsync());
        Assert.False(await data.Data.ReadAsync(db => db.Actas.AnyAsync(a => a.CycleId == data.Id)));
    }

    [Fact]
    public async Task Access_AnonymousAndOtherJurisdictions_GetNoStaffActa_AndThePublicActaWaitsForTheFirstVersion()
    {
        var data = await CreateAsync(app);
        using var anonymous = app.CreateAppClient(followRedirects: false);
        using (var before = await anonymous.GetAsync($"/Public/Acta/{data.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        await data.Cycle.IssueActaAsync();
        var version = Assert.Single(await data.VersionsAsync());

        foreach (var url in new[] { data.PageUrl, $"/Cycles/Acta/Version/{version.Id}", $"/Cycles/Acta/Pdf/{version.Id}" })
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(AppClient.LoginPath, response.Headers.Location!.AbsolutePath(), StringComparison.Ordinal);
        }

        var email = $"gestor-otro-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Gestor de Otra Provincia", ProposalTestDataPassword, [Roles.CycleManager], "0806");
        using var other = await data.Data.SignedInAsync(email);
        foreach (var url in new[] { data.PageUrl, $"/Cycles/Acta/Version/{version.Id}", $"/Cycles/Acta/Pdf/{version.Id}" })
        {
            using var response = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var forged = await other.PostWithTokenAsync("/Cycles", $"{data.PageUrl}?handler=SaveCommitment",
            ("Commitment.Party", "Government"), ("Commitment.Text", "Intruso"), ("Commitment.Responsible", "Nadie")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        Assert.False(await data.Data.ReadAsync(db => db.Commitments.AnyAsync(c => c.CycleId == data.Id)));
        using var missing = await anonymous.GetAsync($"/Public/ActaPdf/{version.Id + 100_000}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private const string ProposalTestDataPassword = Concertation.ProposalTestData.Password;

    private static async Task<string> PdfTextAsync(AppClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Squeeze(string.Concat(PdfPages(await response.Content.ReadAsByteArrayAsync())));
    }
}

internal static class UriPaths
{
    /// <summary>The path of a redirect's location, relative or absolute.</summary>
    public static string AbsolutePath(this Uri uri) => uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
}
