using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Challenges;

/// <summary>
/// One challenge and its ruling, for both sides: the person who filed it and the organization whose
/// agent it targets (its representative, and the agent itself), and for the cycle's managers. To
/// anyone else it does not exist.
/// </summary>
public sealed class DetailsModel(AppDbContext db, CurrentActor currentActor, IStringLocalizer<SharedResource> t) : PageModel
{
    public Challenge Item { get; private set; } = null!;

    public ChallengeEntry Entry { get; private set; } = null!;

    public bool ViewerFiledIt { get; private set; }

    public bool ViewerManagesCycle { get; private set; }

    public string TypeName => RepresentationLabels.Of(Entry.Type, t);

    public string StatusName => ChallengeLabels.StatusOf(Item.Status, t);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (challenge is null)
        {
            return NotFound();
        }

        var entry = await ChallengeEntry.Query(db, listedOnly: false).SingleAsync(e => e.AgentId == challenge.AgentId, cancellationToken);
        var jurisdiction = await db.Cycles.Where(c => c.Id == entry.CycleId).Select(c => c.JurisdictionUbigeo).SingleAsync(cancellationToken);
        var actor = await currentActor.GetAsync(cancellationToken);
        ViewerFiledIt = challenge.FiledByUserId == actor.UserId;
        ViewerManagesCycle = actor.ManagesJurisdiction(jurisdiction);
        var viewerAnswersForEntry = entry.RepresentativeUserId == actor.UserId || entry.AgentUserId == actor.UserId;
        if (!ViewerFiledIt && !ViewerManagesCycle && !viewerAnswersForEntry)
        {
            return NotFound();
        }

        Item = challenge;
        Entry = entry;
        return Page();
    }

    /// <summary>The text as its author wrote it, paragraph by paragraph.</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(line => line.Trim().Length > 0);
}
