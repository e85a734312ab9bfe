using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles;

public sealed class IndexModel(AppDbContext db, CurrentActor currentActor) : PageModel
{
    public sealed record Row(int Id, string Name, string Jurisdiction, int FiscalYear, Money Ceiling, Phase Phase);

    public IReadOnlyList<Row> Cycles { get; private set; } = [];

    public IReadOnlyList<string> ManagedJurisdictions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var managed = actor.ManagedJurisdictions.ToList();
        ManagedJurisdictions = await db.Jurisdictions.Where(j => managed.Contains(j.Ubigeo)).Select(j => j.Name).ToListAsync(cancellationToken);
        Cycles = await (
                from c in db.Cycles
                join j in db.Jurisdictions on c.JurisdictionUbigeo equals j.Ubigeo
                where managed.Contains(c.JurisdictionUbigeo)
                orderby c.FiscalYear descending, j.Name
                select new Row(c.Id, c.Name, j.Name, c.FiscalYear, c.Ceiling, c.Phase))
            .ToListAsync(cancellationToken);
    }
}
