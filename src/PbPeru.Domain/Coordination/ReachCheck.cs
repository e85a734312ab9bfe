using System.Globalization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Jurisdictions;

namespace PbPeru.Domain.Coordination;

/// <summary>
/// Whether a project has the reach its list's level asks for (<see cref="ImpactRules"/>): at least
/// the minimum amount; districts that hold at least the minimum share of the jurisdiction's
/// population; and, under the level rule, a regional project reaching more than one province and a
/// provincial one more than one district. A district's list has no level rule. Pure.
/// </summary>
public static class ReachCheck
{
    /// <summary>
    /// Every reach problem of a project (empty when it has the reach), in the reader's language.
    /// Populations of districts missing from <paramref name="districtPopulations"/> count as zero.
    /// </summary>
    public static IReadOnlyList<string> Problems(
        Money cost,
        IReadOnlyCollection<string> districts,
        string ownerUbigeo,
        ImpactRules rules,
        long jurisdictionPopulation,
        IReadOnlyDictionary<string, long> districtPopulations)
    {
        var problems = new List<string>();
        if (cost < rules.MinimumAmount)
        {
            problems.Add(Messages.ReachBelowMinimumAmount.Format(cost, rules.MinimumAmount));
        }

        if (rules.MinimumReachPercent > 0 && jurisdictionPopulation > 0)
        {
            var reached = districts.Distinct(StringComparer.Ordinal).Sum(d => districtPopulations.GetValueOrDefault(d));

            // reached / population < minimum %, kept in integers.
            if (reached * 100 < rules.MinimumReachPercent * jurisdictionPopulation)
            {
                var share = 100m * reached / jurisdictionPopulation;
                problems.Add(Messages.ReachBelowPopulationShare.Format(
                    share.ToString("0.#", CultureInfo.CurrentCulture), rules.MinimumReachPercent));
            }
        }

        if (rules.LevelRule)
        {
            switch (CoordinationScope.LevelOf(ownerUbigeo))
            {
                case GovernmentLevel.Regional when districts.Select(d => d[..4]).Distinct(StringComparer.Ordinal).Count() < 2:
                    problems.Add(Messages.RegionalProjectOneProvince.Format());
                    break;
                case GovernmentLevel.Provincial when districts.Distinct(StringComparer.Ordinal).Count() < 2:
                    problems.Add(Messages.ProvincialProjectOneDistrict.Format());
                    break;
            }
        }

        return problems;
    }
}
