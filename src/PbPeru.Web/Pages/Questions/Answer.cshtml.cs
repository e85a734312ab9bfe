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
/// The proposer answers a question on its proposal, or the technical team of the cycle's
/// jurisdiction does, and may mark its answer as the official one. Anyone else is refused (403).
/// A form sent twice (its creation key) makes one answer.
/// </summary>
public sealed class AnswerModel(AppDbContext db, CurrentActor currentActor, Notifier notifier, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class AnswerInput
    {
        public string? Text { get; set; }

        /// <summary>The role answered in; needed only from a person who holds both.</summary>
        public AnswererRole? Role { get; set; }

        public bool Official { get; set; }

        public string? CreationKey { get; set; }
    }

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public Cycle Cycle { get; private set; } = null!;

    public Proposal Proposal { get; private set; } = null!;

    public ProposalQuestion Question { get; private set; } = null!;

    /// <summary>The roles the signed-in person may answer in (at least one, or the page refuses).</summary>
    public IReadOnlyList<AnswererRole> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int questionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(questionId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = new AnswerInput { CreationKey = QuestionAccess.NewKey(), Role = Roles[0] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int questionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(questionId, cancellationToken) is { } refused)
        {
            return refused;
        }

        // A role the person does not hold (a forged form) is refused like the page itself.
        var role = Input.Role ?? Roles[0];
        if (!Roles.Contains(role))
        {
            return Forbid();
        }

        var key = Input.CreationKey?.Trim() ?? "";
        if (key.Length is > 0 and <= ProposalQuestion.CreationKeyLength
            && await db.ProposalAnswers.AnyAsync(a => a.QuestionId == questionId && a.CreationKey == key, cancellationToken))
        {
            return Done(t["Su respuesta ya estaba publicada."]);
        }

        try
        {
            var actor = await currentActor.GetAsync(cancellationToken);
            Question.Answer(Cycle, actor, role, Input.Official, Input.Text ?? "", key, clock.GetUtcNow());
            if (Question.AuthorUserId != actor.UserId)
            {
                notifier.NotifyInApp(Question.AuthorUserId, t["Respondieron su pregunta sobre la propuesta «{0}».", Proposal.Title], QuestionAccess.PublicUrl(Cycle.Id, Proposal.Id, Question.Id));
            }

            await db.SaveChangesAsync(cancellationToken);
            return Done(t["Su respuesta fue publicada."]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            Input.Role = role;
            if (key.Length is 0 or > ProposalQuestion.CreationKeyLength)
            {
                Input.CreationKey = QuestionAccess.NewKey();
            }

            return Page();
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The same form sent twice at once: the other request saved it.
            return Done(t["Su respuesta ya estaba publicada."]);
        }
    }

    private async Task<IActionResult?> LoadAsync(int questionId, CancellationToken cancellationToken)
    {
        var question = await db.ProposalQuestions.Include(q => q.Answers).SingleOrDefaultAsync(q => q.Id == questionId, cancellationToken);
        if (question is null || await QuestionAccess.ProposalAsync(db, question.ProposalId, cancellationToken) is not { } found || !QuestionAccess.IsPublic(found.Proposal))
        {
            return NotFound();
        }

        (Cycle, Proposal) = found;
        Question = question;
        Roles = await QuestionAccess.RolesAsync(db, Cycle, Proposal, User, cancellationToken);
        return Roles.Count == 0 ? Forbid() : null;
    }

    private RedirectResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return Redirect(QuestionAccess.PublicUrl(Cycle.Id, Proposal.Id, Question.Id));
    }
}
