using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Pages.Public;

namespace PbPeru.Web.Pages;

public sealed class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record CycleCard(
        int Id, string Name, string Government, string Ubigeo, int FiscalYear, Money Ceiling, Phase Phase, DateOnly? RegistrationStart, DateOnly? RegistrationEnd, RegistrationWindow Registration);

    public IReadOnlyList<CycleCard> Cycles { get; private set; } = [];

    public bool ForManager { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ForManager = User.IsInRole(Roles.CycleManager);
        var today = LimaTime.Today(clock);

        // A cycle being configured is not public yet; from its call on, it is.
        var rows = await db.Cycles
            .AsNoTracking()
            .Where(c => c.Phase != Phase.Draft)
            .OrderByDescending(c => c.FiscalYear).ThenBy(c => c.Name)
            .Join(db.Jurisdictions, c => c.JurisdictionUbigeo, j => j.Ubigeo, (c, j) => new
            {
                c.Id,
                c.Name,
                Jurisdiction = j,
                c.FiscalYear,
                c.Ceiling,
                c.Phase,
                RegistrationStart = c.Calendar.Where(e => e.Step == CalendarStep.Registration).Select(e => (DateOnly?)e.Start).FirstOrDefault(),
                RegistrationEnd = c.Calendar.Where(e => e.Step == CalendarStep.Registration).Select(e => (DateOnly?)e.End).FirstOrDefault(),
            })
            .Take(20)
            .ToListAsync(cancellationToken);

        Cycles = rows
            .Select(r => new CycleCard(
                r.Id, r.Name, GovernmentNames.Of(r.Jurisdiction, t), r.Jurisdiction.Ubigeo, r.FiscalYear, r.Ceiling, r.Phase, r.RegistrationStart, r.RegistrationEnd,
                RegistrationWindows.StateOf(r.RegistrationStart, r.RegistrationEnd, today)))
            .ToList();
    }
}
