using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Execution;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Execution;

namespace PbPeru.Web.Pages.Oversight;

/// <summary>
/// The oversight committee's periodic report on the execution: the draft as of a period (each
/// project's state, progress, amount spent and the period's observations, and the members), the
/// form the committee issues it with (numbered, never changed afterwards), the issued reports and
/// their PDFs. The committee of this cycle issues; the staff of its jurisdiction may read.
/// </summary>
public sealed class ReportModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class IssueInput
    {
        public DateOnly? PeriodStart { get; set; }

        public DateOnly? PeriodEnd { get; set; }

        public string? Summary { get; set; }

        public string? CreationKey { get; set; }

        public bool Confirm { get; set; }
    }

    [BindProperty]
    public IssueInput Issue { get; set; } = new();

    public ExecutionAccess Access { get; private set; } = null!;

    public IReadOnlyList<ExecutionReport> Reports { get; private set; } = [];

    /// <summary>The issued report asked for, or the draft of the form's period.</summary>
    public ExecutionReportContent Shown { get; private set; } = null!;

    public bool ShowsIssued { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, int? number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (number is { } n)
        {
            if (Reports.FirstOrDefault(r => r.Number == n) is not { } report)
            {
                return NotFound();
            }

            Shown = ExecutionReportBuilder.Deserialize(report.Content);
            ShowsIssued = true;
        }

        Issue = new IssueInput
        {
            PeriodStart = Reports.Count > 0 ? Reports[0].PeriodEnd.AddDays(1) : Today.AddMonths(-3).AddDays(1),
            PeriodEnd = Today,
            CreationKey = Guid.NewGuid().ToString("N"),
        };
        if (Issue.PeriodStart > Issue.PeriodEnd)
        {
            Issue.PeriodStart = Issue.PeriodEnd;
        }

        if (!ShowsIssued)
        {
            Shown = await ExecutionReportBuilder.BuildAsync(db, Access.Cycle, new ExecutionReportInput(Issue.PeriodStart!.Value, Issue.PeriodEnd!.Value, ""), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int cycleId, int number, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Reports.FirstOrDefault(r => r.Number == number) is { } report
            ? File(ExecutionReportPdf.Render(ExecutionReportBuilder.Deserialize(report.Content), t), "application/pdf", FileName(report))
            : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var key = Issue.CreationKey?.Trim() ?? "";
        if (key.Length is 0 or > ExecutionReport.CreationKeyLength)
        {
            ModelState.AddModelError("", t["El formulario caducó. Revise los datos y vuelva a enviarlo."]);
            Issue.CreationKey = Guid.NewGuid().ToString("N");
            return await DraftAsync(cancellationToken);
        }

        if (await db.ExecutionReports.AnyAsync(r => r.CycleId == cycleId && r.CreationKey == key, cancellationToken))
        {
            return Done(t["El informe ya estaba emitido."]);
        }

        if (Issue.PeriodStart is null || Issue.PeriodEnd is null)
        {
            ModelState.AddModelError("", t["Indique el inicio y el fin del periodo."]);
            return await DraftAsync(cancellationToken);
        }

        if (!Issue.Confirm)
        {
            ModelState.AddModelError("Issue.Confirm", t["Marque la casilla para confirmar: el informe emitido es público y no se puede cambiar."]);
            return await DraftAsync(cancellationToken);
        }

        var number = Reports.Count == 0 ? 1 : Reports.Max(r => r.Number) + 1;
        try
        {
            var input = new ExecutionReportInput(Issue.PeriodStart.Value, Issue.PeriodEnd.Value, Issue.Summary);
            var now = clock.GetUtcNow();
            ExecutionReportContent? body = null;
            if (!ExecutionReport.Problems(input, Today).Any() && Access.IsMember)
            {
                body = await ExecutionReportBuilder.BuildAsync(db, Access.Cycle, input, cancellationToken);
            }

            var report = ExecutionReport.Issue(
                Access.Cycle, Access.Actor, Access.IsMember, number, input,
                i => ExecutionReportBuilder.Serialize(body! with { Number = number, Summary = i.Summary!, IssuedAt = now.ToUniversalTime(), IssuedBy = Access.Actor.DisplayName }),
                key, Today, now);
            db.ExecutionReports.Add(report);
            await db.SaveChangesAsync(cancellationToken);
            return Done(t["Informe N.º {0} emitido.", number]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return await DraftAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The same form sent twice at once, or another member issued a report meanwhile.
            db.ChangeTracker.Clear();
            if (await db.ExecutionReports.AnyAsync(r => r.CycleId == cycleId && r.CreationKey == key, cancellationToken))
            {
                return Done(t["El informe ya estaba emitido."]);
            }

            ModelState.AddModelError("", t["Otro miembro emitió un informe mientras usted escribía. Revise la lista y vuelva a enviar."]);
            await LoadAsync(cycleId, cancellationToken);
            return await DraftAsync(cancellationToken);
        }
    }

    public static string FileName(ExecutionReport report) => $"informe-vigilancia-{report.CycleId}-{report.Number}.pdf";

    private async Task<IActionResult> DraftAsync(CancellationToken cancellationToken)
    {
        var start = Issue.PeriodStart ?? Today;
        var end = Issue.PeriodEnd ?? Today;
        Shown = await ExecutionReportBuilder.BuildAsync(db, Access.Cycle, new ExecutionReportInput(start, end, Issue.Summary), cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int cycleId, CancellationToken cancellationToken)
    {
        var access = await ExecutionAccess.OfAsync(db, currentActor, cycleId, cancellationToken);
        if (!ExecutionAccess.Admits(access, out var refusal))
        {
            return refusal;
        }

        Access = access;
        Reports = await ExecutionQueries.ReportsAsync(db, cycleId, cancellationToken);
        Today = LimaTime.Today(clock);
        return null;
    }

    private IActionResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage("/Oversight/Report", new { cycleId = Access.Cycle.Id });
    }
}
