using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Admin.Users;

/// <summary>The accounts with their roles and the jurisdictions they were granted, searchable by name or email.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Grant(string Role, string Ubigeo, string JurisdictionName);

    public sealed record Row(string Id, string FullName, string Email, IReadOnlyList<string> Roles, IReadOnlyList<Grant> Grants, DateTimeOffset? LockedUntil);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.For(1, PageSize, 0);

    public async Task OnGetAsync(
        // "page" is also the route value naming the Razor page: read only the query's.
        [FromQuery(Name = "page")] int pageNumber, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Case-insensitive in SQL on both providers (SQLite folds ASCII letters only).
            var lower = Q.Trim().ToLowerInvariant();
            var upper = Q.Trim().ToUpperInvariant();
            query = query.Where(u => u.FullName.ToLower().Contains(lower) || u.NormalizedEmail!.Contains(upper));
        }

        Pager = Pager.For(pageNumber, PageSize, await query.CountAsync(cancellationToken));
        var users = await query
            .OrderBy(u => u.FullName).ThenBy(u => u.Email)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(u => new { u.Id, u.FullName, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);

        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Role = r.Name! })
            .ToListAsync(cancellationToken);
        var grants = await db.StaffAssignments
            .Where(a => ids.Contains(a.UserId))
            .Join(db.Jurisdictions, a => a.JurisdictionUbigeo, j => j.Ubigeo, (a, j) => new { a.UserId, a.Role, j.Ubigeo, j.Name })
            .OrderBy(g => g.Role).ThenBy(g => g.Ubigeo)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        Rows = users.Select(u => new Row(
                u.Id,
                u.FullName,
                u.Email ?? "",
                UserAdministration.Known(roles.Where(r => r.UserId == u.Id).Select(r => r.Role)),
                grants.Where(g => g.UserId == u.Id).Select(g => new Grant(g.Role, g.Ubigeo, g.Name)).ToList(),
                u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }
}
