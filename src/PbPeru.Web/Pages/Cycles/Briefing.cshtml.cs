using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Pages.Cycles;

/// <summary>
/// The information workshop's page, written by the manager: text, last cycle's agreements and their
/// state, attachments; published for the public (and editable after, in Concertation).
/// </summary>
public sealed class BriefingModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IDocumentStore documents, IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    public const string DocumentErrors = "Upload";

    public sealed class AgreementRow
    {
        public string? Description { get; set; }

        public AgreementState State { get; set; }

        public string? Note { get; set; }

        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Note);
    }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public List<AgreementRow> Agreements { get; set; } = [];

    public Briefing? Briefing { get; private set; }

    public IEnumerable<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBriefingAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Body = Briefing?.Body;
        Agreements = Briefing?.PreviousAgreements.Select(a => new AgreementRow { Description = a.Description, State = a.State, Note = a.Note }).ToList() ?? [];
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBriefingAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var agreements = Agreements.Where(a => !a.Remove && !a.IsBlank)
            .Select(a => new AgreementInput(a.Description ?? "", a.State, a.Note ?? "")).ToList();
        return await ChangeAsync("", () =>
        {
            var briefing = EnsureBriefing();
            briefing.Edit(Cycle, Actor, Body ?? "", agreements, clock.GetUtcNow());
            return t["Taller informativo guardado."];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadBriefingAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Briefing?.IsPublished == true)
        {
            return RedirectToPage(new { id });
        }

        return await ChangeAsync("", () =>
        {
            EnsureBriefing().Publish(Cycle, Actor, clock.GetUtcNow());
            return t["Taller informativo publicado: ya es público."];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (await LoadBriefingAsync(id, cancellationToken) is { } refused)
        {
            return refused;
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
            EnsureBriefing().AddDocument(Cycle, Actor, upload.FileName, stored.Key, stored.ContentType, stored.SizeBytes, stored.Sha256, clock.GetUtcNow());
            return t["Documento adjuntado."];
        }, cancellationToken);
        if (result is not RedirectToPageResult)
        {
            documents.Delete(stored.Key);
        }

        return result;
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(int id, int documentId, CancellationToken cancellationToken)
    {
        if (await LoadBriefingAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        BriefingDocument? removed = null;
        var result = await ChangeAsync(DocumentErrors, () =>
        {
            removed = EnsureBriefing().RemoveDocument(Cycle, Actor, documentId, clock.GetUtcNow());
            return t["Documento quitado: {0}.", removed.FileName];
        }, cancellationToken);
        if (result is RedirectToPageResult && removed is not null)
        {
            documents.Delete(removed.StorageKey);
        }

        return result;
    }

    private Briefing EnsureBriefing()
    {
        if (Briefing is null)
        {
            Briefing = Domain.Concertation.Briefing.Start(Cycle, Actor, clock.GetUtcNow());
            Db.Briefings.Add(Briefing);
        }

        return Briefing;
    }

    private async Task<IActionResult> ChangeAsync(string key, Func<string> change, CancellationToken cancellationToken)
    {
        try
        {
            var flash = change();
            await Db.SaveChangesAsync(cancellationToken);
            TempData["Flash"] = flash;
            return RedirectToPage(new { id = Cycle.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, key);
            return Redisplay();
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            ModelState.AddModelError(key, t["Otra persona modificó este ciclo mientras usted editaba. Recargue la página y vuelva a intentarlo."]);
            return Redisplay();
        }
    }

    private PageResult Redisplay()
    {
        if (!Request.Form.ContainsKey(nameof(Body)))
        {
            Body = Briefing?.Body;
            Agreements = Briefing?.PreviousAgreements.Select(a => new AgreementRow { Description = a.Description, State = a.State, Note = a.Note }).ToList() ?? [];
        }

        Pad();
        return Page();
    }

    private void Pad()
    {
        Agreements = Agreements.Where(a => !a.IsBlank).Concat(Enumerable.Range(0, 2).Select(_ => new AgreementRow())).ToList();
    }

    private async Task<IActionResult?> LoadBriefingAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Briefing = await Db.Briefings.Include(b => b.PreviousAgreements).Include(b => b.Documents).AsSplitQuery()
            .SingleOrDefaultAsync(b => b.CycleId == id, cancellationToken);
        return null;
    }
}
