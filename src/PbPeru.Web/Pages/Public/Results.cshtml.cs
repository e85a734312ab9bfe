using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Infrastructure.PublicResults;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// The public results of a cycle, once Published (404 before): the approved projects with amounts, votes
/// and technical scores; charts of the budget by theme and by district, of the votes per project and of
/// participation, each with its table; links to the acta, the exports, open data, the survey and each
/// project's execution. A fixed handful of queries whatever the number of projects or agents.
/// </summary>
public sealed class ResultsModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public int CycleId { get; private set; }

    public string CycleName { get; private set; } = "";

    public string Government { get; private set; } = "";

    public int FiscalYear { get; private set; }

    public string Ubigeo { get; private set; } = "";

    /// <summary>Null when the cycle has no computed result (a published cycle always has one; the page says so otherwise).</summary>
    public ApprovedList? List { get; private set; }

    public ParticipationStats Participation { get; private set; } = null!;

    /// <summary>The cycle's quota of women among titulars, in percent; null when it sets none.</summary>
    public int? WomenQuotaPercent { get; private set; }

    public bool WomenQuotaIsHard { get; private set; }

    public bool ActaIssued { get; private set; }

    public IReadOnlyList<BudgetRow> ByTheme { get; private set; } = [];

    public IReadOnlyList<BudgetRow> ByDistrict { get; private set; } = [];

    private Dictionary<string, string> DistrictNames { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == cycleId)
            .Select(c => new { c.Name, c.Phase, c.FiscalYear, c.JurisdictionUbigeo, c.AccreditationRules.WomenMinimumSharePercent, c.AccreditationRules.WomenQuotaIsHard })
            .SingleOrDefaultAsync(cancellationToken);
        if (cycle is null || cycle.Phase < Phase.Published)
        {
            return NotFound();
        }

        CycleId = cycleId;
        CycleName = cycle.Name;
        FiscalYear = cycle.FiscalYear;
        Ubigeo = cycle.JurisdictionUbigeo;
        WomenQuotaPercent = cycle.WomenMinimumSharePercent;
        WomenQuotaIsHard = cycle.WomenQuotaIsHard;
        List = await ApprovedListQuery.ForCycleAsync(db, cycleId, cancellationToken);
        Participation = await ParticipationQuery.ForCycleAsync(db, cycleId, cancellationToken);
        ActaIssued = await ActaQueries.IsIssuedAsync(db, cycleId, cancellationToken);

        // The government's and the districts' names in one query.
        var ubigeos = (List?.Projects.SelectMany(p => p.DistrictUbigeos) ?? []).Append(cycle.JurisdictionUbigeo).Distinct().ToList();
        var jurisdictions = await db.Jurisdictions.AsNoTracking().Where(j => ubigeos.Contains(j.Ubigeo)).ToListAsync(cancellationToken);
        var own = jurisdictions.SingleOrDefault(j => j.Ubigeo == cycle.JurisdictionUbigeo);
        Government = own is null ? cycle.JurisdictionUbigeo : GovernmentNames.Of(own, t);
        DistrictNames = jurisdictions.ToDictionary(j => j.Ubigeo, j => j.Name);

        if (List is not null)
        {
            ByTheme = BudgetBreakdown.ByTheme(List.Projects, t["Sin eje temático"]);
            ByDistrict = BudgetBreakdown.ByDistrict(List.Projects, DistrictName, t["Toda la jurisdicción"]);
        }

        return Page();
    }

    /// <summary>The district's name, or its ubigeo when it is not among the imported jurisdictions.</summary>
    public string DistrictName(string ubigeo) => DistrictNames.GetValueOrDefault(ubigeo) ?? ubigeo;

    public static string Amount(Domain.Common.Money amount) => amount.ToString(CultureInfo.CurrentCulture);

    public static string Number(long n) => n.ToString("N0", CultureInfo.CurrentCulture);

    public static string Score(decimal? score) => score is { } s ? s.ToString("0.##", CultureInfo.CurrentCulture) : "—";

    /// <summary><paramref name="count"/> as a percent of <paramref name="total"/> ("12.5 %").</summary>
    public static string PercentOf(int count, int total) => SvgCharts.Percent(Representation.PercentOf(count, total));
}

/// <summary>The table under a budget chart (partial <c>_ResultsBudgetTable</c>).</summary>
public sealed record ResultsBudgetTable(string Id, string Column, string Caption, IReadOnlyList<BudgetRow> Rows);
