using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Infrastructure;

/// <summary>The signed-in person as the domain sees them: who, and which jurisdictions they manage.</summary>
public sealed class CurrentActor(IHttpContextAccessor accessor, AppDbContext db)
{
    private Actor? _actor;

    public async Task<Actor> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_actor is not null)
        {
            return _actor;
        }

        var user = accessor.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        var managed = await db.StaffAssignments
            .Where(a => a.UserId == userId && a.Role == Roles.CycleManager)
            .Select(a => a.JurisdictionUbigeo)
            .ToListAsync(cancellationToken);
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken);
        _actor = new Actor(userId, string.IsNullOrEmpty(name) ? user.Identity?.Name ?? userId : name, managed.ToHashSet());
        return _actor;
    }
}
