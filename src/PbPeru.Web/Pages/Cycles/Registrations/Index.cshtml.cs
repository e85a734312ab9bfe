using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles.Registrations;

/// <summary>
/// The review queue: the cycle's organizations, those sent for review first, filtered and paged in
/// SQL so that it stays quick with a thousand organizations.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentActor currentActor) : CyclePageModel(db, currentActor)
{
    public const int PageSize = 25;

    /// <summary>The status filter's value for "every status".</summary>
    public const string AllStatuses = "all";

    /// <summary>The order of the status filter and of an unfiltered list: what needs the manager first.</summary>
    public static readonly OrganizationStatus[] StatusOrder =
    [
        OrganizationStatus.Submitted,
        OrganizationStatus.Observed,
        OrganizationStatus.Accepted,
        OrganizationStatus.Rejected,
        OrganizationStatus.Draft,
    ];

    public sealed record Row(int Id, string Name, OrganizationType Type, OrganizationStatus Status, string DistrictUbigeo, string? DistrictName, int Agents, DateTimeOffset? SubmittedAt);

    public sealed record DistrictOption(string Ubigeo, string Name, string? Province);

    /// <summary>A status name, <see cref="AllStatuses"/>, or empty for the default (sent for review).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The status shown; null for every status.</summary>
    public OrganizationStatus? StatusFilter { get; private set; }

    public OrganizationType? TypeFilter { get; private set; }

    public string? DistrictFilter { get; private set; }

    public bool IsFiltered => TypeFilter is not null || DistrictFilter is not null || !string.IsNullOrWhiteSpace(Q);

    public IReadOnlyDictionary<OrganizationStatus, int> Counts { get; private set; } = new Dictionary<OrganizationStatus, int>();

    public int TotalOrganizations => Counts.Values.Sum();

    public IReadOnlyList<DistrictOption> Districts { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync(
        int id,
        // "page" is also the route value naming the Razor page: read only the query's.
        [FromQuery(Name = "page")] int pageNumber,
        CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        ReadFilters();
        var organizations = Db.Organizations.AsNoTracking().Where(o => o.CycleId == id);

        var counts = await organizations
            .GroupBy(o => o.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        Counts = StatusOrder.ToDictionary(s => s, s => counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0);

        Districts = await organizations
            .Select(o => o.DistrictUbigeo)
            .Distinct()
            .Join(Db.Jurisdictions, u => u, j => j.Ubigeo, (u, j) => new DistrictOption(j.Ubigeo, j.Name, j.Province))
            .ToListAsync(cancellationToken);
        Districts = [.. Districts.OrderBy(d => d.Name, StringComparer.CurrentCulture).ThenBy(d => d.Ubigeo, StringComparer.Ordinal)];

        var filtered = organizations;
        if (StatusFilter is { } status)
        {
            filtered = filtered.Where(o => o.Status == status);
        }

        if (TypeFilter is { } type)
        {
            filtered = filtered.Where(o => o.Type == type);
        }

        if (DistrictFilter is { } district)
        {
            filtered = filtered.Where(o => o.DistrictUbigeo == district);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Case-insensitive in SQL on both providers (SQLite folds ASCII letters only).
            var lower = Q.Trim().ToLowerInvariant();
            filtered = filtered.Where(o => o.Name.ToLower().Contains(lower));
        }

        Pager = Pager.For(pageNumber, PageSize, await filtered.CountAsync(cancellationToken));
        Rows = await filtered
            .OrderBy(o => o.Status == OrganizationStatus.Submitted ? 0
                : o.Status == OrganizationStatus.Observed ? 1
                : o.Status == OrganizationStatus.Accepted ? 2
                : o.Status == OrganizationStatus.Rejected ? 3
                : 4)
            // Oldest submission first: the queue is served in the order it was joined.
            .ThenBy(o => o.SubmittedAt ?? o.CreatedAt)
            .ThenBy(o => o.Id)
            .Skip(Pager.Skip)
            .Take(PageSize)
            .Select(o => new Row(
                o.Id,
                o.Name,
                o.Type,
                o.Status,
                o.DistrictUbigeo,
                Db.Jurisdictions.Where(j => j.Ubigeo == o.DistrictUbigeo).Select(j => j.Name).FirstOrDefault(),
                o.Agents.Count(),
                o.SubmittedAt))
            .ToListAsync(cancellationToken);
        return Page();
    }

    private void ReadFilters()
    {
        StatusFilter = Status switch
        {
            null or "" => OrganizationStatus.Submitted,
            AllStatuses => null,
            _ when Enum.TryParse<OrganizationStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
            _ => OrganizationStatus.Submitted,
        };
        Status = StatusFilter?.ToString() ?? AllStatuses;

        TypeFilter = Enum.TryParse<OrganizationType>(Type, ignoreCase: true, out var type) && Enum.IsDefined(type) && !int.TryParse(Type, out _) ? type : null;
        DistrictFilter = District is { Length: 6 } d && d.All(char.IsAsciiDigit) ? d : null;
    }
}
