using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.OpenData;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// One open-data file, <c>/Public/OpenDataFile/{cycleId}/{name}</c>: the bytes the index's checksum
/// was computed on. 404 for a cycle not published and for a name the cycle does not have.
/// </summary>
public sealed class OpenDataFileModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int cycleId, string name, CancellationToken cancellationToken)
    {
        if (await OpenDataCatalog.PublishedCycleAsync(db, cycleId, t, cancellationToken) is not { } cycle)
        {
            return NotFound();
        }

        var files = await OpenDataCatalog.FilesAsync(db, cycle, t, clock, cancellationToken, only: name);
        if (files.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal)) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.AccessControlAllowOrigin = "*";
        Response.Headers.ETag = $"\"{file.Sha256}\"";
        return File(file.Content, file.ContentType, file.Name);
    }
}
