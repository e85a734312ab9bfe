using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Execution;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure.Execution;

namespace PbPeru.Web.Pages.Public;

/// <summary>The oversight committee's latest periodic report of a published cycle (and the earlier ones listed), with its PDF. 404 before the cycle is published.</summary>
public sealed class ExecutionReportModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public Cycle Cycle { get; private set; } = null!;

    public IReadOnlyList<ExecutionReport> Reports { get; private set; } = [];

    public ExecutionReportContent? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Latest = Reports.Count == 0 ? null : ExecutionReportBuilder.Deserialize(Reports[0].Content);
        return Page();
    }

    /// <summary>The PDF of report <paramref name="number"/> (the latest when none is given).</summary>
    public async Task<IActionResult> OnGetPdfAsync(int cycleId, int? number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var report = number is { } n ? Reports.FirstOrDefault(r => r.Number == n) : Reports.FirstOrDefault();
        return report is null
            ? NotFound()
            : File(ExecutionReportPdf.Render(ExecutionReportBuilder.Deserialize(report.Content), t), "application/pdf", Oversight.ReportModel.FileName(report));
    }

    private async Task<IActionResult?> LoadAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null || cycle.Phase < Phase.Published)
        {
            return NotFound();
        }

        Cycle = cycle;
        Reports = await ExecutionQueries.ReportsAsync(db, cycleId, cancellationToken);
        return null;
    }
}
