using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PbPeru.Cli;
using PbPeru.Web.Infrastructure.PublicResults;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Tests.Formalization;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.PublicResults;

/// <summary>
/// Open data: the <c>.pb</c> listed in the index recounts with the command line to the published
/// selection; every checksum and size in <c>index.json</c> is that of the bytes downloaded; the
/// files say what the database holds; a cycle not yet published is absent and its files 404.
/// </summary>
[Trait("Capability", "PublicResults")]
public sealed class OpenDataTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task BallotsFromOpenData_RecountWithTheCommandLine_ToThePublishedSelection()
    {
        var data = await OpenDataTestData.CreateAsync(app, publish: true);
        using var visitor = app.CreateAppClient(followRedirects: false);
        using var index = await IndexAsync(visitor);
        var ballots = FilesOf(index, data.Id).Single(f => f.GetProperty("kind").GetString() == "ballots");
        Assert.Equal("pb", ballots.GetProperty("format").GetString());

        var bytes = await DownloadAsync(visitor, ballots.GetProperty("url").GetString()!);

        // The same bytes /Public/Ballots serves.
        using (var published = await visitor.GetAsync($"/Public/Ballots/{data.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            Assert.Equal(await published.Content.ReadAsByteArrayAsync(), bytes);
        }

        var path = Path.Combine(app.FilesFolder, $"open-data-{data.Id}.pb");
        Directory.CreateDirectory(app.FilesFolder);
        await File.WriteAllBytesAsync(path, bytes);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CommandLine.Run(["count", path, "--rule", "file", "--json"], stdout, stderr);

        Assert.True(exit == CommandLine.Done, stderr.ToString());
        using var recount = JsonDocument.Parse(stdout.ToString());
        var recounted = recount.RootElement.GetProperty("selected").EnumerateArray().Select(e => e.GetString()!).ToList();
        var vote = await data.Data.ReadAsync(db => VoteQueries.Votes(db, tracking: false).SingleAsync(v => v.CycleId == data.Id));
        var stored = vote.Result!.Selected.Select(l => vote.Item(l.Position)!.Key).ToList();
        Assert.NotEmpty(stored);
        Assert.Equal(stored, recounted);
        Assert.Equal(vote.Result.RuleName, recount.RootElement.GetProperty("rule").GetString());

        // The results file of the same index says the same selection, in the same order, with the same ids.
        var resultsJson = FilesOf(index, data.Id).Single(f => f.GetProperty("kind").GetString() == "results" && f.GetProperty("format").GetString() == "json");
        using var results = JsonDocument.Parse(await DownloadAsync(visitor, resultsJson.GetProperty("url").GetString()!));
        var selected = results.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("selected").GetBoolean())
            .OrderBy(i => i.GetProperty("selectionOrder").GetInt32())
            .Select(i => i.GetProperty("projectId").GetString()!)
            .ToList();
        Assert.Equal(stored, selected);
    }

    [Fact]
    public async Task IndexJson_ChecksumsAndSizes_AreThoseOfTheBytesDownloaded()
    {
        var data = await OpenDataTestData.CreateAsync(app, publish: true);
        using var visitor = app.CreateAppClient(followRedirects: false);
        using var index = await IndexAsync(visitor);
        Assert.Equal("CC BY 4.0", index.RootElement.GetProperty("license").GetString());

        var ours = FilesOf(index, data.Id);
        Assert.Equal(
            ["projects/csv", "projects/json", "results/csv", "results/json", "participation/csv", "participation/json", "ballots/pb"],
            ours.Select(f => $"{f.GetProperty("kind").GetString()}/{f.GetProperty("format").GetString()}"));

        var all = index.RootElement.GetProperty("cycles").EnumerateArray().SelectMany(c => c.GetProperty("files").EnumerateArray()).ToList();
        Assert.True(all.Count >= ours.Count);
        foreach (var file in all)
        {
            var url = file.GetProperty("url").GetString()!;
            Assert.True(Uri.IsWellFormedUriString(url, UriKind.Absolute), url);
            var bytes = await DownloadAsync(visitor, url);
            Assert.Equal(file.GetProperty("size").GetInt64(), bytes.LongLength);
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal("CC BY 4.0", file.GetProperty("license").GetString());
            Assert.Equal("https://creativecommons.org/licenses/by/4.0/deed.es", file.GetProperty("licenseUrl").GetString());

            // A second download is the same bytes: nothing in a file depends on the moment or the reader.
            Assert.Equal(bytes, await DownloadAsync(visitor, url));
        }

        // The reader's language changes neither a file nor its checksum.
        foreach (var file in ours)
        {
            var bytes = await DownloadAsync(visitor, new Uri(file.GetProperty("url").GetString()!).PathAndQuery + "?culture=en&ui-culture=en");
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        // The cycle's page and the index page print the same checksums, with the licence.
        foreach (var page in new[] { $"/Public/OpenData/{data.Id}", "/Public/OpenData" })
        {
            var document = await visitor.GetPageAsync(page);
            var scope = page == "/Public/OpenData" ? document.QuerySelector($"#cycle-{data.Id}")! : document.DocumentElement;
            var rows = scope.QuerySelectorAll("table.open-data-files tbody tr").ToList();
            Assert.Equal(ours.Select(f => f.GetProperty("name").GetString()), rows.Select(r => r.GetAttribute("data-file")));
            Assert.Equal(ours.Select(f => f.GetProperty("sha256").GetString()), rows.Select(r => r.QuerySelector("code.sha256")!.TextContent));
            Assert.Equal(ours.Select(f => new Uri(f.GetProperty("url").GetString()!).PathAndQuery), rows.Select(r => r.QuerySelector("a[download]")!.GetAttribute("href")));
            Assert.Contains("CC BY 4.0", document.QuerySelector("#open-data-notice")!.TextContent);
        }
    }

    [Fact]
    public async Task Files_SayWhatTheDatabaseHolds()
    {
        var data = await OpenDataTestData.CreateAsync(app, publish: true);
        using var visitor = app.CreateAppClient(followRedirects: false);
        using var index = await IndexAsync(visitor);
        var files = FilesOf(index, data.Id).ToDictionary(f => $"{f.GetProperty("kind").GetString()}/{f.GetProperty("format").GetString()}");

        // Projects: the approved list's own export, byte for byte.
        using (var export = await visitor.GetAsync($"/Public/ExportFile/{data.Id}?format=csv"))
        {
            Assert.Equal(await export.Content.ReadAsByteArrayAsync(), await DownloadAsync(visitor, files["projects/csv"].GetProperty("url").GetString()!));
        }

        Assert.Equal($"pp-0803-{data.Data.FiscalYear}-lista-aprobada.csv", files["projects/csv"].GetProperty("name").GetString());

        // Results: every ballot item, with its support and selection, in ballot order.
        var vote = await data.Data.ReadAsync(db => VoteQueries.Votes(db, tracking: false).SingleAsync(v => v.CycleId == data.Id));
        var csvBytes = await DownloadAsync(visitor, files["results/csv"].GetProperty("url").GetString()!);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        var lines = Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("project_id,position,name,cui,theme,cost,technical_score,support,selected,selection_order", lines[0]);
        Assert.Equal(vote.Items.Count, lines.Length - 1);
        var result = vote.Result!;
        foreach (var item in vote.Items.OrderBy(i => i.Position))
        {
            var line = result.Lines.Single(l => l.Position == item.Position);
            var row = lines.Single(l => l.StartsWith(item.Key + ",", StringComparison.Ordinal));
            var expectedTail = $",{line.Support},{(line.IsSelected ? 1 : 0)},{line.SelectionOrder}";
            Assert.EndsWith(expectedTail, row, StringComparison.Ordinal);
        }

        Assert.Contains(ApprovalTestData.Bridge, Encoding.UTF8.GetString(csvBytes));
        Assert.Contains("\"Aulas de la I.E. \"\"José María Arguedas\"\", sector Cañete\"", Encoding.UTF8.GetString(csvBytes));

        // Participation: the figures of ParticipationQuery, CSV and JSON alike.
        var stats = await data.Data.ReadAsync(db => ParticipationQuery.ForCycleAsync(db, data.Id, CancellationToken.None));
        var participationCsv = Encoding.UTF8.GetString(await DownloadAsync(visitor, files["participation/csv"].GetProperty("url").GetString()!)).TrimStart('\uFEFF');
        var participationLines = participationCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("measure,key,label,value", participationLines[0]);
        Assert.Contains($"agents,,Agentes acreditados,{stats.Agents}", participationLines);
        Assert.Contains($"titulars,,Agentes titulares,{stats.Titulars}", participationLines);
        Assert.All(stats.BySex, r => Assert.Contains($"by_sex,{r.Key},{r.Label},{r.Count}", participationLines));
        using var participation = JsonDocument.Parse(await DownloadAsync(visitor, files["participation/json"].GetProperty("url").GetString()!));
        Assert.Equal(stats.Agents, participation.RootElement.GetProperty("agents").GetInt32());
        Assert.Equal(stats.WomenShare, participation.RootElement.GetProperty("womenShare").GetDecimal());
        Assert.Equal(data.Id, participation.RootElement.GetProperty("cycle").GetProperty("id").GetInt32());
        Assert.Equal("CC BY 4.0", participation.RootElement.GetProperty("cycle").GetProperty("license").GetString());
    }

    [Fact]
    public async Task UnpublishedCycle_IsAbsent_AndItsFilesAre404()
    {
        var data = await OpenDataTestData.CreateAsync(app, publish: false);
        var results = $"/Public/OpenDataFile/{data.Id}/pp-0803-{data.Data.FiscalYear}-resultados.csv";
        using var visitor = app.CreateAppClient(followRedirects: false);

        using (var index = await IndexAsync(visitor))
        {
            Assert.DoesNotContain(index.RootElement.GetProperty("cycles").EnumerateArray(), c => c.GetProperty("id").GetInt32() == data.Id);
        }

        foreach (var url in new[] { $"/Public/OpenData/{data.Id}", results })
        {
            using var response = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Null((await visitor.GetPageAsync("/Public/OpenData")).QuerySelector($"#cycle-{data.Id}"));

        // Published: there, and the same file answers; a name the cycle does not have is still a 404.
        await data.AdvanceAsync(Domain.Cycles.Phase.Published);
        using (var index = await IndexAsync(visitor))
        {
            Assert.Contains(index.RootElement.GetProperty("cycles").EnumerateArray(), c => c.GetProperty("id").GetInt32() == data.Id);
        }

        using (var response = await visitor.GetAsync(results))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        }

        foreach (var url in new[] { $"/Public/OpenDataFile/{data.Id}/otro.csv", $"/Public/OpenDataFile/{data.Id + 100_000}/pp-0803-{data.Data.FiscalYear}-resultados.csv", "/Public/OpenData/999999" })
        {
            using var response = await visitor.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static async Task<JsonDocument> IndexAsync(AppClient client)
    {
        using var response = await client.GetAsync("/Public/OpenData/index.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    private static List<JsonElement> FilesOf(JsonDocument index, int cycleId) =>
        [.. index.RootElement.GetProperty("cycles").EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == cycleId).GetProperty("files").EnumerateArray()];

    private static async Task<byte[]> DownloadAsync(AppClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(url).PathAndQuery : url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
