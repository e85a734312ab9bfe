using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// Who the accredited agents of a cycle are, in aggregate: by sex, titular or suplente, organization
/// type, district and age band, and the women's quota. Public from the preliminary list on, like
/// the list itself; it changes as challenges are ruled on.
/// </summary>
public sealed class RepresentationModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Cycle Cycle { get; private set; } = null!;

    public AccreditationList? List { get; private set; }

    public CalendarEntry? PreliminaryListDate { get; private set; }

    public RepresentationReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Calendar)
            .SingleOrDefaultAsync(c => c.Id == cycleId && c.Phase != Phase.Draft, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        Cycle = cycle;
        List = await db.AccreditationLists.AsNoTracking().SingleOrDefaultAsync(l => l.CycleId == cycleId, cancellationToken);
        PreliminaryListDate = cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.PreliminaryList);
        if (List is { IsPreliminaryPublished: true })
        {
            Report = await Representation.ForCycleAsync(db, cycleId, LimaTime.Today(clock), cancellationToken);
        }

        return Page();
    }

    /// <summary>"31.5 %" in the reader's culture.</summary>
    public static string Percent(decimal value) => string.Format(CultureInfo.CurrentCulture, "{0:0.0} %", value);

    /// <summary>The same number for a <c>&lt;meter&gt;</c>'s value attribute, which takes an invariant decimal.</summary>
    public static string MeterValue(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Age bands with agents in them, and every band from 18 on (minors cannot be agents).</summary>
    public IEnumerable<RepresentationRow<AgeBand>> AgeRows =>
        Report!.ByAgeBand.Where(r => r.Key != AgeBand.Under18 || r.Agents > 0);
}
