using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Voting;
using PbPeru.Web.Tests.Concertation;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Formalization;

/// <summary>
/// The approved list's exports read back: CSV and XLSX compared cell by cell with what the database
/// holds (names with accents and ñ, amounts to the céntimo, a project co-financed by three
/// governments and split over two years), JSON's shape, the file names, and who may download.
/// </summary>
[Trait("Capability", "Formalization")]
public sealed class ExportTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private static readonly string[] Header =
        ["rank", "cui", "name", "theme", "district_ubigeos", "total_cost", "amount_this_cycle", "cofinancing", "multiyear", "votes", "technical_score"];

    [Fact]
    public async Task Csv_And_Xlsx_ReadBack_EqualTheDatabase()
    {
        var data = await ApprovalTestData.CreateAsync(app);
        using var manager = await data.Data.ManagerAsync();
        var expected = await ExpectedRowsAsync(data);
        Assert.Equal(3, expected.Count);

        // CSV: UTF-8 with BOM, RFC 4180.
        using var csvResponse = await manager.GetAsync($"/Cycles/Approvals/Export/{data.Id}?format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"pp-0803-{data.Data.FiscalYear}-lista-aprobada.csv", csvResponse.Content.Headers.ContentDisposition!.FileNameStar ?? csvResponse.Content.Headers.ContentDisposition.FileName);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(Header, csv[0]);
        Assert.Equal(expected, csv.Skip(1).ToList());

        // The bridge: ñ and accents intact, three governments' co-financing to the céntimo, two years.
        var bridge = csv.Single(r => r[2] == ApprovalTestData.Bridge);
        Assert.Equal("1", bridge[0]);
        Assert.Equal("480000.55", bridge[5]);
        Assert.Equal("379999.95", bridge[6]);
        Assert.Equal("Gobierno Regional de Cusco: 50000.10; Municipalidad Provincial de Urubamba: 30000.20; Municipalidad Distrital de Huarocondo: 20000.30", bridge[7]);
        Assert.Equal($"{data.Data.FiscalYear}: 300000.00; {data.Data.FiscalYear + 1}: 180000.55", bridge[8]);
        Assert.Equal("080301;080302", bridge[4]);
        Assert.Equal("2", bridge[9]);
        Assert.Equal("82.25", bridge[10]);

        // A name with a comma and quotes is quoted as RFC 4180 says.
        Assert.Contains("\"Aulas de la I.E. \"\"José María Arguedas\"\", sector Cañete\"", Encoding.UTF8.GetString(bytes));

        // XLSX: one sheet, a header row, numbers as numbers.
        using var xlsxResponse = await manager.GetAsync($"/Cycles/Approvals/Export/{data.Id}?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        Assert.Equal($"pp-0803-{data.Data.FiscalYear}-lista-aprobada.xlsx", xlsxResponse.Content.Headers.ContentDisposition!.FileNameStar ?? xlsxResponse.Content.Headers.ContentDisposition.FileName);
        var sheet = ReadXlsx(await xlsxResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(Header, sheet[0].Select(c => c.Text));
        Assert.Equal(expected.Count + 1, sheet.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var row = sheet[i + 1];
            Assert.Equal(expected[i], row.Select(c => c.Number is { } n ? n.ToString(c.IsAmount ? "0.00" : "0.######", CultureInfo.InvariantCulture) : c.Text ?? ""));
            foreach (var column in new[] { 0, 5, 6, 9 })
            {
                Assert.NotNull(row[column].Number);
            }

            Assert.All(new[] { 1, 2, 3, 4, 7, 8 }, column => Assert.Null(row[column].Number));
        }

        var xlsxBridge = sheet.Single(r => r[2].Text == ApprovalTestData.Bridge);
        Assert.Equal(480_000.55m, xlsxBridge[5].Number);
        Assert.Equal(379_999.95m, xlsxBridge[6].Number);
        Assert.Equal(82.25m, xlsxBridge[10].Number);
    }

    [Fact]
    public async Task Json_IsCamelCase_WithAmountsInSoles_ArraysAndTheCycle()
    {
        var data = await ApprovalTestData.CreateAsync(app);
        using var manager = await data.Data.ManagerAsync();
        using var response = await manager.GetAsync($"/Cycles/Approvals/Export/{data.Id}?format=json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var cycle = root.GetProperty("cycle");
        Assert.Equal(data.Id, cycle.GetProperty("id").GetInt32());
        Assert.Equal("0803", cycle.GetProperty("ubigeo").GetString());
        Assert.Equal("Anta", cycle.GetProperty("jurisdiction").GetString());
        Assert.Equal(data.Data.FiscalYear, cycle.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(3_000_000m, cycle.GetProperty("ceiling").GetDecimal());
        Assert.Equal("CC BY 4.0", cycle.GetProperty("license").GetString());
        Assert.Equal(Header, root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));

        var projects = root.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal(3, projects.Count);
        Assert.Equal([1, 2, 3], projects.Select(p => p.GetProperty("rank").GetInt32()));
        Assert.Equal(projects.Sum(p => p.GetProperty("amountThisCycle").GetDecimal()), cycle.GetProperty("total").GetDecimal());
        var bridge = projects.Single(p => p.GetProperty("name").GetString() == ApprovalTestData.Bridge);
        Assert.Equal(480_000.55m, bridge.GetProperty("totalCost").GetDecimal());
        Assert.Equal(379_999.95m, bridge.GetProperty("amountThisCycle").GetDecimal());
        Assert.Equal(["080301", "080302"], bridge.GetProperty("districtUbigeos").EnumerateArray().Select(d => d.GetString()));
        var cofinancing = bridge.GetProperty("cofinancing").EnumerateArray().Select(c => (c.GetProperty("government").GetString(), c.GetProperty("amount").GetDecimal())).ToList();
        Assert.Equal(ApprovalTestData.BridgeCofinancing.Select(c => ((string?)c.Entity, c.Amount)), cofinancing);
        var years = bridge.GetProperty("multiyear").EnumerateArray().Select(y => (y.GetProperty("fiscalYear").GetInt32(), y.GetProperty("amount").GetDecimal())).ToList();
        Assert.Equal([(data.Data.FiscalYear, 300_000m), (data.Data.FiscalYear + 1, 180_000.55m)], years);
        Assert.Equal(2, bridge.GetProperty("votes").GetInt64());
        Assert.Equal(82.25m, bridge.GetProperty("technicalScore").GetDecimal());
        Assert.Contains("Ñaña", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StaffExports_AreForTheManagerOfTheJurisdictionOnly_AndPublicOnesWaitForPublication()
    {
        var data = await ApprovalTestData.CreateAsync(app);
        var staff = $"/Cycles/Approvals/Export/{data.Id}?format=csv";

        // Anonymous: to the login page.
        using (var anonymous = app.CreateAppClient(followRedirects: false))
        using (var response = await anonymous.GetAsync(staff))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(AppClient.LoginPath, response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        // A manager of another jurisdiction: 403, on the export and on the page.
        var email = $"otro-gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Otro Gestor", ProposalTestData.Password, [Roles.CycleManager], "1501");
        using (var other = await data.Data.SignedInAsync(email))
        {
            using var export = await other.GetAsync(staff);
            Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
            using var page = await other.GetAsync($"/Cycles/Approvals/{data.Id}");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        }

        // The manager: an unknown format is a 400, not a 500.
        using var manager = await data.Data.ManagerAsync();
        using (var bad = await manager.GetAsync($"/Cycles/Approvals/Export/{data.Id}?format=pdf"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        // Public: 404 until the cycle is published, then the same file as staff get.
        using var visitor = app.CreateAppClient(followRedirects: false);
        using (var before = await visitor.GetAsync($"/Public/ExportFile/{data.Id}?format=csv"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using (var before = await visitor.GetAsync($"/Public/Exports/{data.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        await data.AdvanceAsync(Phase.Published);
        using var staffCsv = await manager.GetAsync(staff);
        foreach (var format in new[] { "csv", "xlsx", "json" })
        {
            using var file = await visitor.GetAsync($"/Public/ExportFile/{data.Id}?format={format}");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal($"pp-0803-{data.Data.FiscalYear}-lista-aprobada.{format}", file.Content.Headers.ContentDisposition!.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);
        }

        using (var publicCsv = await visitor.GetAsync($"/Public/ExportFile/{data.Id}?format=csv"))
        {
            Assert.Equal(await staffCsv.Content.ReadAsByteArrayAsync(), await publicCsv.Content.ReadAsByteArrayAsync());
        }

        var exports = await visitor.GetPageAsync($"/Public/Exports/{data.Id}");
        var links = exports.QuerySelectorAll("#export-links a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/Public/ExportFile/{data.Id}?format=csv", $"/Public/ExportFile/{data.Id}?format=xlsx", $"/Public/ExportFile/{data.Id}?format=json"], links);
        Assert.Contains("CC BY 4.0", exports.QuerySelector("#open-data-notice")!.TextContent);
        Assert.Equal(Header, exports.QuerySelectorAll("#column-dictionary code").Select(c => c.TextContent));
    }

    /// <summary>The rows the exports must hold, built straight from the stored result, ballot and proposals.</summary>
    private static Task<List<string[]>> ExpectedRowsAsync(ApprovalTestData data) => data.Data.ReadAsync(async db =>
    {
        var vote = await VoteQueries.Votes(db, tracking: false).SingleAsync(v => v.CycleId == data.Id);
        var proposals = await db.Proposals.AsNoTracking().Include(p => p.Districts).Include(p => p.Cofinancing).Include(p => p.Years)
            .Where(p => p.CycleId == data.Id).ToDictionaryAsync(p => p.Id);
        static string Soles(long centimos) => $"{centimos / 100}.{centimos % 100:D2}";
        return vote.Result!.Lines.Where(l => l.SelectionOrder is not null).OrderBy(l => l.SelectionOrder).Select(l =>
        {
            var item = vote.Item(l.Position)!;
            var p = proposals[item.ProposalId!.Value];
            return new[]
            {
                l.SelectionOrder!.Value.ToString(CultureInfo.InvariantCulture),
                item.Cui ?? "",
                item.Title,
                item.ThemeName ?? "",
                string.Join(";", p.Districts.Select(d => d.Ubigeo).Order(StringComparer.Ordinal)),
                Soles(p.EstimatedCost.Centimos),
                Soles(item.Cost.Centimos),
                string.Join("; ", p.Cofinancing.Select(c => $"{c.Entity}: {Soles(c.Amount.Centimos)}")),
                string.Join("; ", p.Years.Select(y => $"{y.FiscalYear}: {Soles(y.Amount.Centimos)}")),
                l.Support.ToString(CultureInfo.InvariantCulture),
                item.TechnicalScore?.ToString("0.######", CultureInfo.InvariantCulture) ?? "",
            };
        }).ToList();
    });

    /// <summary>RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks; CRLF ends a record.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Equal(0, field.Length + row.Count); // the file ends with CRLF
        return rows;
    }

    private sealed record XlsxCell(string? Text, decimal? Number, bool IsAmount);

    private static List<XlsxCell[]> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Single(sheets);
        var part = (WorksheetPart)workbook.GetPartById(sheets[0].Id!.Value!);
        var formats = workbook.WorkbookStylesPart?.Stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        return part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r =>
        {
            var cells = new XlsxCell[Header.Length];
            foreach (var cell in r.Elements<Cell>())
            {
                var column = cell.CellReference!.Value![0] - 'A';
                var numFmt = cell.StyleIndex is { } s && (int)s.Value < formats.Count ? formats[(int)s.Value].NumberFormatId?.Value : null;
                cells[column] = cell.DataType?.Value == CellValues.InlineString
                    ? new XlsxCell(cell.InlineString!.InnerText, null, false)
                    : cell.DataType?.Value == CellValues.SharedString
                        ? new XlsxCell(workbook.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText, null, false)
                        : cell.CellValue is null
                            ? new XlsxCell(null, null, false)
                            : new XlsxCell(null, decimal.Parse(cell.CellValue.Text, NumberStyles.Float, CultureInfo.InvariantCulture), numFmt is 4 or 2);
            }

            return cells.Select(c => c ?? new XlsxCell(null, null, false)).ToArray();
        }).ToList();
    }
}
