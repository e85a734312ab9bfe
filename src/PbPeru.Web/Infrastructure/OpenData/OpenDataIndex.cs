using PbPeru.Domain.Audit;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Infrastructure.OpenData;

/// <summary>
/// The machine-readable index, <c>/Public/OpenData/index.json</c>: every published cycle with every
/// file — name, kind, format, media type, absolute URL, size in bytes, SHA-256 (lower-case hex of the
/// exact bytes the URL serves) and licence. camelCase; a harvester checks a download with
/// <c>sha256sum</c>.
/// </summary>
public static class OpenDataIndex
{
    public const string Path = "/Public/OpenData/index.json";

    /// <summary>The index; <c>auditHeads</c> gives each cycle's audit chain head now, by cycle id (<c>auditHead</c>: sequence and hash).</summary>
    public static byte[] Build(IReadOnlyList<(OpenDataCycle Cycle, IReadOnlyList<OpenDataFile> Files)> cycles, string origin, IReadOnlyDictionary<int, AuditHead>? auditHeads = null) => OpenDataCsv.Serialize(new
    {
        Title = "PbPeru: datos abiertos del presupuesto participativo",
        ApprovedListExport.License,
        ApprovedListExport.LicenseUrl,
        Cycles = cycles.Select(c => new
        {
            Id = c.Cycle.CycleId,
            Name = c.Cycle.CycleName,
            c.Cycle.Ubigeo,
            Jurisdiction = c.Cycle.JurisdictionName,
            c.Cycle.Government,
            c.Cycle.FiscalYear,
            Page = origin + "/Public/OpenData/" + c.Cycle.CycleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AuditHead = auditHeads?.GetValueOrDefault(c.Cycle.CycleId) is { } head ? new { head.Sequence, head.Hash } : null,
            Files = c.Files.Select(f => new
            {
                f.Name,
                Kind = KindName(f.Kind),
                f.Format,
                MediaType = f.ContentType,
                Url = origin + f.Url,
                f.Size,
                f.Sha256,
                ApprovedListExport.License,
                ApprovedListExport.LicenseUrl,
            }),
        }),
    });

    /// <summary>The kind's stable name in the index: projects, results, participation, ballots.</summary>
    public static string KindName(OpenDataKind kind) => kind switch
    {
        OpenDataKind.Projects => "projects",
        OpenDataKind.Results => "results",
        OpenDataKind.Participation => "participation",
        _ => "ballots",
    };
}
