using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Survey;
using PbPeru.Web.Data;
using PbPeru.Web.Pages.AgentSurvey;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// The participants' evaluation of a cycle, for everyone, once its results are published (404
/// before). Counts and comments appear only from the cycle's threshold of answers on; below it
/// the page says how many answers are still needed and nothing else.
/// </summary>
public sealed class SurveyModel(AppDbContext db) : PageModel
{
    public int CycleId { get; private set; }

    public string CycleName { get; private set; } = "";

    public int FiscalYear { get; private set; }

    public bool Open { get; private set; }

    public int Answers { get; private set; }

    public int Threshold { get; private set; }

    public bool Published => SurveySettings.MayPublish(Answers, Threshold);

    /// <summary>Null below the threshold: nothing to show.</summary>
    public SurveyTally? Tally { get; private set; }

    public IReadOnlyList<string> Comments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == cycleId)
            .Select(c => new { c.Id, c.Name, c.FiscalYear, c.Phase })
            .SingleOrDefaultAsync(cancellationToken);
        if (cycle is null || cycle.Phase < Phase.Published)
        {
            return NotFound();
        }

        CycleId = cycle.Id;
        CycleName = cycle.Name;
        FiscalYear = cycle.FiscalYear;
        Open = cycle.Phase == Phase.Published;
        Threshold = await SurveyQueries.ThresholdAsync(db, cycleId, cancellationToken);
        Answers = await SurveyQueries.AnswerCountAsync(db, cycleId, cancellationToken);
        if (Published)
        {
            (Tally, Comments) = await SurveyQueries.TallyAsync(db, cycleId, cancellationToken);

            // An answer may have arrived between the count and the tally: show the figures' own total.
            Answers = Tally.Answers;
        }

        return Page();
    }
}
