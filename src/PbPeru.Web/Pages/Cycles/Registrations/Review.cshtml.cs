using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Pages.Cycles.Registrations;

/// <summary>
/// One organization's registration as staff review it — its details, agents (with their DNI),
/// documents and every earlier decision — and the decision: accept, observe or reject.
/// </summary>
public sealed class ReviewModel(AppDbContext db, CurrentActor currentActor, Notifier notifier, TimeProvider clock, IDocumentStore documents, AuditTrail audit)
    : CyclePageModel(db, currentActor)
{
    public Organization Organization { get; private set; } = null!;

    public string DistrictName { get; private set; } = "";

    public string? RepresentativeName { get; private set; }

    public string? RepresentativeEmail { get; private set; }

    public bool PreliminaryListPublished { get; private set; }

    public bool FinalListPublished { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Set when a decision arrives for a registration no longer awaiting review (a double click, another manager).</summary>
    public string? AlreadyDecided { get; private set; }

    [BindProperty]
    public string? WhatToFix { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int organizationId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        return await LoadOrganizationAsync(organizationId, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, int organizationId, CancellationToken cancellationToken) =>
        DecideAsync(id, organizationId, ReviewOutcome.Accepted, "", "", cancellationToken);

    public Task<IActionResult> OnPostObserveAsync(int id, int organizationId, CancellationToken cancellationToken) =>
        DecideAsync(id, organizationId, ReviewOutcome.Observed, WhatToFix ?? "", nameof(WhatToFix), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int id, int organizationId, CancellationToken cancellationToken) =>
        DecideAsync(id, organizationId, ReviewOutcome.Rejected, Reason ?? "", nameof(Reason), cancellationToken);

    /// <summary>Streams a supporting document as an attachment; never shown inline, whatever it claims to be.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, int organizationId, int documentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var document = await Db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId && o.CycleId == id)
            .SelectMany(o => o.Documents)
            .Where(d => d.Id == documentId)
            .Select(d => new { d.StorageKey, d.FileName, d.ContentType })
            .SingleOrDefaultAsync(cancellationToken);
        return document is null
            ? NotFound()
            : DocumentDownload.Of(documents, document.StorageKey, document.ContentType, document.FileName, Response);
    }

    private async Task<IActionResult> DecideAsync(int id, int organizationId, ReviewOutcome outcome, string note, string field, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!await LoadOrganizationAsync(organizationId, cancellationToken))
        {
            return NotFound();
        }

        if (Organization.Status != OrganizationStatus.Submitted)
        {
            AlreadyDecided = Localizer["Esta inscripción ya no está pendiente de revisión (estado: {0}); no se registró otra decisión.", ReviewLabels.Of(Organization.Status, Localizer)];
            return Page();
        }

        // Once the final list stands, a late decision would change it behind everyone's back.
        if (await Db.AccreditationLists.AnyAsync(l => l.CycleId == Cycle.Id && l.FinalPublishedAt != null, cancellationToken))
        {
            ModelState.AddModelError(field, Localizer["La lista final ya fue publicada: ya no se pueden aceptar, observar ni rechazar inscripciones."]);
            return Page();
        }

        var now = clock.GetUtcNow();
        try
        {
            switch (outcome)
            {
                case ReviewOutcome.Accepted:
                    Organization.Accept(Cycle, Actor, now);
                    break;
                case ReviewOutcome.Observed:
                    Organization.Observe(Cycle, Actor, note, now);
                    break;
                default:
                    Organization.Reject(Cycle, Actor, note, now);
                    break;
            }
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, field);
            return Page();
        }

        var (subject, text) = Notice(outcome, Organization.Decisions[^1].Note);
        notifier.Notify(Organization.RepresentativeUserId, subject, text, $"/Registration/Edit/{Organization.Id}");
        audit.Record(Cycle.Id, AuditActions.AccreditationDecided, $"organization:{Organization.Id}", $"{outcome}: {Organization.Name}");

        var decided = Organization.Status;
        var saved = await OnceOnly.SaveAsync(
            Db,
            ct => Db.Organizations
                .Where(o => o.Id == organizationId && o.Status == OrganizationStatus.Submitted)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, decided), ct),
            cancellationToken);
        if (!saved)
        {
            // Another request decided first: show what it decided, not this one.
            Db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            await LoadOrganizationAsync(organizationId, cancellationToken);
            AlreadyDecided = Localizer["Esta inscripción ya no está pendiente de revisión (estado: {0}); no se registró otra decisión.", ReviewLabels.Of(Organization.Status, Localizer)];
            return Page();
        }

        await notifier.SendQueuedEmailsAsync(cancellationToken);
        TempData["Flash"] = (outcome switch
        {
            ReviewOutcome.Accepted => Localizer["Inscripción de «{0}» aceptada: sus agentes quedan acreditados.", Organization.Name],
            ReviewOutcome.Observed => Localizer["Inscripción de «{0}» observada: se avisó a la organización qué debe corregir.", Organization.Name],
            _ => Localizer["Inscripción de «{0}» rechazada: se avisó a la organización el motivo.", Organization.Name],
        }).Value;
        return RedirectToPage("/Cycles/Registrations/Index", new { id });
    }

    private (string Subject, string Text) Notice(ReviewOutcome outcome, string note) => outcome switch
    {
        ReviewOutcome.Accepted => (
            Localizer["Su inscripción fue aceptada"],
            Localizer["La inscripción de «{0}» en {1} fue aceptada. Sus agentes quedan acreditados y figurarán en la lista de agentes participantes.", Organization.Name, Cycle.Name]),
        ReviewOutcome.Observed => (
            Localizer["Su inscripción tiene observaciones"],
            Localizer["La inscripción de «{0}» en {1} fue observada. Debe corregir lo siguiente y volver a enviarla: {2}", Organization.Name, Cycle.Name, note]),
        _ => (
            Localizer["Su inscripción fue rechazada"],
            Localizer["La inscripción de «{0}» en {1} fue rechazada. Motivo: {2}", Organization.Name, Cycle.Name, note]),
    };

    /// <summary>The organization with everything the page shows; false when it is not of this cycle.</summary>
    private async Task<bool> LoadOrganizationAsync(int organizationId, CancellationToken cancellationToken)
    {
        var organization = await Db.Organizations
            .Include(o => o.Agents)
            .Include(o => o.Documents)
            .Include(o => o.Decisions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == organizationId && o.CycleId == Cycle.Id, cancellationToken);
        if (organization is null)
        {
            return false;
        }

        Organization = organization;
        DistrictName = await Db.Jurisdictions.Where(j => j.Ubigeo == organization.DistrictUbigeo)
            .Select(j => j.Province == null || j.Province == j.Name ? j.Name : j.Name + " (" + j.Province + ")")
            .SingleOrDefaultAsync(cancellationToken) ?? organization.DistrictUbigeo;
        var representative = await Db.Users.AsNoTracking()
            .Where(u => u.Id == organization.RepresentativeUserId)
            .Select(u => new { u.FullName, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        RepresentativeName = representative?.FullName;
        RepresentativeEmail = representative?.Email;
        var list = await Db.AccreditationLists.AsNoTracking().SingleOrDefaultAsync(l => l.CycleId == Cycle.Id, cancellationToken);
        PreliminaryListPublished = list?.IsPreliminaryPublished == true;
        FinalListPublished = list?.IsFinalPublished == true;
        Today = LimaTime.Today(clock);
        return true;
    }
}
