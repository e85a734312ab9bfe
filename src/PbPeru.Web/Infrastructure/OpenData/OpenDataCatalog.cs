using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Infrastructure.PublicResults;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web.Infrastructure.OpenData;

/// <summary>What an open-data file holds.</summary>
public enum OpenDataKind
{
    /// <summary>The approved list (<see cref="ApprovedListExport"/>).</summary>
    Projects = 0,

    /// <summary>Every ballot item with its support and whether it was selected (<see cref="ResultsExport"/>).</summary>
    Results = 1,

    /// <summary>Participation statistics (<see cref="ParticipationExport"/>).</summary>
    Participation = 2,

    /// <summary>The anonymized ballots, pabulib <c>.pb</c> (<see cref="BallotsFile"/>), the same bytes as <c>/Public/Ballots/{id}</c>.</summary>
    Ballots = 3,
}

/// <summary>A published cycle as the open-data pages and index describe it (names in Spanish).</summary>
public sealed record OpenDataCycle(int CycleId, string CycleName, string Ubigeo, string JurisdictionName, string Government, int FiscalYear, Phase Phase);

/// <summary>One open-data file with the exact bytes served; its size and SHA-256 are of those bytes.</summary>
public sealed record OpenDataFile(int CycleId, OpenDataKind Kind, string Name, string Format, string ContentType, byte[] Content)
{
    public long Size => Content.LongLength;

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex (as <c>sha256sum</c> prints it).</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));

    public string Url => OpenDataCatalog.UrlOf(CycleId, Name);
}

/// <summary>
/// The open data of every published cycle (phase Published or later): for each, CSV and JSON of the
/// approved projects, of the result and of the participation statistics, and the anonymized ballots
/// (<c>.pb</c>) when the cycle was decided by an online vote. Every file is built from the stored data
/// in Spanish and the invariant culture — never from the reader's language or the time of the
/// request — so the bytes a checksum was computed on are the bytes a later download gets.
/// </summary>
public static class OpenDataCatalog
{
    public const string PathPrefix = "/Public/OpenDataFile";

    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-PE");

    public static string UrlOf(int cycleId, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{PathPrefix}/{cycleId}/{Uri.EscapeDataString(name)}");

    /// <summary>Every published cycle, newest fiscal year first, then by jurisdiction.</summary>
    public static async Task<IReadOnlyList<OpenDataCycle>> PublishedCyclesAsync(AppDbContext db, IStringLocalizer t, CancellationToken ct)
    {
        var rows = await (
            from c in db.Cycles.AsNoTracking()
            where c.Phase >= Phase.Published
            join j in db.Jurisdictions.AsNoTracking() on c.JurisdictionUbigeo equals j.Ubigeo
            orderby c.FiscalYear descending, c.JurisdictionUbigeo, c.Id
            select new { c.Id, c.Name, c.FiscalYear, c.Phase, Jurisdiction = j }).ToListAsync(ct);
        return InSpanish(() => rows
            .Select(r => new OpenDataCycle(r.Id, r.Name, r.Jurisdiction.Ubigeo, r.Jurisdiction.Name, GovernmentNames.Of(r.Jurisdiction, t), r.FiscalYear, r.Phase))
            .ToList());
    }

    /// <summary>The cycle when it is published, or null (unknown, or not published yet).</summary>
    public static async Task<OpenDataCycle?> PublishedCycleAsync(AppDbContext db, int cycleId, IStringLocalizer t, CancellationToken ct)
    {
        var row = await (
            from c in db.Cycles.AsNoTracking()
            where c.Id == cycleId && c.Phase >= Phase.Published
            join j in db.Jurisdictions.AsNoTracking() on c.JurisdictionUbigeo equals j.Ubigeo
            select new { c.Id, c.Name, c.FiscalYear, c.Phase, Jurisdiction = j }).SingleOrDefaultAsync(ct);
        return row is null
            ? null
            : InSpanish(() => new OpenDataCycle(row.Id, row.Name, row.Jurisdiction.Ubigeo, row.Jurisdiction.Name, GovernmentNames.Of(row.Jurisdiction, t), row.FiscalYear, row.Phase));
    }

    /// <summary>
    /// The files of a published cycle, in a fixed order (projects, results, participation, ballots; CSV
    /// before JSON). With <paramref name="only"/>, just the kind that file name belongs to is built (a
    /// download needs one file, not all).
    /// </summary>
    public static async Task<IReadOnlyList<OpenDataFile>> FilesAsync(AppDbContext db, OpenDataCycle cycle, IStringLocalizer t, TimeProvider clock, CancellationToken ct, string? only = null)
    {
        var files = new List<OpenDataFile>();
        var id = cycle.CycleId;
        var stem = string.Create(CultureInfo.InvariantCulture, $"pp-{cycle.Ubigeo}-{cycle.FiscalYear}");
        bool Wanted(string prefix) => only is null || only.StartsWith(prefix, StringComparison.Ordinal);

        if (Wanted($"{stem}-lista-aprobada.") && await ApprovedListQuery.ForCycleAsync(db, id, ct) is { } list)
        {
            foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Json })
            {
                var export = ApprovedListExport.Build(list, format);
                files.Add(new OpenDataFile(id, OpenDataKind.Projects, export.FileName, format == ExportFormat.Csv ? "csv" : "json", export.ContentType, export.Content));
            }
        }

        var vote = Wanted($"{stem}-resultados.") ? await VoteQueries.OfCycleAsync(db, id, tracking: false, ct) : null;
        if (vote?.Result is { } result)
        {
            files.Add(Csv(id, OpenDataKind.Results, $"{stem}-resultados.csv", ResultsExport.Csv(vote, result)));
            files.Add(Json(id, OpenDataKind.Results, $"{stem}-resultados.json", ResultsExport.Json(cycle, vote, result)));
        }

        if (Wanted($"{stem}-participacion."))
        {
            var participation = await ParticipationQuery.ForCycleAsync(db, id, ct);
            files.Add(Csv(id, OpenDataKind.Participation, $"{stem}-participacion.csv", ParticipationExport.Csv(participation)));
            files.Add(Json(id, OpenDataKind.Participation, $"{stem}-participacion.json", ParticipationExport.Json(cycle, participation)));
        }

        if ((only is null || only.EndsWith(".pb", StringComparison.Ordinal)) && await BallotsFile.BuildAsync(db, id, t, clock, ct) is { } ballots)
        {
            files.Add(new OpenDataFile(id, OpenDataKind.Ballots, ballots.FileName, "pb", BallotsDownload.ContentType, ballots.Content));
        }

        return files;
    }

    /// <summary>The cycle's metadata as every JSON file of it starts (and the index repeats).</summary>
    public static object Metadata(OpenDataCycle cycle) => new
    {
        Id = cycle.CycleId,
        Name = cycle.CycleName,
        cycle.Ubigeo,
        Jurisdiction = cycle.JurisdictionName,
        cycle.Government,
        cycle.FiscalYear,
        ApprovedListExport.License,
        ApprovedListExport.LicenseUrl,
    };

    private static OpenDataFile Csv(int cycleId, OpenDataKind kind, string name, byte[] content) =>
        new(cycleId, kind, name, "csv", "text/csv; charset=utf-8", content);

    private static OpenDataFile Json(int cycleId, OpenDataKind kind, string name, byte[] content) =>
        new(cycleId, kind, name, "json", "application/json; charset=utf-8", content);

    /// <summary>Government names in Spanish whatever the reader's language: an open-data file must not change with who downloads it.</summary>
    private static T InSpanish<T>(Func<T> build)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Spanish;
            return build();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
