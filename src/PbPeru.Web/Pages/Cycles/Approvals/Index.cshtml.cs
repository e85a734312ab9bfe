using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Documents;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Cycles.Approvals;

/// <summary>
/// The approval chain of the approved list: the coordination council's decision, then the
/// council's (each with its date, agreement or resolution number, outcome and an optional signed
/// document), kept as a history that is never edited (an observed or rejected list goes back and
/// the same body decides again, as a new decision), then the submission to the MEF; and the
/// downloads of the approved list (CSV, XLSX, JSON) with their column dictionary.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IDocumentStore documents, IStringLocalizer<SharedResource> t, AuditTrail audit)
    : CyclePageModel(db, currentActor)
{
    public const string DocumentErrors = "Decision.Document";

    public sealed class DecisionInput
    {
        public ApprovalBody? Body { get; set; }

        public DateOnly? Date { get; set; }

        public string? AgreementNumber { get; set; }

        public ApprovalOutcome? Outcome { get; set; }

        public string? Note { get; set; }

        /// <summary>The form's random key: a second submit of the same form records nothing more.</summary>
        public string? CreationKey { get; set; }

        public bool Confirm { get; set; }
    }

    public sealed class MefInput
    {
        public DateOnly? Date { get; set; }

        public string? Reference { get; set; }

        public bool Confirm { get; set; }
    }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [BindProperty]
    public MefInput Mef { get; set; } = new();

    public ApprovalChain? Chain { get; private set; }

    public bool ActaIssued { get; private set; }

    public ApprovedList? List { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The body that decides next; null once both approved.</summary>
    public ApprovalBody? NextBody => Chain is null ? ApprovalBody.CoordinationCouncil : Chain.NextBody;

    public bool CanDecide => Cycle.Phase == Phase.Formalization && ActaIssued && NextBody is not null;

    public bool CanSubmitToMef => Cycle.Phase is Phase.Formalization or Phase.Published && Chain is { IsApproved: true, IsSubmittedToMef: false };

    public string BodyName(ApprovalBody body) => ApprovalLabels.BodyOf(body, Jurisdiction, t);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAllAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Prefill();
        return Page();
    }

    /// <summary>The signed agreement or resolution attached to a decision.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, int decisionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var decision = await Db.ApprovalDecisions.AsNoTracking()
            .Where(d => d.Id == decisionId && Db.ApprovalChains.Any(c => c.Id == d.ApprovalChainId && c.CycleId == id))
            .SingleOrDefaultAsync(cancellationToken);
        return decision?.DocumentKey is null
            ? NotFound()
            : DocumentDownload.Of(documents, decision.DocumentKey, decision.DocumentContentType ?? "application/octet-stream", decision.DocumentFileName ?? "documento", Response);
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, IFormFile? document, CancellationToken cancellationToken)
    {
        if (await LoadAllAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var key = Decision.CreationKey?.Trim() ?? "";
        if (key.Length is 0 or > ApprovalChain.CreationKeyLength)
        {
            // A form without its key is not one this page made: start again with a fresh one.
            ModelState.AddModelError("", t["El formulario caducó. Revise los datos y vuelva a enviarlo."]);
            Decision.CreationKey = NewKey();
            return Page();
        }

        if (Chain?.WithCreationKey(key) is not null)
        {
            return Done(t["La decisión ya estaba registrada."]);
        }

        if (Decision.Body is null || Decision.Outcome is null || Decision.Date is null)
        {
            ModelState.AddModelError("", t["Indique la fecha y la decisión del órgano."]);
            return Page();
        }

        if (!Decision.Confirm)
        {
            ModelState.AddModelError("Decision.Confirm", t["Marque la casilla para confirmar: la decisión queda registrada y no se puede editar ni borrar."]);
            return Page();
        }

        StoredDocument? stored = null;
        if (document is { Length: > 0 })
        {
            stored = await documents.TrySaveAsync(document, ModelState, DocumentErrors, t, cancellationToken);
            if (stored is null)
            {
                return Page();
            }
        }

        var input = new ApprovalDecisionInput(
            Decision.Body.Value,
            Decision.Date.Value,
            Decision.AgreementNumber ?? "",
            Decision.Outcome.Value,
            Decision.Note,
            stored is null ? null : new ApprovalDocument(FileNameOf(document!), stored.Key, stored.ContentType, stored.SizeBytes, stored.Sha256));
        try
        {
            var chain = Chain;
            if (chain is null)
            {
                chain = ApprovalChain.Start(Cycle, clock.GetUtcNow());
                Db.ApprovalChains.Add(chain);
            }

            var decision = chain.Decide(Cycle, Actor, ActaIssued, input, key, Today, clock.GetUtcNow());
            audit.Record(Cycle.Id, AuditActions.AgreementRecorded, $"cycle:{Cycle.Id}", $"approval: {decision.Body} {decision.Outcome}, {decision.AgreementNumber}");
            await Db.SaveChangesAsync(cancellationToken);
            return Done(decision.Outcome == ApprovalOutcome.Approved
                ? t["Decisión registrada: {0} aprobó la lista.", BodyName(decision.Body)]
                : t["Decisión registrada: la lista vuelve con su registro; {0} decidirá de nuevo.", BodyName(decision.Body)]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
        {
            // The same form sent twice at once, or another manager recorded a decision meanwhile.
            Db.ChangeTracker.Clear();
            if (stored is not null)
            {
                documents.Delete(stored.Key);
            }

            if (await LoadAllAsync(id, cancellationToken) is { } gone)
            {
                return gone;
            }

            if (Chain?.WithCreationKey(key) is not null)
            {
                return Done(t["La decisión ya estaba registrada."]);
            }

            ModelState.AddModelError("", t["Otra persona registró una decisión mientras usted escribía. Revise el historial y vuelva a intentarlo."]);
            return Page();
        }

        if (stored is not null)
        {
            documents.Delete(stored.Key);
        }

        Db.ChangeTracker.Clear();
        return await LoadAllAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostMefAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAllAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Chain is { IsSubmittedToMef: true })
        {
            return Done(t["La remisión al MEF ya estaba registrada."]);
        }

        if (Mef.Date is null)
        {
            ModelState.AddModelError("Mef.Date", t["Indique la fecha de la remisión al MEF."]);
            return Page();
        }

        if (!Mef.Confirm)
        {
            ModelState.AddModelError("Mef.Confirm", t["Marque la casilla para confirmar la remisión al MEF: no se puede deshacer."]);
            return Page();
        }

        try
        {
            if (Chain is null)
            {
                throw new DomainException(Messages.MefNeedsCouncilApproval.Format());
            }

            Chain.SubmitToMef(Cycle, Actor, Mef.Date.Value, Mef.Reference ?? "", Today, clock.GetUtcNow());
            audit.Record(Cycle.Id, AuditActions.AgreementRecorded, $"cycle:{Cycle.Id}", $"submitted to MEF: {Mef.Reference}");
            await Db.SaveChangesAsync(cancellationToken);
            return Done(t["Remisión al MEF registrada."]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            Db.ChangeTracker.Clear();
            return await LoadAllAsync(id, cancellationToken) ?? Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            if (await LoadAllAsync(id, cancellationToken) is { } gone)
            {
                return gone;
            }

            if (Chain is { IsSubmittedToMef: true })
            {
                return Done(t["La remisión al MEF ya estaba registrada."]);
            }

            ModelState.AddModelError("", t["Otra persona modificó estas aprobaciones mientras usted escribía. Vuelva a intentarlo."]);
            return Page();
        }
    }

    public static string NewKey() => Guid.NewGuid().ToString("N");

    private async Task<IActionResult?> LoadAllAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Today = LimaTime.Today(clock);
        Chain = await ApprovalQueries.ChainAsync(Db, id, tracking: true, cancellationToken);
        ActaIssued = await ActaQueries.IsIssuedAsync(Db, id, cancellationToken);
        List = await ApprovedListQuery.ForCycleAsync(Db, id, cancellationToken);
        return null;
    }

    private void Prefill()
    {
        Decision.Body = NextBody;
        Decision.Date = Today;
        Decision.Outcome = ApprovalOutcome.Approved;
        Decision.CreationKey = NewKey();
        Mef.Date = Today;
    }

    private static string FileNameOf(IFormFile file)
    {
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        name = string.IsNullOrWhiteSpace(name) ? "documento" : name.Trim();
        return name.Length > 200 ? name[^200..] : name;
    }

    private IActionResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage("/Cycles/Approvals/Index", new { id = Cycle.Id });
    }
}
