using Microsoft.AspNetCore.Mvc;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Cycles.Acta;

/// <summary>One issued version, printable, drawn from its stored content with its hash; for the cycle's managers.</summary>
public sealed class VersionModel(AppDbContext db, CurrentActor currentActor) : CyclePageModel(db, currentActor)
{
    public ActaVersion Version { get; private set; } = null!;

    public ActaContent Document { get; private set; } = null!;

    /// <summary>The cycle's audit chain head when this version was issued.</summary>
    public AuditHead? AuditHead { get; private set; }

    public async Task<IActionResult> OnGetAsync(int versionId, CancellationToken cancellationToken)
    {
        if (await ActaQueries.FindVersionAsync(Db, versionId, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        if (await LoadAsync(version.CycleId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = version;
        Document = ActaContentBuilder.Deserialize(version.Content);
        AuditHead = await AuditTrail.HeadAtAsync(Db, version.CycleId, AuditTrail.ActaSubject(version.CycleId, version.Number), cancellationToken);
        return Page();
    }
}
