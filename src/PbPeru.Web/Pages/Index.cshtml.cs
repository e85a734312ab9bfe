using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Pages;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record CycleCard(int Id, string Name, string Jurisdiction, int FiscalYear, Money Ceiling, Phase Phase);

    public IReadOnlyList<CycleCard> Cycles { get; private set; } = [];

    public bool ForManager { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ForManager = User.IsInRole(Roles.CycleManager);

        // A cycle being configured is not public yet; from its call on, it is.
        Cycles = await db.Cycles
            .Where(c => c.Phase != Phase.Draft)
            .OrderByDescending(c => c.FiscalYear).ThenBy(c => c.Name)
            .Join(db.Jurisdictions, c => c.JurisdictionUbigeo, j => j.Ubigeo,
                (c, j) => new CycleCard(c.Id, c.Name, j.Name, c.FiscalYear, c.Ceiling, c.Phase))
            .Take(20)
            .ToListAsync(cancellationToken);
    }
}
