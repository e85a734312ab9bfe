using PbPeru.Web.Infrastructure.PublicResults;

namespace PbPeru.Web.Infrastructure.OpenData;

/// <summary>
/// A cycle's participation statistics (accredited agents, from <see cref="ParticipationQuery"/>) as
/// open data. The CSV is long and narrow, one figure a row, columns <c>measure, key, label, value</c>:
/// totals first (<c>agents</c>, <c>titulars</c>, <c>women</c>, <c>women_titulars</c>, <c>organizations</c>,
/// <c>women_share</c> and <c>civil_society_share</c> — percent of all accredited agents, 0–100, one
/// decimal; civil society as <see cref="ParticipationStats.CivilSocietyShare"/> defines it —, <c>women_quota_met</c> — 1, 0 or empty when the cycle
/// has no quota), then the breakdowns (<c>by_sex</c>, <c>by_organization_type</c>, <c>by_district</c>,
/// <c>by_age_band</c>) with the group's stable key (enum name, ubigeo, band) and its Spanish label.
/// The JSON carries the same figures as named properties and arrays.
/// </summary>
public static class ParticipationExport
{
    public static IReadOnlyList<string> Columns { get; } = ["measure", "key", "label", "value"];

    public static byte[] Csv(ParticipationStats stats)
    {
        var rows = new List<IReadOnlyList<string?>>
        {
            Total("agents", "Agentes acreditados", OpenDataCsv.Invariant(stats.Agents)),
            Total("titulars", "Agentes titulares", OpenDataCsv.Invariant(stats.Titulars)),
            Total("women", "Mujeres acreditadas", OpenDataCsv.Invariant(stats.Women)),
            Total("women_titulars", "Mujeres titulares", OpenDataCsv.Invariant(stats.WomenTitulars)),
            Total("organizations", "Organizaciones con agentes acreditados", OpenDataCsv.Invariant(stats.Organizations)),
            Total("women_share", "Porcentaje de mujeres entre los agentes acreditados", OpenDataCsv.Invariant(stats.WomenShare)),
            Total("civil_society_share", "Porcentaje de agentes de la sociedad civil", OpenDataCsv.Invariant(stats.CivilSocietyShare)),
            Total("women_quota_met", "Cuota de mujeres cumplida", stats.WomenQuotaMet switch { true => "1", false => "0", null => null }),
        };
        rows.AddRange(Breakdown("by_sex", stats.BySex));
        rows.AddRange(Breakdown("by_organization_type", stats.ByOrganizationType));
        rows.AddRange(Breakdown("by_district", stats.ByDistrict));
        rows.AddRange(Breakdown("by_age_band", stats.ByAgeBand));
        return OpenDataCsv.Write(Columns, rows);
    }

    public static byte[] Json(OpenDataCycle cycle, ParticipationStats stats) => OpenDataCsv.Serialize(new
    {
        Cycle = OpenDataCatalog.Metadata(cycle),
        stats.Agents,
        stats.Titulars,
        stats.Women,
        stats.WomenTitulars,
        stats.Organizations,
        stats.WomenShare,
        stats.CivilSocietyShare,
        stats.WomenQuotaMet,
        BySex = Groups(stats.BySex),
        ByOrganizationType = Groups(stats.ByOrganizationType),
        ByDistrict = Groups(stats.ByDistrict),
        ByAgeBand = Groups(stats.ByAgeBand),
    });

    private static string?[] Total(string measure, string label, string? value) => [measure, null, label, value];

    private static IEnumerable<string?[]> Breakdown(string measure, IReadOnlyList<CountRow> rows) =>
        rows.Select(r => new[] { measure, r.Key, r.Label, OpenDataCsv.Invariant(r.Count) });

    private static IEnumerable<object> Groups(IReadOnlyList<CountRow> rows) =>
        rows.Select(r => new { r.Key, r.Label, r.Count });
}
