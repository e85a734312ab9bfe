using PbPeru.Domain.Common;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Infrastructure.PublicResults;

/// <summary>One group of the approved budget: a theme or a district, its projects and this cycle's amount.</summary>
/// <param name="Key">The theme's name, or the district's ubigeo; <see cref="BudgetBreakdown.NoKey"/> for projects with none.</param>
/// <param name="Label">What people read: the theme, the district's name.</param>
/// <param name="Projects">Approved projects in the group (a project of several districts counts in each).</param>
/// <param name="Amount">This cycle's amount of the group.</param>
/// <param name="Percent">Its share of the approved total, in percent, one decimal.</param>
public sealed record BudgetRow(string Key, string Label, int Projects, Money Amount, decimal Percent);

/// <summary>
/// The approved budget (this cycle's amounts of the approved list) by theme and by district.
/// <para>By district: a project in several districts counts in each of them, its amount split evenly
/// between them to the céntimo (the first districts take the leftover céntimos), so the rows add up to
/// the approved total; a project with no district counts under <see cref="NoKey"/> ("whole jurisdiction").</para>
/// Largest amount first, then by label.
/// </summary>
public static class BudgetBreakdown
{
    public const string NoKey = "";

    public static IReadOnlyList<BudgetRow> ByTheme(IReadOnlyList<ApprovedProject> projects, string noThemeLabel)
    {
        var total = Total(projects);
        return projects
            .GroupBy(p => string.IsNullOrWhiteSpace(p.Theme) ? NoKey : p.Theme)
            .Select(g => Row(g.Key, g.Key == NoKey ? noThemeLabel : g.Key, g.Count(), g.Aggregate(Money.Zero, (sum, p) => sum + p.ThisCycleAmount), total))
            .OrderByDescending(r => r.Amount).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
    }

    public static IReadOnlyList<BudgetRow> ByDistrict(IReadOnlyList<ApprovedProject> projects, Func<string, string> districtName, string wholeJurisdictionLabel)
    {
        var total = Total(projects);
        var amounts = new Dictionary<string, (int Projects, long Centimos)>();
        foreach (var project in projects)
        {
            var districts = project.DistrictUbigeos.Distinct().ToList();
            if (districts.Count == 0)
            {
                districts.Add(NoKey);
            }

            var share = project.ThisCycleAmount.Centimos / districts.Count;
            var leftover = project.ThisCycleAmount.Centimos - share * districts.Count;
            for (var i = 0; i < districts.Count; i++)
            {
                var (count, centimos) = amounts.GetValueOrDefault(districts[i]);
                amounts[districts[i]] = (count + 1, centimos + share + (i < leftover ? 1 : 0));
            }
        }

        return amounts
            .Select(a => Row(a.Key, a.Key == NoKey ? wholeJurisdictionLabel : districtName(a.Key), a.Value.Projects, Money.FromCentimos(a.Value.Centimos), total))
            .OrderByDescending(r => r.Amount).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
    }

    private static Money Total(IReadOnlyList<ApprovedProject> projects) => projects.Aggregate(Money.Zero, (sum, p) => sum + p.ThisCycleAmount);

    private static BudgetRow Row(string key, string label, int count, Money amount, Money total) =>
        new(key, label, count, amount, total.Centimos == 0 ? 0 : Math.Round(100m * amount.Centimos / total.Centimos, 1, MidpointRounding.AwayFromZero));
}
