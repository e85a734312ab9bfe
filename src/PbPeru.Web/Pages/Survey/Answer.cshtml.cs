using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Survey;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.AgentSurvey;

/// <summary>
/// A participant answers one published cycle's evaluation. The answer is saved without the person
/// and, in the same transaction, the roll row that says they answered; the roll's key refuses a
/// second answer, so a double submit or two requests at once leave one answer. The person is the
/// signed-in account, never an id in the address.
/// </summary>
public sealed class AnswerModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(Name = "Overall")]
    public string? Overall { get; set; }

    [BindProperty(Name = "Information")]
    public string? Information { get; set; }

    [BindProperty(Name = "Training")]
    public string? Training { get; set; }

    [BindProperty(Name = "TechnicalEvaluation")]
    public string? TechnicalEvaluation { get; set; }

    [BindProperty(Name = "Voting")]
    public string? Voting { get; set; }

    [BindProperty(Name = "Transparency")]
    public string? Transparency { get; set; }

    [BindProperty(Name = "Comment")]
    public string? Comment { get; set; }

    public int CycleId { get; private set; }

    public string CycleName { get; private set; } = "";

    /// <summary>Why the form is not shown (not open, not a participant), or null.</summary>
    public string? Refusal { get; private set; }

    public bool Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cycleId, CancellationToken cancellationToken) =>
        await LoadAsync(cycleId, cancellationToken) is { } missing ? missing : Page();

    public async Task<IActionResult> OnPostAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (Refusal is not null)
        {
            return Page();
        }

        var cycle = await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == cycleId, cancellationToken);
        try
        {
            var submission = SurveyAnswer.Submit(cycle, UserId, isParticipant: true, alreadyAnswered: Answered, GradesPosted(), Comment);
            db.SurveyAnswers.Add(submission.Answer);
            db.SurveyParticipations.Add(submission.Participation);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return Page();
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Another request of the same person got there first: its answer stands, this one is not saved.
            ModelState.AddModelError("", Messages.SurveyAlreadyAnswered.Format());
            Answered = true;
            return Page();
        }

        TempData["Flash"] = t["Gracias: su evaluación fue registrada de forma anónima."].Value;
        return RedirectToPage(new { cycleId });
    }

    /// <summary>The grade marked for an aspect: what was posted, kept after a refusal so the person does not start over.</summary>
    public string? Marked(SurveyAspect aspect) => aspect switch
    {
        SurveyAspect.Overall => Overall,
        SurveyAspect.Information => Information,
        SurveyAspect.Training => Training,
        SurveyAspect.TechnicalEvaluation => TechnicalEvaluation,
        SurveyAspect.Voting => Voting,
        _ => Transparency,
    };

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private SurveyGrades GradesPosted() => new(
        Parse(Overall), Parse(Information), Parse(Training), Parse(TechnicalEvaluation), Parse(Voting), Parse(Transparency));

    private static SurveyGrade? Parse(string? posted) =>
        Enum.TryParse<SurveyGrade>(posted, ignoreCase: false, out var grade) && Enum.IsDefined(grade) && !int.TryParse(posted, out _) ? grade : null;

    /// <summary>Null when the cycle exists; the refusal (and its status) or the answered state are set on the page.</summary>
    private async Task<IActionResult?> LoadAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == cycleId)
            .Select(c => new { c.Id, c.Name, c.Phase })
            .SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return NotFound();
        }

        CycleId = cycle.Id;
        CycleName = cycle.Name;
        if (!await SurveyQueries.IsParticipantAsync(db, UserId, cycleId, cancellationToken))
        {
            Refusal = Messages.SurveyNotParticipant.Format();
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }

        Answered = await SurveyQueries.HasAnsweredAsync(db, UserId, cycleId, cancellationToken);
        if (!Answered)
        {
            Refusal = SurveyAnswer.WhyClosed(cycle.Phase);
        }

        return null;
    }
}
