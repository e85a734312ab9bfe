using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Infrastructure.Execution;

/// <summary>Who may follow a cycle's execution: its oversight committee's members and the staff managing its jurisdiction.</summary>
public sealed record ExecutionAccess(Cycle Cycle, Actor Actor, bool IsMember, bool IsStaff)
{
    public bool Allowed => IsMember || IsStaff;

    /// <summary>The cycle (with its calendar and themes as the domain reads them) and the signed-in person's standing; null when there is no such cycle.</summary>
    public static async Task<ExecutionAccess?> OfAsync(AppDbContext db, CurrentActor current, int cycleId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return null;
        }

        var actor = await current.GetAsync(ct);
        var isMember = await CommitteeQueries.IsMemberAsync(db, actor.UserId, cycleId, ct);
        return new ExecutionAccess(cycle, actor, isMember, actor.ManagesJurisdiction(cycle.JurisdictionUbigeo));
    }

    /// <summary>Whether <paramref name="access"/> lets its user in; if not, <paramref name="refusal"/> is the answer: 404 for no such cycle, 403 for someone neither on its committee nor its staff.</summary>
    public static bool Admits([NotNullWhen(true)] ExecutionAccess? access, [NotNullWhen(false)] out IActionResult? refusal)
    {
        refusal = access is null ? new NotFoundResult() : access.Allowed ? null : new ForbidResult();
        return refusal is null;
    }
}
