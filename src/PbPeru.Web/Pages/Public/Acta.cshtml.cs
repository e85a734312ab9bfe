using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// A cycle's acta for everyone, as soon as version 1 is issued: the latest version (or the one
/// asked for), drawn from its stored content with its hash, and every version listed with its
/// reason and hash. 404 before the first version.
/// </summary>
public sealed class ActaModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<ActaVersionView> Versions { get; private set; } = [];

    public ActaVersion Shown { get; private set; } = null!;

    public ActaContent Document { get; private set; } = null!;

    /// <summary>The cycle's audit chain head when the shown version was issued.</summary>
    public AuditHead? AuditHead { get; private set; }

    public bool IsLatest => Shown.Number == Versions[0].Number;

    public async Task<IActionResult> OnGetAsync(int cycleId, int? version, CancellationToken cancellationToken)
    {
        Versions = await ActaQueries.VersionsAsync(db, cycleId, cancellationToken);
        if (Versions.Count == 0)
        {
            return NotFound();
        }

        var number = version ?? Versions[0].Number;
        var shown = await db.ActaVersions.AsNoTracking().SingleOrDefaultAsync(v => v.CycleId == cycleId && v.Number == number, cancellationToken);
        if (shown is null)
        {
            return NotFound();
        }

        Shown = shown;
        Document = ActaContentBuilder.Deserialize(shown.Content);
        AuditHead = await AuditTrail.HeadAtAsync(db, cycleId, AuditTrail.ActaSubject(cycleId, number), cancellationToken);
        return Page();
    }
}
