using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// The public call (<i>convocatoria</i>) of a cycle: what anyone needs to know to take part, on one
/// printable page. Public from the moment the call opens (any phase but Draft).
/// </summary>
public sealed class CallModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Where an organization's representative registers (the registration pages).</summary>
    public const string RegistrationPath = "/Registration";

    // Spanish as written ("Inscripción"), as the app's own encoder does (AppSetup).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public Cycle Cycle { get; private set; } = null!;

    /// <summary>The information workshop's page is public (Concertation).</summary>
    public bool BriefingPublished { get; private set; }

    public Jurisdiction Jurisdiction { get; private set; } = null!;

    public string Government { get; private set; } = "";

    public DateOnly Today { get; private set; }

    /// <summary>The calendar grouped by phase: each phase's window first, then its steps by date.</summary>
    public IReadOnlyList<CalendarEntry> Calendar { get; private set; } = [];

    public CalendarEntry? Registration { get; private set; }

    public CalendarEntry? Challenges { get; private set; }

    public RegistrationWindow RegistrationState => RegistrationWindows.StateOf(Registration?.Start, Registration?.End, Today);

    /// <summary>The organization types of Peru's participatory budgeting, as people name them.</summary>
    public IReadOnlyList<string> OrganizationTypes =>
    [
        t["Juntas vecinales, comités vecinales y asociaciones de vivienda"],
        t["Organizaciones de mujeres (clubes de madres, comités de vaso de leche, comedores populares)"],
        t["Organizaciones juveniles"],
        t["Comunidades campesinas, nativas e indígenas"],
        t["Asociaciones de productores y gremios empresariales"],
        t["Colegios profesionales y universidades"],
        t["Organizaciones no gubernamentales (ONG)"],
        t["Otras organizaciones de la sociedad civil"],
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        // A cycle being configured is not public yet: to the public it does not exist.
        var cycle = await db.Cycles
            .AsNoTracking()
            .Include(c => c.Calendar)
            .Include(c => c.Themes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id && c.Phase != Phase.Draft, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        BriefingPublished = await db.Briefings.AnyAsync(b => b.CycleId == id && b.PublishedAt != null, cancellationToken);

        Cycle = cycle;
        Jurisdiction = await db.Jurisdictions.AsNoTracking().SingleAsync(j => j.Ubigeo == cycle.JurisdictionUbigeo, cancellationToken);
        Government = GovernmentNames.Of(Jurisdiction, t);
        Today = LimaTime.Today(clock);
        Calendar = cycle.Calendar
            .OrderBy(e => CalendarSteps.PhaseOf(e.Step))
            .ThenBy(e => CalendarSteps.IsPhaseWindow(e.Step) ? 0 : 1)
            .ThenBy(e => e.Start)
            .ThenBy(e => e.Step)
            .ToList();
        Registration = cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.Registration);
        Challenges = cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.Challenges);
        return Page();
    }

    public bool IsUnderway(CalendarEntry entry) => entry.Start <= Today && Today <= entry.End;

    public bool IsKeyDate(CalendarEntry entry) => entry.Step is CalendarStep.Registration or CalendarStep.Challenges;

    /// <summary>A date as a <c>&lt;time&gt;</c> element: Lima's day as people read it, ISO for machines.</summary>
    public static HtmlString TimeOf(DateOnly date) => new HtmlString(
        $"<time datetime=\"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\">{Encoder.Encode(LimaTime.Format(date))}</time>");

    /// <summary>"Del 16/11/2026 al 11/12/2026", or the one date of a one-day step.</summary>
    public IHtmlContent Period(CalendarEntry entry) => entry.Start == entry.End
        ? TimeOf(entry.Start)
        : WithDates(t["Del {0} al {1}"], entry.Start, entry.End);

    /// <summary>A localized sentence whose placeholders are dates shown as <c>&lt;time&gt;</c> elements.</summary>
    public static IHtmlContent WithDates(LocalizedString template, params DateOnly[] dates) => new HtmlString(
        string.Format(CultureInfo.InvariantCulture, Encoder.Encode(template.Value), [.. dates.Select(d => TimeOf(d).Value)]));

    /// <summary>The full address of a path of this site, for the printed page (where links cannot be followed).</summary>
    public string AbsoluteUrl(string path) => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{path}";
}

public enum RegistrationWindow
{
    /// <summary>The calendar has no registration dates yet.</summary>
    NotScheduled,
    NotYetOpen,
    Open,
    Closed,
}

public static class RegistrationWindows
{
    /// <summary>Where today (in Lima) stands against the registration dates, first and last day included.</summary>
    public static RegistrationWindow StateOf(DateOnly? start, DateOnly? end, DateOnly today) => (start, end) switch
    {
        (null, _) or (_, null) => RegistrationWindow.NotScheduled,
        ({ } s, _) when today < s => RegistrationWindow.NotYetOpen,
        (_, { } e) when today > e => RegistrationWindow.Closed,
        _ => RegistrationWindow.Open,
    };
}
