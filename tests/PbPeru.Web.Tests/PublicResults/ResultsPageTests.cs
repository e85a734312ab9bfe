using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.PublicResults;

/// <summary>
/// The public results page through HTTP: hidden (404) until the cycle is Published; then every approved
/// project with its amount, votes and technical score as the approved list holds them; each chart an
/// accessible SVG image followed by the table of its figures, the tables adding up to the approved total;
/// the links to the acta, exports, open data, survey and each project's execution.
/// </summary>
[Trait("Capability", "PublicResults")]
public sealed class ResultsPageTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PE");

    [Fact]
    public async Task Results_Are404_UntilPublished_AndForAnUnknownCycle()
    {
        var data = await ResultsTestData.CreateAsync(app, projects: 6, organizations: 5);
        using var visitor = app.CreateAppClient(followRedirects: false);
        using (var before = await visitor.GetAsync($"/Public/Results/{data.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using (var unknown = await visitor.GetAsync("/Public/Results/987654"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // The call does not link results before publication either.
        var callBefore = await visitor.GetPageAsync($"/Public/Call/{data.Id}");
        Assert.Null(callBefore.QuerySelector("#results-link"));

        await data.PublishAsync();
        using (var after = await visitor.GetAsync($"/Public/Results/{data.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        // Linked from the call and from the count's result page.
        var call = await visitor.GetPageAsync($"/Public/Call/{data.Id}");
        Assert.Equal($"/Public/Results/{data.Id}", call.QuerySelector("#results-link")!.GetAttribute("href"));
        var result = await visitor.GetPageAsync($"/Public/Result/{data.Id}");
        Assert.Equal($"/Public/Results/{data.Id}", result.QuerySelector("#results-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Page_ShowsTheApprovedList_WithAmountsVotesAndScores_AndChartsWithTheirTables()
    {
        var data = await ResultsTestData.CreateAsync(app, projects: 12, organizations: 10);
        await data.PublishAsync();
        var list = await data.Data.ReadAsync(db => ApprovedListQuery.ForCycleAsync(db, data.Id, CancellationToken.None));
        Assert.NotNull(list);
        Assert.Equal(12, list.Projects.Count);

        using var visitor = app.CreateAppClient();
        var page = await visitor.GetPageAsync($"/Public/Results/{data.Id}");

        // Every approved project, in order, with what the approved list says.
        var rows = page.QuerySelectorAll("#projects tbody tr").ToList();
        Assert.Equal(list.Projects.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var p = list.Projects[i];
            var cells = rows[i].Children.Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(p.Rank.ToString(CultureInfo.InvariantCulture), cells[0]);
            Assert.StartsWith(p.Name, cells[1], StringComparison.Ordinal);
            Assert.Contains($"CUI {p.Cui}", cells[1], StringComparison.Ordinal);
            Assert.Equal(p.Theme, cells[2]);
            Assert.Equal(p.ThisCycleAmount.ToString(Spanish), cells[4]);
            Assert.Equal(p.TotalCost.ToString(Spanish), cells[5]);
            Assert.Equal(p.Votes.ToString("N0", Spanish), cells[6]);
            Assert.Equal(p.TechnicalScore!.Value.ToString("0.##", Spanish), cells[7]);
            Assert.Equal($"/Public/Execution/{data.Id}/{p.Rank}", rows[i].QuerySelector("a")!.GetAttribute("href"));
        }

        Assert.Contains("Ñuñoa", page.QuerySelector("#projects")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(list.Total.ToString(Spanish), page.QuerySelector("#total-amount")!.TextContent.Trim());

        // Themes and districts: each table adds up to the approved total, to the céntimo.
        foreach (var table in new[] { "#table-theme", "#table-district" })
        {
            var amounts = page.QuerySelectorAll($"{table} tbody tr").Select(r => Soles(r.Children[2].TextContent)).ToList();
            Assert.NotEmpty(amounts);
            Assert.Equal(list.Total.Soles, amounts.Sum());
        }

        // Three themes; project k in theme k % 3 → 4 projects each.
        Assert.Equal([4, 4, 4], page.QuerySelectorAll("#table-theme tbody tr").Select(r => int.Parse(r.Children[1].TextContent, CultureInfo.InvariantCulture)));

        // Every chart: an SVG image named by its own title and description, followed by a table (or,
        // for the votes, pointing at the projects table that holds them).
        var charts = page.QuerySelectorAll("svg.chart").ToList();
        Assert.Equal(["chart-votes", "chart-theme", "chart-district", "chart-sex", "chart-type", "chart-agent-district", "chart-age"], charts.Select(c => c.Id));
        foreach (var chart in charts)
        {
            Assert.Equal("img", chart.GetAttribute("role"));
            var ids = chart.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.Equal(2, ids.Length);
            Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(page.GetElementById(id)?.TextContent)));
            var figure = chart.Closest("figure")!;
            if (chart.Id == "chart-votes")
            {
                Assert.Contains("#projects", figure.QuerySelector("figcaption a")!.GetAttribute("href"), StringComparison.Ordinal);
            }
            else
            {
                var table = figure.NextElementSibling!;
                Assert.Equal("TABLE", table.TagName);
                Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
            }
        }

        // The votes chart has one column per project (one path of rectangles) and names its axis by rank.
        Assert.Equal(list.Projects.Count, page.QuerySelector("#chart-votes path")!.GetAttribute("d")!.Count(c => c == 'z'));

        // Links: exports, open data, the survey, the count's detail; the acta only once issued.
        var links = page.QuerySelectorAll("#results-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/Public/Exports/{data.Id}", links);
        Assert.Contains($"/Public/OpenData/{data.Id}", links);
        Assert.Contains($"/Public/Survey/{data.Id}", links);
        Assert.Contains($"/Public/Result/{data.Id}", links);
        Assert.DoesNotContain($"/Public/Acta/{data.Id}", links);

        // Printable: the chrome is marked no-print, the print button is there.
        Assert.NotNull(page.QuerySelector("button[data-print].no-print"));
        Assert.NotNull(page.QuerySelector("nav.no-print"));
        Assert.NotNull(page.QuerySelector("link[href^='/css/charts.css']"));
    }

    [Fact]
    public async Task ParticipationTables_AreTheQueryFigures_AndTheQuotaIsStated()
    {
        var data = await ResultsTestData.CreateAsync(app, projects: 6, organizations: 10, womenQuota: 30);
        await data.PublishAsync();
        using var visitor = app.CreateAppClient();
        var page = await visitor.GetPageAsync($"/Public/Results/{data.Id}");
        var stats = await data.Data.ReadAsync(db => PbPeru.Web.Infrastructure.PublicResults.ParticipationQuery.ForCycleAsync(db, data.Id, CancellationToken.None));

        static List<(string Key, int Count)> Table(IDocument page, string id) => page.QuerySelectorAll($"#{id} tbody tr")
            .Select(r => (r.GetAttribute("data-key")!, int.Parse(r.Children[1].TextContent, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("es-PE")))).ToList();

        Assert.Equal(stats.BySex.Select(r => (r.Key, r.Count)), Table(page, "table-sex"));
        Assert.Equal(stats.ByOrganizationType.Select(r => (r.Key, r.Count)), Table(page, "table-type"));
        Assert.Equal(stats.ByDistrict.Select(r => (r.Key, r.Count)), Table(page, "table-agent-district"));
        Assert.Equal(stats.ByAgeBand.Select(r => (r.Key, r.Count)), Table(page, "table-age"));
        Assert.Equal(stats.Agents.ToString("N0", Spanish), page.QuerySelector("#total-agents")!.TextContent.Trim());

        // Women titulars 4 of 9 (see ResultsParticipationTests): the 30 % quota is met.
        Assert.Contains("La cuota se cumplió.", page.QuerySelector("#quota-status")!.TextContent, StringComparison.Ordinal);

        await data.Data.WriteAsync(async db =>
        {
            var cycle = await db.Cycles.SingleAsync(c => c.Id == data.Id);
            db.Entry(cycle).ComplexProperty(c => c.AccreditationRules).Property(r => r.WomenMinimumSharePercent).CurrentValue = 60;
        });
        page = await visitor.GetPageAsync($"/Public/Results/{data.Id}");
        Assert.Contains("La cuota no se cumplió.", page.QuerySelector("#quota-status")!.TextContent, StringComparison.Ordinal);

        await data.Data.WriteAsync(async db =>
        {
            var cycle = await db.Cycles.SingleAsync(c => c.Id == data.Id);
            db.Entry(cycle).ComplexProperty(c => c.AccreditationRules).Property(r => r.WomenMinimumSharePercent).CurrentValue = null;
        });
        page = await visitor.GetPageAsync($"/Public/Results/{data.Id}");
        Assert.Contains("Este proceso no fijó una cuota de mujeres.", page.QuerySelector("#quota-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssuedActa_IsLinked()
    {
        var data = await ResultsTestData.CreateAsync(app, projects: 3, organizations: 1);
        await data.Data.WriteAsync(async db =>
        {
            var cycle = await data.Data.LoadCycleAsync(db);
            var acta = Domain.Formalization.Acta.Of(cycle);
            acta.Issue(cycle, data.Data.Manager, new Domain.Formalization.ActaFacts(true, true),
                new Domain.Formalization.ActaIssueInput(new DateOnly(2027, 6, 10), "Local comunal", null), _ => "{}", app.Clock.GetUtcNow());
            db.Actas.Add(acta);
        });
        await data.PublishAsync();
        using var visitor = app.CreateAppClient();
        var page = await visitor.GetPageAsync($"/Public/Results/{data.Id}");
        Assert.Contains($"/Public/Acta/{data.Id}", page.QuerySelectorAll("#results-links a").Select(a => a.GetAttribute("href")));
    }

    /// <summary>"S/ 1,234.56" → 1234.56.</summary>
    private static decimal Soles(string text) => decimal.Parse(text.Replace("S/", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, Spanish);
}
