using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// The public list of accredited agents of a cycle: preliminary (open to challenges) and then final.
/// Only name, organization, its type and district, and titular or suplente: never a DNI, a phone,
/// an email, a birth date or the sex of a person.
/// </summary>
public sealed class AgentsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;
    public const int MaxSearchLength = 100;

    /// <summary>What the public may read of one entry of the list, and nothing more.</summary>
    public sealed record Row(int AgentId, string Name, AgentRole Role, string Organization, OrganizationType Type, string District, string? Province);

    public sealed record DistrictOption(string Ubigeo, string Label);

    public Cycle Cycle { get; private set; } = null!;

    public AccreditationList? List { get; private set; }

    /// <summary>The calendar's date for the preliminary list, shown while it is not yet published.</summary>
    public CalendarEntry? PreliminaryListDate { get; private set; }

    public CalendarEntry? ChallengeWindow { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>True while anyone signed in may challenge an entry.</summary>
    public bool ChallengesOpen { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    /// <summary>Accredited agents on the list, before filters.</summary>
    public int ListedCount { get; private set; }

    public int OrganizationCount { get; private set; }

    public IReadOnlyList<DistrictOption> Districts { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "type")]
    public OrganizationType? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "district")]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>Every row on one page, for printing the whole list.</summary>
    [BindProperty(SupportsGet = true, Name = "all")]
    public bool All { get; set; }

    public bool IsFiltered => Type is not null || !string.IsNullOrWhiteSpace(District) || !string.IsNullOrWhiteSpace(Search);

    public async Task<IActionResult> OnGetAsync(
        int cycleId,
        // "page" is also the route value naming the Razor page: read only the query's.
        [FromQuery(Name = "page")] int pageNumber,
        CancellationToken cancellationToken)
    {
        // A cycle being configured is not public yet: to the public it does not exist.
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Calendar)
            .SingleOrDefaultAsync(c => c.Id == cycleId && c.Phase != Phase.Draft, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        Cycle = cycle;
        List = await db.AccreditationLists.AsNoTracking().SingleOrDefaultAsync(l => l.CycleId == cycleId, cancellationToken);
        PreliminaryListDate = cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.PreliminaryList);
        ChallengeWindow = cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.Challenges);
        if (List is not { IsPreliminaryPublished: true })
        {
            return Page();
        }

        Today = LimaTime.Today(clock);
        ChallengesOpen = AreChallengesOpen(cycle, List, Today);

        var listed = ListedEntries(db, cycleId);
        ListedCount = await listed.CountAsync(cancellationToken);
        OrganizationCount = await listed.Select(x => x.Organization.Id).Distinct().CountAsync(cancellationToken);
        var districts = await listed
            .Select(x => new { x.District.Ubigeo, x.District.Name, x.District.Province })
            .Distinct()
            .ToListAsync(cancellationToken);
        Districts = districts
            .Select(d => new DistrictOption(d.Ubigeo, DistrictLabel(d.Name, d.Province)))
            .OrderBy(d => d.Label, StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase))
            .ToList();

        var filtered = listed;
        if (Type is { } type)
        {
            filtered = filtered.Where(x => x.Organization.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(District))
        {
            var district = District.Trim();
            filtered = filtered.Where(x => x.Organization.DistrictUbigeo == district);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLower(CultureInfo.InvariantCulture);
            term = term.Length > MaxSearchLength ? term[..MaxSearchLength] : term;
            filtered = filtered.Where(x =>
                (x.Agent.GivenNames + " " + x.Agent.Surnames).ToLower().Contains(term)
                || x.Organization.Name.ToLower().Contains(term));
        }

        var count = IsFiltered ? await filtered.CountAsync(cancellationToken) : ListedCount;
        Pager = All ? Pager.For(1, Math.Max(count, 1), count) : Pager.For(pageNumber, PageSize, count);
        Rows = await filtered
            .OrderBy(x => x.Organization.Name).ThenBy(x => x.Organization.Id).ThenBy(x => x.Agent.Role == AgentRole.Titular ? 0 : 1).ThenBy(x => x.Agent.Id)
            .Skip(Pager.Skip).Take(Pager.PageSize)
            .Select(x => new Row(
                x.Agent.Id, x.Agent.GivenNames + " " + x.Agent.Surnames, x.Agent.Role,
                x.Organization.Name, x.Organization.Type, x.District.Name, x.District.Province))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Whether the domain lets a challenge be filed today.</summary>
    public static bool AreChallengesOpen(Cycle cycle, AccreditationList list, DateOnly today)
    {
        try
        {
            list.EnsureChallengesOpen(cycle, today);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    /// <summary>"Santiago (Cusco)": names repeat across a region.</summary>
    public static string DistrictLabel(string name, string? province) => RepresentationLabels.Of(new DistrictKey("", name, province));

    // Looked up once per request: the printable list can have thousands of rows.
    private Dictionary<OrganizationType, string>? _typeNames;
    private Dictionary<AgentRole, string>? _roleNames;

    public string TypeName(OrganizationType type) =>
        (_typeNames ??= Enum.GetValues<OrganizationType>().ToDictionary(x => x, x => RepresentationLabels.Of(x, t)))[type];

    public string RoleName(AgentRole role) =>
        (_roleNames ??= new() { [AgentRole.Titular] = t["Titular"], [AgentRole.Suplente] = t["Suplente"] })[role];

    /// <summary>The day, in Lima, an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(LimaTime.ToLima(instant).DateTime);

    /// <summary>This list with the same filters, paginated or whole (for printing).</summary>
    public string ListUrl(bool all)
    {
        var query = Request.Query
            .Where(q => q.Key is not ("page" or "all"))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .ToList();
        if (all)
        {
            query.Add(KeyValuePair.Create("all", (string?)"true"));
        }

        return Request.PathBase + Request.Path + QueryString.Create(query);
    }

    /// <summary>
    /// The entries of the public list: accredited agents of accepted organizations. An agent whose
    /// entry a challenge took off is no longer accredited, and is checked again here all the same.
    /// </summary>
    private static IQueryable<ListedEntry> ListedEntries(AppDbContext db, int cycleId) =>
        from a in db.Agents
        where a.CycleId == cycleId && a.IsAccredited && a.ExcludedByChallengeId == null
        join o in db.Organizations on a.OrganizationId equals o.Id
        where o.Status == OrganizationStatus.Accepted
        join d in db.Jurisdictions on o.DistrictUbigeo equals d.Ubigeo
        select new ListedEntry { Agent = a, Organization = o, District = d };

    private sealed class ListedEntry
    {
        public required Agent Agent { get; init; }

        public required Organization Organization { get; init; }

        public required Domain.Jurisdictions.Jurisdiction District { get; init; }
    }
}
