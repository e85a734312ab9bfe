using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Audit;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Audit;
using PbPeru.Web.Infrastructure.Formalization;

namespace PbPeru.Web.Pages.Cycles.Acta;

/// <summary>
/// The manager's side of the <i>Acta de Acuerdos y Compromisos</i>: the commitments it prints (add,
/// edit, remove in Formalization), a draft built from the current data, issuing version 1 (date,
/// place, confirmation), the versions issued, and a correction (reason, confirmation) that issues
/// the next version. An issued version is never changed: changed data reaches the acta only by a
/// correction.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentActor currentActor, TimeProvider clock, IStringLocalizer<SharedResource> t, AuditTrail audit)
    : CyclePageModel(db, currentActor)
{
    public sealed class CommitmentForm
    {
        /// <summary>Null for a new commitment.</summary>
        public int? Id { get; set; }

        public CommitmentParty? Party { get; set; }

        public string? Text { get; set; }

        public string? Responsible { get; set; }

        public DateOnly? DueDate { get; set; }

        /// <summary>The random key of a new commitment's form: a second submit finds the first.</summary>
        public string? CreationKey { get; set; }

        /// <summary>The commitment's version when the edit form was shown.</summary>
        public int? Version { get; set; }
    }

    public sealed class IssueForm
    {
        public DateOnly? WorkshopDate { get; set; }

        public string? Place { get; set; }

        public string? Reason { get; set; }

        public bool Confirm { get; set; }

        /// <summary>How many versions the page showed: a second submit of the same form finds the version it made.</summary>
        public int SeenVersions { get; set; }
    }

    [BindProperty]
    public CommitmentForm Commitment { get; set; } = new();

    [BindProperty]
    public IssueForm Issue { get; set; } = new();

    [BindProperty]
    public int? RemoveId { get; set; }

    [BindProperty]
    public bool ConfirmRemove { get; set; }

    public IReadOnlyList<Domain.Formalization.Commitment> Commitments { get; private set; } = [];

    public IReadOnlyList<ActaVersionView> Versions { get; private set; } = [];

    /// <summary>What the next version would print now; null without a computed result.</summary>
    public ActaContent? Draft { get; private set; }

    public bool CommitteeElected { get; private set; }

    /// <summary>True when the current data would print the same as the latest version (no correction needed).</summary>
    public bool DraftMatchesLatest { get; private set; }

    /// <summary>Commitments and versions change only in Formalization; later the page only reports.</summary>
    public bool CanManage => Cycle.Phase == Phase.Formalization;

    public bool IsEditing => Commitment.Id is not null;

    public async Task<IActionResult> OnGetAsync(int id, int? edit, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (edit is { } editId)
        {
            var commitment = await Db.Commitments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == editId && c.CycleId == id, cancellationToken);
            if (commitment is not null)
            {
                Commitment = new CommitmentForm
                {
                    Id = commitment.Id,
                    Party = commitment.Party,
                    Text = commitment.Text,
                    Responsible = commitment.Responsible,
                    DueDate = commitment.DueDate,
                    Version = await Db.Commitments.Where(c => c.Id == editId).Select(c => EF.Property<int>(c, "Version")).SingleAsync(cancellationToken),
                };
            }
        }

        await FillAsync(cancellationToken);
        await PrefillIssueAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveCommitmentAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var input = new CommitmentInput(Commitment.Party ?? (CommitmentParty)(-1), Commitment.Text ?? "", Commitment.Responsible ?? "", Commitment.DueDate);
        try
        {
            if (Commitment.Id is { } commitmentId)
            {
                var existing = await Db.Commitments.SingleOrDefaultAsync(c => c.Id == commitmentId && c.CycleId == id, cancellationToken);
                if (existing is null)
                {
                    ModelState.AddModelError("", t["Ese compromiso ya no existe: otra persona lo eliminó."]);
                    Commitment.Id = null;
                    return await RedisplayAsync(cancellationToken);
                }

                existing.Edit(Cycle, Actor, input);
                var version = Db.Entry(existing).Property<int>("Version");
                if (Commitment.Version is { } seen)
                {
                    version.OriginalValue = seen;
                }

                version.IsModified = true;
                audit.Record(Cycle.Id, AuditActions.AgreementRecorded, $"commitment:{existing.Id}", "commitment edited");
                await Db.SaveChangesAsync(cancellationToken);
                return Done(t["Compromiso actualizado."]);
            }

            var key = Commitment.CreationKey;
            if (string.IsNullOrEmpty(key) || key.Length != Domain.Formalization.Commitment.CreationKeyLength)
            {
                key = NewKey();
            }
            else if (await Db.Commitments.AnyAsync(c => c.CycleId == id && c.CreationKey == key, cancellationToken))
            {
                return Done(t["El compromiso ya estaba registrado."]);
            }

            Db.Commitments.Add(Domain.Formalization.Commitment.Record(Cycle, Actor, input, key, clock.GetUtcNow()));
            audit.Record(Cycle.Id, AuditActions.AgreementRecorded, $"cycle:{Cycle.Id}", $"commitment recorded ({input.Party})");
            await Db.SaveChangesAsync(cancellationToken);
            return Done(t["Compromiso registrado."]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["Otra persona modificó este compromiso mientras usted editaba. Recargue la página y vuelva a intentarlo."]);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The same form submitted twice at once: the other request saved it.
            return Done(t["El compromiso ya estaba registrado."]);
        }

        Db.ChangeTracker.Clear();
        return await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveCommitmentAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var existing = RemoveId is { } removeId
            ? await Db.Commitments.SingleOrDefaultAsync(c => c.Id == removeId && c.CycleId == id, cancellationToken)
            : null;
        if (existing is null)
        {
            return Done(t["El compromiso ya no existe."]);
        }

        if (!ConfirmRemove)
        {
            ModelState.AddModelError(nameof(ConfirmRemove), t["Marque la casilla para confirmar que quiere eliminar el compromiso."]);
            return await RedisplayAsync(cancellationToken);
        }

        try
        {
            existing.EnsureRemovable(Cycle, Actor);
            Db.Commitments.Remove(existing);
            audit.Record(Cycle.Id, AuditActions.AgreementRecorded, $"commitment:{existing.Id}", "commitment removed");
            await Db.SaveChangesAsync(cancellationToken);
            return Done(t["Compromiso eliminado."]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Done(t["El compromiso ya no existe."]);
        }

        Db.ChangeTracker.Clear();
        return await RedisplayAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostIssueAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var acta = await Db.Actas.Include(a => a.Versions).SingleOrDefaultAsync(a => a.CycleId == id, cancellationToken);
        var issued = acta?.Versions.Count ?? 0;
        if (issued > Issue.SeenVersions)
        {
            // A second submit of the same form: the version it asked for is already there.
            return Done(Issue.SeenVersions == 0 ? t["El acta ya fue emitida."] : t["La corrección ya fue emitida."]);
        }

        if (!Issue.Confirm)
        {
            ModelState.AddModelError("Issue.Confirm", issued == 0
                ? t["Marque la casilla para confirmar que quiere emitir el acta. Una versión emitida no se puede cambiar."]
                : t["Marque la casilla para confirmar que quiere emitir la corrección. Una versión emitida no se puede cambiar."]);
        }

        if (Issue.WorkshopDate is null)
        {
            ModelState.AddModelError("Issue.WorkshopDate", t["Indique la fecha del taller de formalización."]);
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        var provisional = new ActaStamp(issued + 1, now, Actor.DisplayName, Issue.WorkshopDate!.Value, Issue.Place ?? "", Issue.Reason);
        var body = await ActaContentBuilder.BuildAsync(Db, Cycle, provisional, cancellationToken);
        var facts = new ActaFacts(body is not null, await CommitteeQueries.IsElectedAsync(Db, id, cancellationToken));
        try
        {
            if (acta is null)
            {
                acta = Domain.Formalization.Acta.Of(Cycle);
                Db.Actas.Add(acta);
            }

            var version = acta.Issue(
                Cycle,
                Actor,
                facts,
                new ActaIssueInput(Issue.WorkshopDate.Value, Issue.Place ?? "", issued == 0 ? null : Issue.Reason),
                stamp => ActaContentBuilder.Serialize(body!.WithStamp(stamp)),
                now);
            if (Db.Entry(acta).State != EntityState.Added)
            {
                // A new version is a change of the acta: two corrections at once cannot both pass.
                Db.Entry(acta).Property<int>("Version").IsModified = true;
            }

            audit.Record(Cycle.Id, AuditActions.AgreementRecorded, AuditTrail.ActaSubject(Cycle.Id, version.Number), $"acta version {version.Number} issued");

            await Db.SaveChangesAsync(cancellationToken);
            return Done(version.Number == 1 ? t["Acta emitida (versión 1)."] : t["Corrección emitida (versión {0}).", version.Number]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e) || e is DbUpdateConcurrencyException)
        {
            // Another request issued this version a moment earlier (a double click, or a second manager).
            return Done(issued == 0 ? t["El acta ya fue emitida."] : t["La corrección ya fue emitida."]);
        }

        Db.ChangeTracker.Clear();
        return await RedisplayAsync(cancellationToken);
    }

    private IActionResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage(new { id = Cycle.Id });
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await FillAsync(cancellationToken);
        await PrefillIssueAsync(cancellationToken);
        return Page();
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        Commitments = (await Db.Commitments.AsNoTracking().Where(c => c.CycleId == Cycle.Id).ToListAsync(cancellationToken))
            .OrderBy(c => c.Party).ThenBy(c => c.RecordedAt).ThenBy(c => c.Id).ToList();
        Versions = await ActaQueries.VersionsAsync(Db, Cycle.Id, cancellationToken);
        CommitteeElected = await CommitteeQueries.IsElectedAsync(Db, Cycle.Id, cancellationToken);
        if (!IsEditing && string.IsNullOrEmpty(Commitment.CreationKey))
        {
            Commitment.CreationKey = NewKey();
        }

        var latest = Versions.Count == 0
            ? null
            : await Db.ActaVersions.AsNoTracking().SingleAsync(v => v.Id == Versions[0].Id, cancellationToken);
        var (date, place) = latest is not null ? (latest.WorkshopDate, latest.Place) : await DefaultsAsync(cancellationToken);
        var stamp = new ActaStamp(Versions.Count + 1, clock.GetUtcNow(), Actor.DisplayName, Issue.WorkshopDate ?? date, string.IsNullOrWhiteSpace(Issue.Place) ? place : Issue.Place.Trim(), null);
        Draft = await ActaContentBuilder.BuildAsync(Db, Cycle, stamp, cancellationToken);
        if (Draft is not null && latest is not null)
        {
            var stored = ActaContentBuilder.Deserialize(latest.Content);
            DraftMatchesLatest = ActaContentBuilder.Serialize(Draft.WithStamp(stored.Stamp)) == latest.Content;
        }
    }

    /// <summary>The form starts from the latest version's date and place, or the calendar's final workshop and its meeting's place.</summary>
    private async Task PrefillIssueAsync(CancellationToken cancellationToken)
    {
        Issue.SeenVersions = Versions.Count;
        if (Issue.WorkshopDate is not null && Issue.Place is not null)
        {
            return;
        }

        var latest = Versions.Count == 0 ? null : await Db.ActaVersions.AsNoTracking().SingleAsync(v => v.Id == Versions[0].Id, cancellationToken);
        var (date, place) = latest is not null ? (latest.WorkshopDate, latest.Place) : await DefaultsAsync(cancellationToken);
        Issue.WorkshopDate ??= date;
        Issue.Place ??= place;
    }

    private async Task<(DateOnly Date, string Place)> DefaultsAsync(CancellationToken cancellationToken)
    {
        var workshop = Cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.FinalWorkshop);
        var meeting = await Db.Meetings.AsNoTracking()
            .Where(m => m.CycleId == Cycle.Id && m.Kind == MeetingKind.FormalizationWorkshop)
            .OrderByDescending(m => m.StartsAt)
            .Select(m => new { m.StartsAt, m.Place })
            .FirstOrDefaultAsync(cancellationToken);
        var date = workshop?.Start ?? (meeting is null ? LimaTime.Today(clock) : DateOnly.FromDateTime(LimaTime.ToLima(meeting.StartsAt).DateTime));
        return (date, meeting?.Place ?? "");
    }
}
