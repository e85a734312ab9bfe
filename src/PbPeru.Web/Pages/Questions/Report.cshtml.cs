using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Questions;

/// <summary>
/// Anyone signed in reports a question or an answer to the cycle's manager, who decides whether to
/// hide it. One report per person and content: a second one (or a double submit) says so.
/// </summary>
public sealed class ReportModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int QuestionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? AnswerId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Cycle Cycle { get; private set; } = null!;

    public Proposal Proposal { get; private set; } = null!;

    public ProposalQuestion Question { get; private set; } = null!;

    /// <summary>The answer reported; null when it is the question.</summary>
    public ProposalAnswer? Answer { get; private set; }

    public bool AlreadyReported { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        if (AlreadyReported)
        {
            return Done(t["Usted ya había reportado este contenido; el equipo de conducción lo revisará."]);
        }

        try
        {
            var actor = await currentActor.GetAsync(cancellationToken);
            var (report, entry) = Question.Report(Cycle, actor, AnswerId, Reason, clock.GetUtcNow());
            db.ContentReports.Add(report);
            db.ModerationLog.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            return Done(t["Gracias: su reporte fue enviado al equipo de conducción, que lo revisará."]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return Page();
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return Done(t["Usted ya había reportado este contenido; el equipo de conducción lo revisará."]);
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var question = await db.ProposalQuestions.AsNoTracking().Include(q => q.Answers).SingleOrDefaultAsync(q => q.Id == QuestionId, cancellationToken);
        if (question is null || await QuestionAccess.ProposalAsync(db, question.ProposalId, cancellationToken) is not { } found || !QuestionAccess.IsPublic(found.Proposal))
        {
            return NotFound();
        }

        (Cycle, Proposal) = found;
        Question = question;
        if (AnswerId is { } answerId)
        {
            Answer = question.Answers.SingleOrDefault(a => a.Id == answerId);
            if (Answer is null)
            {
                return NotFound();
            }
        }

        var userId = (await currentActor.GetAsync(cancellationToken)).UserId;
        var target = Answer is null ? ModerationTarget.Question : ModerationTarget.Answer;
        var targetId = Answer?.Id ?? question.Id;
        AlreadyReported = await db.ContentReports.AnyAsync(r => r.ReporterUserId == userId && r.Target == target && r.TargetId == targetId, cancellationToken);
        return null;
    }

    private RedirectResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return Redirect(QuestionAccess.PublicUrl(Cycle.Id, Proposal.Id, Question.Id));
    }
}
