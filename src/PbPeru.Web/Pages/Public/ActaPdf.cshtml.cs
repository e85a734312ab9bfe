using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Public;

/// <summary>An issued acta version as a PDF, for everyone; 404 for a version that does not exist.</summary>
public sealed class ActaPdfModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int versionId, CancellationToken cancellationToken)
    {
        if (await ActaQueries.FindVersionAsync(db, versionId, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        var content = ActaContentBuilder.Deserialize(version.Content);
        var head = await AuditTrail.HeadAtAsync(db, version.CycleId, AuditTrail.ActaSubject(version.CycleId, version.Number), cancellationToken);
        return File(ActaPdf.Render(content, version.Hash, t, head), "application/pdf", ActaQueries.PdfName(content));
    }
}
