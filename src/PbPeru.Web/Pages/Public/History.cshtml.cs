using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Execution;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.OpenData;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// A jurisdiction's history, <c>/Public/History/{ubigeo}</c>: every cycle (any phase but Draft,
/// newest first) with its participation, a trend chart of women's and civil society's share over
/// the years with its data table, and the state of every past agreement — each published cycle's
/// approved projects with their execution state and the commitments of its acta. 404 for an
/// unknown ubigeo; a jurisdiction without cycles gets an empty state.
/// </summary>
public sealed class HistoryModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public string Ubigeo { get; private set; } = "";

    public string Government { get; private set; } = "";

    public IReadOnlyList<HistoryCycle> Cycles { get; private set; } = [];

    public IReadOnlyList<TrendPoint> Women { get; private set; } = [];

    public IReadOnlyList<TrendPoint> CivilSociety { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string ubigeo, CancellationToken cancellationToken)
    {
        if (ubigeo.Length is < 2 or > 6 || !ubigeo.All(char.IsAsciiDigit))
        {
            return NotFound();
        }

        var jurisdiction = await db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Ubigeo == ubigeo, cancellationToken);
        if (jurisdiction is null)
        {
            return NotFound();
        }

        Ubigeo = jurisdiction.Ubigeo;
        Government = Infrastructure.GovernmentNames.Of(jurisdiction, t);
        Cycles = await JurisdictionHistory.ForJurisdictionAsync(db, ubigeo, cancellationToken);
        Women = JurisdictionHistory.Trend(Cycles, c => c.WomenPercent);
        CivilSociety = JurisdictionHistory.Trend(Cycles, c => c.CivilSocietyPercent);
        return Page();
    }

    public string StateOf(ExecutionState state) => state switch
    {
        ExecutionState.InTender => t["En proceso de selección"],
        ExecutionState.InExecution => t["En ejecución"],
        ExecutionState.Finished => t["Culminado"],
        ExecutionState.Suspended => t["Paralizado"],
        _ => t["No iniciado"],
    };

    /// <summary>"48,200 80,120 …" for an SVG polyline.</summary>
    public static string PointsOf(IReadOnlyList<TrendPoint> points) =>
        string.Join(' ', points.Select(p => FormattableString.Invariant($"{p.X:0.#},{p.Y:0.#}")));
}
