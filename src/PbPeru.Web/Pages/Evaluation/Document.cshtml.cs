using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Pages.Evaluation;

/// <summary>A proposal's attachment, downloaded by an evaluator assigned to it (404 for anyone else).</summary>
public sealed class DocumentModel(AppDbContext db, IDocumentStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int proposalId, int documentId, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var document = await EvaluatorAccess.AssignedProposals(db, userId)
            .Where(p => p.Id == proposalId)
            .SelectMany(p => p.Documents)
            .SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        return document is null ? NotFound() : DocumentDownload.Of(store, document.StorageKey, document.ContentType, document.FileName, Response);
    }
}
