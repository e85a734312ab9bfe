using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.OpenData;

namespace PbPeru.Web.Pages.Public;

/// <summary>
/// The open-data index: every published cycle (newest fiscal year first) with every file — name,
/// content, format, size and SHA-256 — and the licence; the machine-readable twin is
/// <see cref="OpenDataIndex.Path"/>. Cycles not yet published are absent.
/// </summary>
public sealed class OpenDataModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<(OpenDataCycle Cycle, IReadOnlyList<OpenDataFile> Files)> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var cycles = new List<(OpenDataCycle, IReadOnlyList<OpenDataFile>)>();
        foreach (var cycle in await OpenDataCatalog.PublishedCyclesAsync(db, t, cancellationToken))
        {
            cycles.Add((cycle, await OpenDataCatalog.FilesAsync(db, cycle, t, clock, cancellationToken)));
        }

        Cycles = cycles;
    }
}
