using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using DomainChallenge = PbPeru.Domain.Registration.Challenge;

namespace PbPeru.Web.Pages.Challenges;

/// <summary>
/// Files an impugnación against an entry of the preliminary list: anyone signed in, during the
/// challenge window, with grounds. The organization's representative is told at once.
/// </summary>
public sealed class FileModel(
    AppDbContext db,
    CurrentActor currentActor,
    Notifier notifier,
    TimeProvider clock,
    IValidator<FileModel.ChallengeInput> validator,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class ChallengeInput
    {
        public string Grounds { get; set; } = "";
    }

    public sealed class ChallengeInputValidator : AbstractValidator<ChallengeInput>
    {
        public ChallengeInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Grounds).Must(g => !string.IsNullOrWhiteSpace(g))
                .WithMessage(_ => t["Explique el fundamento de la impugnación."])
                .MaximumLength(DomainChallenge.MaxTextLength)
                .WithMessage(_ => t["El fundamento admite como máximo {0} caracteres.", DomainChallenge.MaxTextLength]);
        }
    }

    [BindProperty(SupportsGet = true)]
    public int AgentId { get; set; }

    [BindProperty]
    public ChallengeInput Input { get; set; } = new();

    public ChallengeEntry Entry { get; private set; } = null!;

    /// <summary>Why no challenge can be filed now (the domain's words), or null while the window is open.</summary>
    public string? ClosedReason { get; private set; }

    /// <summary>This person's own challenge against this entry still awaiting its ruling, if any.</summary>
    public int? PendingChallengeId { get; private set; }

    public string TypeName => RepresentationLabels.Of(Entry.Type, t);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (ClosedReason is not null)
        {
            ModelState.AddModelError("", ClosedReason);
            return Page();
        }

        if (!ModelState.AddValidation(await validator.ValidateAsync(Input, cancellationToken)))
        {
            return Page();
        }

        if (await RepeatedAsync(cancellationToken) is { } repeated)
        {
            return repeated;
        }

        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Calendar).SingleAsync(c => c.Id == Entry.CycleId, cancellationToken);
        var list = await db.AccreditationLists.AsNoTracking().SingleAsync(l => l.CycleId == Entry.CycleId, cancellationToken);
        var agent = await db.Agents.AsNoTracking().SingleAsync(a => a.Id == Entry.AgentId, cancellationToken);
        var actor = await currentActor.GetAsync(cancellationToken);
        var name = actor.DisplayName.Length > AppUser.MaxFullNameLength ? actor.DisplayName[..AppUser.MaxFullNameLength] : actor.DisplayName;
        DomainChallenge challenge;
        try
        {
            challenge = DomainChallenge.File(cycle, list, agent, actor.UserId, name, Input.Grounds, LimaTime.Today(clock), clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return Page();
        }

        // The notice links to the challenge, so it needs the challenge's id: one transaction
        // keeps the challenge and its notice together.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Challenges.Add(challenge);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The twin of this submit got there first (a unique index on pending challenges).
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (await RepeatedAsync(cancellationToken) is { } twin)
                {
                    return twin;
                }

                throw;
            }

            if (Entry.RepresentativeUserId != actor.UserId)
            {
                notifier.Notify(
                    Entry.RepresentativeUserId,
                    t["Impugnación contra un agente de {0}", Entry.Organization],
                    t["Se presentó una impugnación contra {0}, agente de {1}, en la lista preliminar de «{2}». Puede leer su fundamento y seguir su resolución.", Entry.AgentName, Entry.Organization, Entry.CycleName],
                    $"/Challenges/{challenge.Id}");
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await notifier.SendQueuedEmailsAsync(cancellationToken);
        TempData["Flash"] = t["Impugnación presentada. El equipo de conducción la resolverá; se avisó a la organización."].Value;
        return Redirect($"/Challenges/{challenge.Id}");
    }

    /// <summary>
    /// A second challenge by the same person against the same entry while the first is pending: the
    /// same grounds again is the same submit (a double click) and leads to the first; other grounds
    /// are refused, with the way to the first.
    /// </summary>
    private async Task<IActionResult?> RepeatedAsync(CancellationToken cancellationToken)
    {
        var userId = (await currentActor.GetAsync(cancellationToken)).UserId;
        var pending = await db.Challenges.AsNoTracking()
            .Where(c => c.AgentId == AgentId && c.FiledByUserId == userId && c.Status == ChallengeStatus.Pending)
            .Select(c => new { c.Id, c.Grounds })
            .FirstOrDefaultAsync(cancellationToken);
        if (pending is null)
        {
            return null;
        }

        PendingChallengeId = pending.Id;
        if (pending.Grounds == Input.Grounds.Trim())
        {
            return Redirect($"/Challenges/{pending.Id}");
        }

        ModelState.AddModelError("", t["Usted ya presentó una impugnación contra esta inscripción y aún está pendiente de resolución. Puede esperar su resolución antes de presentar otra."]);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var entry = await ChallengeEntry.FindListedAsync(db, AgentId, cancellationToken);
        var cycle = entry is null ? null : await db.Cycles.AsNoTracking().Include(c => c.Calendar).SingleAsync(c => c.Id == entry.CycleId, cancellationToken);
        var list = entry is null ? null : await db.AccreditationLists.AsNoTracking().SingleOrDefaultAsync(l => l.CycleId == entry.CycleId, cancellationToken);

        // Only entries of a published list can be challenged; anything else is not there to see.
        if (entry is null || cycle is null || list is not { IsPreliminaryPublished: true })
        {
            return false;
        }

        Entry = entry;
        try
        {
            list.EnsureChallengesOpen(cycle, LimaTime.Today(clock));
        }
        catch (DomainException e)
        {
            ClosedReason = e.Message;
        }

        var userId = (await currentActor.GetAsync(cancellationToken)).UserId;
        PendingChallengeId = await db.Challenges
            .Where(c => c.AgentId == AgentId && c.FiledByUserId == userId && c.Status == ChallengeStatus.Pending)
            .Select(c => (int?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
