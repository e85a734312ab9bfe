using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles.Voting;

/// <summary>The result for the staff as soon as it is computed: the approved list, support, MES shares, print view.</summary>
public sealed class ResultModel(AppDbContext db, CurrentActor currentActor, IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    /// <summary>Null while there is no result (the page says so).</summary>
    public ResultView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        View = await ResultView.LoadAsync(Db, id, t, cancellationToken);
        if (View is not null)
        {
            View.BallotsUrl = $"/Cycles/Voting/Ballots/{id}";
        }

        return Page();
    }
}
