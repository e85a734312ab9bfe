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
/// Anyone signed in asks a question on a public proposal; it appears at once on the proposal's
/// public page. A form sent twice (its creation key) makes one question.
/// </summary>
public sealed class AskModel(AppDbContext db, CurrentActor currentActor, Notifier notifier, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class AskInput
    {
        public string? Text { get; set; }

        public string? CreationKey { get; set; }
    }

    [BindProperty]
    public AskInput Input { get; set; } = new();

    public Cycle Cycle { get; private set; } = null!;

    public Proposal Proposal { get; private set; } = null!;

    /// <summary>False when the proposal is not public: the page says so and offers no form.</summary>
    public bool IsPublic { get; private set; }

    public async Task<IActionResult> OnGetAsync(int proposalId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(proposalId, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (!IsPublic)
        {
            ModelState.AddModelError("", Messages.QuestionProposalNotPublic.Format());
        }

        Input = new AskInput { CreationKey = QuestionAccess.NewKey() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int proposalId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(proposalId, cancellationToken) is { } missing)
        {
            return missing;
        }

        var key = Input.CreationKey?.Trim() ?? "";
        if (key.Length is > 0 and <= ProposalQuestion.CreationKeyLength
            && await db.ProposalQuestions.Where(q => q.ProposalId == proposalId && q.CreationKey == key).Select(q => (int?)q.Id).SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return Done(existing, t["Su pregunta ya estaba publicada."]);
        }

        try
        {
            var actor = await currentActor.GetAsync(cancellationToken);
            var question = ProposalQuestion.Ask(Cycle, Proposal, IsPublic, actor, Input.Text ?? "", key, clock.GetUtcNow());
            db.ProposalQuestions.Add(question);
            if (Proposal.ProposerUserId != actor.UserId)
            {
                notifier.NotifyInApp(Proposal.ProposerUserId, t["Hay una nueva pregunta sobre su propuesta «{0}».", Proposal.Title], QuestionAccess.PublicUrl(Cycle.Id, Proposal.Id));
            }

            await db.SaveChangesAsync(cancellationToken);
            return Done(question.Id, t["Su pregunta fue publicada."]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            if (key.Length is 0 or > ProposalQuestion.CreationKeyLength)
            {
                Input.CreationKey = QuestionAccess.NewKey();
            }

            return Page();
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The same form sent twice at once: the other request saved it.
            db.ChangeTracker.Clear();
            var id = await db.ProposalQuestions.Where(q => q.ProposalId == proposalId && q.CreationKey == key).Select(q => q.Id).SingleAsync(cancellationToken);
            return Done(id, t["Su pregunta ya estaba publicada."]);
        }
    }

    private async Task<IActionResult?> LoadAsync(int proposalId, CancellationToken cancellationToken)
    {
        if (await QuestionAccess.ProposalAsync(db, proposalId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Cycle, Proposal) = found;
        IsPublic = QuestionAccess.IsPublic(Proposal);
        return null;
    }

    private RedirectResult Done(int questionId, string flash)
    {
        TempData["Flash"] = flash;
        return Redirect(QuestionAccess.PublicUrl(Cycle.Id, Proposal.Id, questionId));
    }
}
