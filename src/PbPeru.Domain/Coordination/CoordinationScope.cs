using PbPeru.Domain.Cycles;
using PbPeru.Domain.Jurisdictions;

namespace PbPeru.Domain.Coordination;

/// <summary>
/// Which cycles of one fiscal year coordinate with each other, by the ubigeo hierarchy: region
/// (2 digits) → province (4) → district (6). Two governments are linked when one's territory holds
/// the other's: a region sees its provinces and districts, a province its districts and its region,
/// a district its province and its region. Sibling districts or provinces are not linked. Pure.
/// </summary>
public static class CoordinationScope
{
    /// <summary>The department (region) whose coordination space holds this jurisdiction.</summary>
    public static string DepartmentOf(string ubigeo) => ubigeo[..2];

    /// <summary>The level of the government that runs a cycle of this jurisdiction.</summary>
    public static GovernmentLevel LevelOf(string ubigeo) => ubigeo.Length switch
    {
        2 => GovernmentLevel.Regional,
        4 => GovernmentLevel.Provincial,
        _ => GovernmentLevel.District,
    };

    /// <summary>Whether one jurisdiction holds the other (they are different and one code prefixes the other).</summary>
    public static bool AreLinked(string a, string b) =>
        a.Length != b.Length && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal));

    /// <summary>The cycles among <paramref name="others"/> linked to <paramref name="cycle"/>: same fiscal year, up or down the hierarchy.</summary>
    public static IReadOnlyList<Cycle> Linked(Cycle cycle, IEnumerable<Cycle> others) =>
        Linked(cycle.JurisdictionUbigeo, cycle.FiscalYear, others, c => c.JurisdictionUbigeo, c => c.FiscalYear);

    /// <summary>The same, for any record that knows its jurisdiction and fiscal year (a query's projection, say).</summary>
    public static IReadOnlyList<T> Linked<T>(string ubigeo, int fiscalYear, IEnumerable<T> others, Func<T, string> ubigeoOf, Func<T, int> fiscalYearOf) =>
        others
            .Where(o => fiscalYearOf(o) == fiscalYear && AreLinked(ubigeo, ubigeoOf(o)))
            .OrderBy(o => ubigeoOf(o).Length)
            .ThenBy(o => ubigeoOf(o), StringComparer.Ordinal)
            .ToList();
}
