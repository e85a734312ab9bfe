using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Cycles.Acta;

/// <summary>One issued version as a PDF, for the cycle's managers.</summary>
public sealed class PdfModel(AppDbContext db, CurrentActor currentActor, IStringLocalizer<SharedResource> t) : CyclePageModel(db, currentActor)
{
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

        var content = ActaContentBuilder.Deserialize(version.Content);
        return File(ActaPdf.Render(content, version.Hash, t), "application/pdf", ActaQueries.PdfName(content));
    }
}
