using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles.Coordination;

/// <summary>The coordination minutes of the cycle's space, for its manager: minutes, meetings, agreements and the resulting lists.</summary>
public sealed class MinutesModel(AppDbContext db, CurrentActor currentActor, IStringLocalizer<SharedResource> t) : CyclePageModel(db, currentActor)
{
    public CoordinationRecord? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await CoordinationQueries.OfCycleAsync(Db, id, tracking: false, cancellationToken) is { } space)
        {
            Record = await CoordinationRecord.FindAsync(Db, space.Id, t, cancellationToken);
        }

        return Page();
    }
}
