using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Public;

/// <summary>The coordination minutes as a PDF; 404 until they are recorded.</summary>
public sealed class CoordinationPdfModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int spaceId, CancellationToken cancellationToken)
    {
        if (await CoordinationRecord.FindAsync(db, spaceId, t, cancellationToken) is not { Space.MinutesRecorded: true } record)
        {
            return NotFound();
        }

        return File(CoordinationPdf.Render(record, t), "application/pdf", $"acta-de-coordinacion-{record.Space.DepartmentUbigeo}-{record.Space.FiscalYear}.pdf");
    }
}
