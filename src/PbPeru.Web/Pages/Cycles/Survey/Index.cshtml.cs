using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Survey;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Pages.AgentSurvey;

namespace PbPeru.Web.Pages.Cycles.Survey;

/// <summary>
/// The manager's view of the cycle's participants' evaluation: it opens by itself when the cycle is
/// Published; here the manager sets from how many answers the results are published (default
/// <see cref="SurveySettings.DefaultThreshold"/>) and sees how many have answered — never who
/// answered what, and no figures before the public sees them.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentActor currentActor, IStringLocalizer<SharedResource> t) : CyclePageModel(db, currentActor)
{
    [BindProperty(Name = "Threshold")]
    public int? Threshold { get; set; }

    public int Answers { get; private set; }

    public int SavedThreshold { get; private set; }

    public string? WhyClosed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        await ShowAsync(cancellationToken);
        Threshold = SavedThreshold;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Threshold is not { } threshold)
        {
            ModelState.AddModelError("Threshold", t["Indique el mínimo de respuestas para publicar los resultados."]);
            await ShowAsync(cancellationToken);
            return Page();
        }

        try
        {
            var settings = await Db.SurveySettings.SingleOrDefaultAsync(s => s.CycleId == id, cancellationToken);
            if (settings is null)
            {
                Db.SurveySettings.Add(SurveySettings.Create(Cycle, Actor, threshold));
            }
            else
            {
                settings.ChangeThreshold(Cycle, Actor, threshold);
            }

            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, "Threshold");
            await ShowAsync(cancellationToken);
            return Page();
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
        {
            ModelState.AddModelError("", t["Otra persona cambió este ajuste mientras usted editaba. Recargue la página y vuelva a intentarlo."]);
            await ShowAsync(cancellationToken);
            return Page();
        }

        TempData["Flash"] = t["Mínimo de respuestas guardado."].Value;
        return RedirectToPage(new { id });
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        SavedThreshold = await SurveyQueries.ThresholdAsync(Db, Cycle.Id, cancellationToken);
        Answers = await SurveyQueries.AnswerCountAsync(Db, Cycle.Id, cancellationToken);
        WhyClosed = SurveyAnswer.WhyClosed(Cycle.Phase);
    }
}
