using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles;

/// <summary>
/// Base of the pages that work on one cycle: loads it whole and checks that the signed-in person
/// manages its jurisdiction (the folder convention has already checked the role).
/// </summary>
public abstract class CyclePageModel(AppDbContext db, CurrentActor currentActor) : PageModel
{
    protected AppDbContext Db => db;

    public Cycle Cycle { get; private set; } = null!;

    public Jurisdiction Jurisdiction { get; private set; } = null!;

    protected Actor Actor { get; private set; } = null!;

    /// <summary>
    /// The cycle's version when the form was shown, sent back with it: a save over a version
    /// someone else has since changed is refused instead of silently undoing their work.
    /// </summary>
    [BindProperty(Name = "CycleVersion")]
    public int? PostedVersion { get; set; }

    public int CycleVersion => Db.Entry(Cycle).Property<int>("Version").CurrentValue;

    /// <summary>Null when the cycle is loaded and the person may manage it; otherwise the answer to give.</summary>
    protected async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles
            .Include(c => c.Calendar)
            .Include(c => c.Themes)
            .Include(c => c.Criteria).ThenInclude(c => c.Levels)
            .Include(c => c.Transitions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        Actor = await currentActor.GetAsync(cancellationToken);
        if (!Actor.ManagesJurisdiction(cycle.JurisdictionUbigeo))
        {
            return Forbid();
        }

        Cycle = cycle;
        Jurisdiction = await db.Jurisdictions.SingleAsync(j => j.Ubigeo == cycle.JurisdictionUbigeo, cancellationToken);
        return null;
    }

    /// <summary>
    /// Runs a change through the domain and saves it; a refused rule or a concurrent edit becomes a
    /// message on the page and nothing is saved.
    /// </summary>
    protected async Task<bool> TrySaveAsync(Action change, CancellationToken cancellationToken)
    {
        try
        {
            if (PostedVersion is { } version)
            {
                // Compare against the version the person saw, and count this save as a change of
                // the cycle even when only its themes, criteria or calendar change.
                var stored = db.Entry(Cycle).Property<int>("Version");
                if (stored.CurrentValue != version)
                {
                    throw new DbUpdateConcurrencyException();
                }

                stored.IsModified = true;
            }

            change();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return false;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Localizer["Otra persona modificó este ciclo mientras usted editaba. Recargue la página y vuelva a intentarlo."]);
            return false;
        }
    }

    protected Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> Localizer =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();

    protected IActionResult RedirectToDashboard(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage("/Cycles/Dashboard", new { id = Cycle.Id });
    }
}
