using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Pages.Registration;

/// <summary>A supporting document, downloaded by its organization's representative (staff have their own under /Cycles).</summary>
public sealed class DocumentModel(AppDbContext db, IDocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var document = await db.Organizations
            .Where(o => o.RepresentativeUserId == userId)
            .SelectMany(o => o.Documents)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return document is null ? NotFound() : DocumentDownload.Of(store, document, Response);
    }
}
