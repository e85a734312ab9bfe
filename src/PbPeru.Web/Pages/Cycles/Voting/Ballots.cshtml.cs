using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web.Pages.Cycles.Voting;

/// <summary>
/// The staff download of the anonymized ballots (<c>.pb</c>) once the vote has closed. Before, the
/// page says why there is no file yet (the public download answers 404 until the results are published).
/// </summary>
public sealed class BallotsModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IStringLocalizer<SharedResource> t, AuditTrail audit)
    : CyclePageModel(db, currentActor)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await BallotsFile.BuildAsync(Db, id, t, clock, cancellationToken) is not { } file)
        {
            return Page();
        }

        await audit.RecordNowAsync(id, AuditActions.ExportDownloaded, $"cycle:{id}", file.FileName, cancellationToken);
        return File(file.Content, BallotsDownload.ContentType, file.FileName);
    }
}
