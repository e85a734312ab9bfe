using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Pages.Proposals;

/// <summary>
/// One proposal, for its proposer or its organization's representative (404 for anyone else):
/// revise, attach, submit, withdraw while the window is open; follow the evaluation and answer an
/// observation (revising the ficha while the observation is open, even after the window).
/// </summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IDocumentStore documents, IStringLocalizer<SharedResource> t) : PageModel, IProposalForm
{
    public const string DocumentErrors = "Upload";
    public const string StatusErrors = "Status";
    public const string AnswerErrors = "Answer";

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    [BindProperty]
    public string? AnswerText { get; set; }

    public Proposal Proposal { get; private set; } = null!;

    public Cycle Cycle { get; private set; } = null!;

    public string OrganizationName { get; private set; } = "";

    public IReadOnlyList<DistrictChoiceGroup> DistrictGroups { get; private set; } = [];

    public ProposalReview? Review { get; private set; }

    public ReviewOutcome? Outcome { get; private set; }

    public TechnicalReportEntry? Reported { get; private set; }

    public IReadOnlyList<Observation> OpenObservations { get; private set; } = [];

    /// <summary>The ficha may be revised now: inside the window, or answering an open observation.</summary>
    public bool CanEdit => Proposal.Status != ProposalStatus.Withdrawn && (WindowOpen || Answering);

    public bool WindowOpen { get; private set; }

    public bool Answering => OpenObservations.Count > 0 && Proposal.Status == ProposalStatus.Submitted;

    public CalendarEntry? Window => Cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.ProposalSubmission);

    private DateOnly Today => LimaTime.Today(clock);

    public IEnumerable<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ProposalInput.From(Proposal);
        Input.Pad(1);
        return Page();
    }

    public async Task<IActionResult> OnPostMoreRowsAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        Input.Pad(ProposalInput.BlankRows);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var details = Input.ToDetails(ModelState, t);
        if (details is null)
        {
            Input.Pad(1);
            return Page();
        }

        var populations = await ProposalReads.PopulationsAsync(db, Cycle.JurisdictionUbigeo, cancellationToken);
        return await ChangeAsync("", () =>
        {
            Proposal.Revise(Cycle, details, populations, Today, clock.GetUtcNow(), answeringObservation: !WindowOpen && Answering);
            return t["Cambios guardados."];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (upload is null)
        {
            ModelState.AddModelError(DocumentErrors, t["Elija el archivo que desea adjuntar."]);
            return Redisplay();
        }

        if (await documents.TrySaveAsync(upload, ModelState, DocumentErrors, t, cancellationToken) is not { } stored)
        {
            return Redisplay();
        }

        var result = await ChangeAsync(DocumentErrors, () =>
        {
            Proposal.AddDocument(Cycle, upload.FileName, stored.Key, stored.ContentType, stored.SizeBytes, stored.Sha256, Today, clock.GetUtcNow(), answeringObservation: !WindowOpen && Answering);
            return t["Documento adjuntado."];
        }, cancellationToken);
        if (result is not RedirectToPageResult)
        {
            DeleteQuietly(stored.Key);
        }

        return result;
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(int id, int documentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ProposalDocument? removed = null;
        var result = await ChangeAsync(DocumentErrors, () =>
        {
            removed = Proposal.RemoveDocument(Cycle, documentId, Today, clock.GetUtcNow(), answeringObservation: !WindowOpen && Answering);
            return t["Documento quitado: {0}.", removed.FileName];
        }, cancellationToken);
        if (result is RedirectToPageResult && removed is not null)
        {
            DeleteQuietly(removed.StorageKey);
        }

        return result;
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // Sent twice (a double click): the first one did it.
        if (Proposal.Status == ProposalStatus.Submitted)
        {
            TempData["Flash"] = t["La propuesta ya fue presentada."].Value;
            return RedirectToPage(new { id });
        }

        return await ChangeAsync(StatusErrors, () =>
        {
            Proposal.Submit(Cycle, Today, clock.GetUtcNow());
            return t["Propuesta presentada. El equipo técnico la evaluará; siga aquí su estado."];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Proposal.Status == ProposalStatus.Withdrawn)
        {
            return RedirectToPage(new { id });
        }

        return await ChangeAsync(StatusErrors, () =>
        {
            Proposal.Withdraw(Cycle, Today, clock.GetUtcNow());
            return t["Propuesta retirada."];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Review is null)
        {
            ModelState.AddModelError(AnswerErrors, Messages.NoOpenObservation.Format());
            return Redisplay();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        return await ChangeAsync(AnswerErrors, () =>
        {
            Review.Answer(userId, AnswerText ?? "", Today, clock.GetUtcNow());
            new EvaluationQueries(db).Touch(Review);
            return t["Respuesta enviada al equipo técnico."];
        }, cancellationToken);
    }

    /// <summary>Runs a change through the domain and saves it; a refusal is shown with what was typed kept, nothing saved.</summary>
    private async Task<IActionResult> ChangeAsync(string errorKey, Func<string> change, CancellationToken cancellationToken)
    {
        try
        {
            var flash = change();
            await db.SaveChangesAsync(cancellationToken);
            TempData["Flash"] = flash;
            return RedirectToPage(new { id = Proposal.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, errorKey);
            return Redisplay();
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            ModelState.AddModelError(errorKey, t["Otra persona modificó esta propuesta mientras usted editaba. Recargue la página y vuelva a intentarlo."]);
            return Redisplay();
        }
    }

    private PageResult Redisplay()
    {
        if (!Request.HasFormContentType || Request.Form.Keys.All(k => !k.StartsWith("Input.", StringComparison.Ordinal)))
        {
            // A form that is not the ficha (upload, submit, answer): show the ficha as stored.
            Input = ProposalInput.From(Proposal);
        }

        Input.Pad(1);
        return Page();
    }

    private void DeleteQuietly(string key)
    {
        try
        {
            documents.Delete(key);
        }
        catch (IOException)
        {
            // An orphan file is harmless; the record is what counts.
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var proposal = await ProposalReads.OwnAsync(db, id, userId, cancellationToken);
        if (proposal is null)
        {
            return false;
        }

        Proposal = proposal;
        Cycle = (await ProposalReads.CycleAsync(db, proposal.CycleId, cancellationToken))!;
        OrganizationName = await db.Organizations.Where(o => o.Id == proposal.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        DistrictGroups = await ProposalReads.DistrictsAsync(db, Cycle.JurisdictionUbigeo, cancellationToken);
        WindowOpen = ConcertationWindow.IsOpen(Cycle, CalendarStep.ProposalSubmission, Today);

        var queries = new EvaluationQueries(db);
        Review = await queries.Reviews().SingleOrDefaultAsync(r => r.ProposalId == id, cancellationToken);
        if (Review is not null)
        {
            var priority = await queries.ThemePriorityAsync(Cycle, cancellationToken);
            Outcome = Review.Outcome(Cycle, priority?.PriorityOf(proposal.ThemeId), proposal.EstimatedCost, Today);
            OpenObservations = Review.OpenObservations(Today);
        }

        Reported = await db.TechnicalReports.AsNoTracking()
            .Where(r => r.CycleId == proposal.CycleId && r.PublishedAt != null)
            .SelectMany(r => r.Entries)
            .Include(e => e.Scores)
            .SingleOrDefaultAsync(e => e.ProposalId == id, cancellationToken);
        return true;
    }
}
