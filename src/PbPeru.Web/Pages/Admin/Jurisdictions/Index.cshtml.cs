using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Admin.Jurisdictions;

/// <summary>
/// Browses INEI's ubigeo list: the departments, then the children of one (<c>?parent=08</c>). A search
/// or a level filter looks through everything under the current place.
/// </summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(
        string Ubigeo, string Name, TerritoryLevel Level, GovernmentLevel? Government, long Population, string Department, string? Province);

    public sealed record Crumb(string Ubigeo, string Name);

    [BindProperty(SupportsGet = true)]
    public string? Parent { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public TerritoryLevel? Level { get; set; }

    /// <summary>The place whose subdivisions are listed; null for the whole country.</summary>
    public Jurisdiction? Current { get; private set; }

    /// <summary>The places above <see cref="Current"/>, from the department down, without it.</summary>
    public IReadOnlyList<Crumb> Ancestors { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    /// <summary>A search or a level filter: the list shows every level under the current place, not just its children.</summary>
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || Level is not null;

    public async Task<IActionResult> OnGetAsync(
        // "page" is also the route value naming the Razor page: read only the query's.
        [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        Parent = string.IsNullOrWhiteSpace(Parent) ? null : Parent.Trim();
        if (Parent is not null)
        {
            Current = await db.Jurisdictions.AsNoTracking().SingleOrDefaultAsync(j => j.Ubigeo == Parent, cancellationToken);
            if (Current is null)
            {
                return NotFound();
            }

            Ancestors = await LoadAncestorsAsync(Current, cancellationToken);
        }

        var query = db.Jurisdictions.AsNoTracking();
        if (!IsFiltered)
        {
            query = Parent is null ? query.Where(j => j.Level == TerritoryLevel.Department) : query.Where(j => j.ParentUbigeo == Parent);
        }
        else if (Parent is not null)
        {
            query = query.Where(j => j.Ubigeo.StartsWith(Parent) && j.Ubigeo != Parent);
        }

        if (Level is { } level)
        {
            query = query.Where(j => j.Level == level);
        }

        query = query.OrderBy(j => j.Ubigeo);
        if (string.IsNullOrWhiteSpace(Q))
        {
            Pager = Pager.For(pageNumber, PageSize, await query.CountAsync(cancellationToken));
            Rows = (await query.Skip(Pager.Skip).Take(PageSize).ToListAsync(cancellationToken)).Select(ToRow).ToList();
            return Page();
        }

        // At most the 2,112 rows of the list: matched in memory, accent- and case-insensitively.
        var term = SearchText.Fold(Q);
        var matches = (await query.ToListAsync(cancellationToken))
            .Where(j => j.Ubigeo.StartsWith(term, StringComparison.Ordinal) || SearchText.Fold(j.Name).Contains(term, StringComparison.Ordinal))
            .ToList();
        Pager = Pager.For(pageNumber, PageSize, matches.Count);
        Rows = matches.Skip(Pager.Skip).Take(PageSize).Select(ToRow).ToList();
        return Page();
    }

    private async Task<IReadOnlyList<Crumb>> LoadAncestorsAsync(Jurisdiction place, CancellationToken cancellationToken)
    {
        // A district 080101 sits under 0801 and 08.
        var codes = Enumerable.Range(1, place.Ubigeo.Length / 2 - 1).Select(n => place.Ubigeo[..(n * 2)]).ToList();
        var found = await db.Jurisdictions.AsNoTracking()
            .Where(j => codes.Contains(j.Ubigeo))
            .Select(j => new Crumb(j.Ubigeo, j.Name))
            .ToListAsync(cancellationToken);
        return found.OrderBy(c => c.Ubigeo.Length).ToList();
    }

    private static Row ToRow(Jurisdiction j) => new(j.Ubigeo, j.Name, j.Level, j.Government, j.Population, j.Department, j.Province);
}
