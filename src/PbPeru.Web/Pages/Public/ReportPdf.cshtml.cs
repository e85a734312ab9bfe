using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Public;

/// <summary>The published technical report as a PDF; 404 until it is published.</summary>
public sealed class ReportPdfModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await PublishedReport.FindAsync(db, cycleId, cancellationToken) is not { } published)
        {
            return NotFound();
        }

        var pdf = ReportPdf.Render(published, t);
        return File(pdf, "application/pdf", $"informe-tecnico-{cycleId}.pdf");
    }
}
