using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Pages.Proposals;

/// <summary>A proposal's attachment, for its proposer or its organization's representative (404 for anyone else).</summary>
public sealed class DocumentModel(AppDbContext db, IDocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var document = await db.Proposals
            .Where(p => p.ProposerUserId == userId || db.Organizations.Any(o => o.Id == p.OrganizationId && o.RepresentativeUserId == userId))
            .SelectMany(p => p.Documents)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return document is null ? NotFound() : DocumentDownload.Of(store, document.StorageKey, document.ContentType, document.FileName, Response);
    }
}
