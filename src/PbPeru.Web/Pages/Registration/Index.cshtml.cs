using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Registration;

/// <summary>The representative's home: its organizations in every cycle, and the cycles open for registration today.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record OrganizationRow(int Id, string Name, string CycleName, OrganizationStatus Status, int Agents, int Documents, DateTimeOffset? SubmittedAt);

    public sealed record OpenCycle(int Id, string Name, string Government, DateOnly RegistrationEnd);

    public IReadOnlyList<OrganizationRow> Organizations { get; private set; } = [];

    public IReadOnlyList<OpenCycle> OpenCycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Organizations = await db.Organizations
            .Where(o => o.RepresentativeUserId == userId)
            .Join(db.Cycles, o => o.CycleId, c => c.Id, (o, c) => new { o, CycleName = c.Name, c.FiscalYear })
            .OrderByDescending(x => x.FiscalYear).ThenBy(x => x.o.Name)
            .Select(x => new OrganizationRow(x.o.Id, x.o.Name, x.CycleName, x.o.Status, x.o.Agents.Count, x.o.Documents.Count, x.o.SubmittedAt))
            .ToListAsync(cancellationToken);

        var today = LimaTime.Today(clock);
        var open = await db.Cycles
            .Where(c => c.Phase == Phase.Preparation
                        && c.Calendar.Any(e => e.Step == CalendarStep.Registration && e.Start <= today && e.End >= today))
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.JurisdictionUbigeo,
                End = c.Calendar.Where(e => e.Step == CalendarStep.Registration).Select(e => e.End).First(),
            })
            .OrderBy(c => c.End).ThenBy(c => c.Name)
            .ToListAsync(cancellationToken);
        var ubigeos = open.Select(c => c.JurisdictionUbigeo).Distinct().ToList();
        var jurisdictions = await db.Jurisdictions.Where(j => ubigeos.Contains(j.Ubigeo)).ToDictionaryAsync(j => j.Ubigeo, cancellationToken);
        OpenCycles = open.Select(c => new OpenCycle(c.Id, c.Name, GovernmentNames.Of(jurisdictions[c.JurisdictionUbigeo], t), c.End)).ToList();
    }
}
