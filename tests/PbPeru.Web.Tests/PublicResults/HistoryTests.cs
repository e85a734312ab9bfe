using System.Net;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Infrastructure.PublicResults;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Formalization;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.PublicResults;

/// <summary>
/// A jurisdiction's history: every announced cycle newest first with its participation, the trend
/// chart with its data table, and each published cycle's agreement (projects with their execution
/// state, the acta's commitments); drafts stay out; an unknown ubigeo is a 404.
/// </summary>
[Trait("Capability", "PublicResults")]
public sealed class HistoryTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task History_ListsEveryCycleNewestFirst_WithParticipation_AndThePublishedAgreements()
    {
        var published = await OpenDataTestData.CreateAsync(app, publish: true);
        var ongoing = await ProposalTestData.NewCycleAsync(app, "0803");
        var draftId = await published.Data.ReadAsync(async db =>
        {
            var draft = Cycle.Create("0803", Cycle.MinFiscalYear, "Presupuesto Participativo 2000 (borrador)", Money.FromSoles(1_000_000m), published.Data.Manager, app.Clock.GetUtcNow());
            db.Cycles.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });

        using var visitor = app.CreateAppClient(followRedirects: false);
        var page = await visitor.GetPageAsync("/Public/History/0803");
        Assert.Contains("Municipalidad Provincial de Anta", page.QuerySelector("main")!.TextContent);

        // Every announced cycle, newest fiscal year first; the draft is not announced.
        var rows = page.QuerySelectorAll("#history-cycles tbody tr").ToList();
        var ids = rows.Select(r => int.Parse(r.GetAttribute("data-cycle")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(published.Id, ids);
        Assert.Contains(ongoing.CycleId, ids);
        Assert.DoesNotContain(draftId, ids);
        Assert.True(ids.IndexOf(ongoing.CycleId) < ids.IndexOf(published.Id), "newest first");
        var years = rows.Select(r => int.Parse(r.QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(years.OrderDescending(), years);

        // Participation from ParticipationQuery: accredited agents, and the shares.
        var stats = await published.Data.ReadAsync(db => ParticipationQuery.ForCycleAsync(db, published.Id, CancellationToken.None));
        var accredited = await published.Data.ReadAsync(db => db.Agents.CountAsync(a => a.CycleId == published.Id && a.IsAccredited));
        Assert.True(accredited > 0);
        Assert.Equal(accredited, stats.Agents);
        var row = rows.Single(r => r.GetAttribute("data-cycle") == published.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(stats.Agents.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[2].TextContent.Trim());
        Assert.Contains("/Public/OpenData/" + published.Id, row.InnerHtml, StringComparison.Ordinal);

        // The trend chart: an image with an accessible name, and its data as a table with headers.
        var chart = page.QuerySelector("svg.history-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.NotNull(page.GetElementById(chart.GetAttribute("aria-labelledby")!.Split(' ')[0]));
        var trend = page.QuerySelectorAll("#trend-table tbody tr").ToList();
        Assert.Contains(trend, r => r.QuerySelector("th")!.TextContent == published.Data.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, chart.QuerySelectorAll("polyline").Length);

        // The published cycle's agreement: its approved projects, with execution state, and the acta's commitments.
        var agreement = page.QuerySelector($"#agreement-{published.Id}")!;
        var projects = agreement.QuerySelectorAll("table.history-projects tbody tr").ToList();
        Assert.Equal(3, projects.Count);
        Assert.Equal(ApprovalTestData.Bridge, projects[0].QuerySelector("th a")!.TextContent);
        Assert.Equal($"/Public/Execution/{published.Id}/1", projects[0].QuerySelector("th a")!.GetAttribute("href"));
        Assert.All(projects, p => Assert.Equal("NotStarted", p.QuerySelector(".execution-state")!.GetAttribute("data-state")));
        Assert.All(projects, p => Assert.Equal("No iniciado", p.QuerySelector(".execution-state")!.TextContent));
        var commitments = agreement.QuerySelectorAll(".history-commitments li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, commitments.Count);
        Assert.Contains(OpenDataTestData.Road.Text, commitments[0], StringComparison.Ordinal);
        Assert.Contains(OpenDataTestData.Watch.Text, commitments[1], StringComparison.Ordinal);
        Assert.Contains(OpenDataTestData.Watch.Responsible, commitments[1], StringComparison.Ordinal);

        // The ongoing cycle has no agreement yet.
        Assert.Null(page.QuerySelector($"#agreement-{ongoing.CycleId}"));
    }

    [Fact]
    public async Task UnknownUbigeo_Is404_AndAJurisdictionWithoutCycles_SaysSo()
    {
        using var visitor = app.CreateAppClient(followRedirects: false);
        using (var response = await visitor.GetAsync("/Public/History/999999"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var response = await visitor.GetAsync("/Public/History/abc"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var page = await visitor.GetPageAsync("/Public/History/0801");
        Assert.NotNull(page.QuerySelector("#no-cycles"));
        Assert.Null(page.QuerySelector("#history-cycles"));
    }
}
