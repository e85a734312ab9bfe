using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PbPeru.Domain.Common;

namespace PbPeru.Web.Infrastructure.Formalization;

public enum ExportFormat
{
    Csv = 0,
    Xlsx = 1,
    Json = 2,
}

/// <summary>A file ready to send: its name, its media type and its bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The approved list as open data, in CSV, XLSX and JSON, with the same columns in the same order
/// (the column dictionary is <see cref="Columns"/>; the pages print it):
/// <c>rank, cui, name, theme, district_ubigeos, total_cost, amount_this_cycle, cofinancing, multiyear, votes, technical_score</c>.
/// <list type="bullet">
/// <item>CSV: UTF-8 with a byte-order mark, comma-separated, quoted as RFC 4180 says (only fields with a
/// comma, a quote or a line break; quotes doubled), CRLF line ends; amounts in soles with two decimals,
/// a point as decimal separator and no thousands separator; lists within a cell separated by "; "
/// (district_ubigeos <c>080101;080102</c> without the space, cofinancing <c>Government: amount; …</c>,
/// multiyear <c>2026: amount; …</c>); empty for a missing value.</item>
/// <item>XLSX: one sheet, a header row, amounts, votes, rank and score as numbers (text cells never formulas).</item>
/// <item>JSON: camelCase, amounts as decimal soles, lists as arrays, and a <c>cycle</c> object with the metadata.</item>
/// </list>
/// </summary>
public static class ApprovedListExport
{
    /// <summary>The columns, in their fixed order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "rank", "cui", "name", "theme", "district_ubigeos", "total_cost", "amount_this_cycle",
        "cofinancing", "multiyear", "votes", "technical_score",
    ];

    public const string License = "CC BY 4.0";

    public const string LicenseUrl = "https://creativecommons.org/licenses/by/4.0/deed.es";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>csv, xlsx or json (any case); anything else is not a format.</summary>
    public static bool TryParseFormat(string? value, out ExportFormat format)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "csv":
                format = ExportFormat.Csv;
                return true;
            case "xlsx":
                format = ExportFormat.Xlsx;
                return true;
            case "json":
                format = ExportFormat.Json;
                return true;
            default:
                format = ExportFormat.Csv;
                return false;
        }
    }

    /// <summary><c>pp-{ubigeo}-{year}-lista-aprobada.{csv|xlsx|json}</c>.</summary>
    public static string FileNameOf(ApprovedList list, ExportFormat format) =>
        $"pp-{list.Ubigeo}-{list.FiscalYear.ToString(CultureInfo.InvariantCulture)}-lista-aprobada.{Extension(format)}";

    public static ExportFile Build(ApprovedList list, ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => new(FileNameOf(list, format), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Xlsx(list)),
        ExportFormat.Json => new(FileNameOf(list, format), "application/json; charset=utf-8", Json(list)),
        _ => new(FileNameOf(list, format), "text/csv; charset=utf-8", Csv(list)),
    };

    /// <summary>Soles with two decimals, a point and no thousands separator: 1234567.05.</summary>
    public static string Amount(Money money) => Soles(money).ToString("0.00", CultureInfo.InvariantCulture);

    public static string? Score(decimal? score) => score?.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Districts(ApprovedProject p) => string.Join(";", p.DistrictUbigeos);

    public static string Cofinancing(ApprovedProject p) =>
        string.Join("; ", p.Cofinancing.Select(c => $"{c.Government}: {Amount(c.Amount)}"));

    public static string Multiyear(ApprovedProject p) =>
        string.Join("; ", p.YearSplit.Select(y => $"{y.FiscalYear.ToString(CultureInfo.InvariantCulture)}: {Amount(y.Amount)}"));

    public static byte[] Csv(ApprovedList list)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Columns).Append("\r\n");
        foreach (var p in list.Projects)
        {
            string?[] fields =
            [
                p.Rank.ToString(CultureInfo.InvariantCulture),
                p.Cui,
                p.Name,
                p.Theme,
                Districts(p),
                Amount(p.TotalCost),
                Amount(p.ThisCycleAmount),
                Cofinancing(p),
                Multiyear(p),
                p.Votes.ToString(CultureInfo.InvariantCulture),
                Score(p.TechnicalScore),
            ];
            text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Json(ApprovedList list)
    {
        var document = new
        {
            Cycle = new
            {
                Id = list.CycleId,
                list.Ubigeo,
                Jurisdiction = list.JurisdictionName,
                list.FiscalYear,
                Ceiling = Soles(list.Ceiling),
                Total = Soles(list.Total),
                Projects = list.Projects.Count,
                Currency = "PEN",
                License,
                LicenseUrl,
            },
            Columns,
            Projects = list.Projects.Select(p => new
            {
                p.Rank,
                p.Cui,
                p.Name,
                p.Theme,
                DistrictUbigeos = p.DistrictUbigeos,
                TotalCost = Soles(p.TotalCost),
                AmountThisCycle = Soles(p.ThisCycleAmount),
                Cofinancing = p.Cofinancing.Select(c => new { c.Government, Amount = Soles(c.Amount) }),
                Multiyear = p.YearSplit.Select(y => new { y.FiscalYear, Amount = Soles(y.Amount) }),
                p.Votes,
                p.TechnicalScore,
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions);
    }

    public static byte[] Xlsx(ApprovedList list)
    {
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();

            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, Columns.Select(c => TextCell(c, HeaderStyle))));
            var r = 2u;
            foreach (var p in list.Projects)
            {
                data.Append(Row(r++,
                [
                    NumberCell(p.Rank, GeneralStyle),
                    TextCell(p.Cui),
                    TextCell(p.Name),
                    TextCell(p.Theme),
                    TextCell(Districts(p)),
                    NumberCell(Soles(p.TotalCost), AmountStyle),
                    NumberCell(Soles(p.ThisCycleAmount), AmountStyle),
                    TextCell(Cofinancing(p)),
                    TextCell(Multiyear(p)),
                    NumberCell(p.Votes, GeneralStyle),
                    p.TechnicalScore is { } score ? NumberCell(score, GeneralStyle) : new Cell(),
                ]));
            }

            var sheetView = new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 });
            var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns(
                new Column { Min = 1, Max = 2, Width = 10, CustomWidth = true },
                new Column { Min = 3, Max = 3, Width = 60, CustomWidth = true },
                new Column { Min = 4, Max = 5, Width = 24, CustomWidth = true },
                new Column { Min = 6, Max = 7, Width = 18, CustomWidth = true },
                new Column { Min = 8, Max = 9, Width = 40, CustomWidth = true },
                new Column { Min = 10, Max = 11, Width = 14, CustomWidth = true });
            sheetPart.Worksheet = new Worksheet(sheetView, columns, data);

            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "lista-aprobada" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private const uint GeneralStyle = 0;
    private const uint AmountStyle = 1;
    private const uint HeaderStyle = 2;

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }, // #,##0.00
            new CellFormat { FontId = 1, ApplyFont = true }));

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = $"{(char)('A' + column)}{index.ToString(CultureInfo.InvariantCulture)}";
            column++;
            row.Append(cell);
        }

        return row;
    }

    private static Cell TextCell(string? value, uint style = GeneralStyle) => string.IsNullOrEmpty(value)
        ? new Cell { StyleIndex = style }
        : new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static Cell NumberCell(decimal value, uint style) => new(new CellValue(value)) { DataType = CellValues.Number, StyleIndex = style };

    /// <summary>XML 1.0 refuses most control characters; a pasted title might carry one.</summary>
    private static string XmlSafe(string value) =>
        value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            ? new string([.. value.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r')])
            : value;

    private static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }

    /// <summary>Soles with exactly two decimals (scale 2), so JSON prints 1234.50.</summary>
    private static decimal Soles(Money money) => money.Centimos * 0.01m;

    private static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "xlsx",
        ExportFormat.Json => "json",
        _ => "csv",
    };
}
