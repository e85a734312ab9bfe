using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Pages.Cycles.Meetings;

/// <summary>One meeting of the cycle: its details, agenda, guests, minutes, agreements and attachments.</summary>
public sealed class EditModel(
    AppDbContext db,
    CurrentActor currentActor,
    TimeProvider clock,
    IDocumentStore documents,
    IValidator<MeetingsModel.MeetingInput> validator,
    IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    public const string FileErrors = "Upload";

    public sealed class MinutesInput
    {
        public string? Agenda { get; set; }

        public string? Minutes { get; set; }

        /// <summary>One agreement per line.</summary>
        public string? Agreements { get; set; }
    }

    public sealed class GuestForm
    {
        public string? Name { get; set; }

        public string? Office { get; set; }

        public AttendeeCategory? Category { get; set; }

        public Sex? Sex { get; set; }
    }

    public Meeting Meeting { get; private set; } = null!;

    public MeetingCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);

    [BindProperty]
    public MeetingsModel.MeetingInput Details { get; set; } = new();

    [BindProperty]
    public MinutesInput Record { get; set; } = new();

    [BindProperty]
    public GuestForm Guest { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        FillForms(details: true, record: true);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(int id, int meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!ModelState.AddValidation(await validator.ValidateAsync(Details, cancellationToken), nameof(Details)))
        {
            return PageWith(record: true);
        }

        var details = new MeetingDetails(
            Details.Kind!.Value, Details.Title!, LimaTime.At(Details.Date!.Value, Details.Time!.Value), Details.Place!, Details.Facilitator ?? "");
        return await SaveAsync(() => Meeting.Reschedule(Cycle, Actor, details), t["Datos de la reunión guardados."], details: false, record: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostMinutesAsync(int id, int meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        var agreements = (Record.Agreements ?? "").Split('\n').Select(l => l.Trim()).ToList();
        return await SaveAsync(
            () => Meeting.RecordMinutes(Cycle, Actor, Record.Agenda, Record.Minutes, agreements, clock.GetUtcNow()),
            t["Agenda, acta y acuerdos guardados."], details: true, record: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddGuestAsync(int id, int meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (Guest.Category is null)
        {
            ModelState.AddModelError("Guest.Category", t["Elija el tipo de asistente."]);
            return PageWith(details: true, record: true);
        }

        var input = new GuestInput(Guest.Name ?? "", Guest.Office ?? "", Guest.Category.Value, Guest.Sex, null);
        if (IsTwin(input))
        {
            // The same guest sent twice (a double tap): one record.
            return Done(t["El asistente ya estaba registrado."]);
        }

        try
        {
            Meeting.AddGuest(Cycle, Actor, input);
            await Db.SaveChangesAsync(cancellationToken);
            return Done(t["Asistente registrado: {0}.", input.Name.Trim()]);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, "Guest");
        }
        catch (Exception e) when (DatabaseErrors.IsConflict(e))
        {
            // Two saves at once took the same position: look again.
            await ReloadAsync(cancellationToken);
            if (IsTwin(input))
            {
                return Done(t["El asistente ya estaba registrado."]);
            }

            ModelState.AddModelError("Guest", t["Otra persona guardó al mismo tiempo. Revise la lista y vuelva a intentarlo."]);
        }

        return PageWith(details: true, record: true);
    }

    public async Task<IActionResult> OnPostRemoveGuestAsync(int id, int meetingId, int position, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (Meeting.Guests.All(g => g.Position != position))
        {
            // Already removed (a double tap or another person).
            return Done(t["Ese asistente ya no figura en la reunión."]);
        }

        return await SaveAsync(() => Meeting.RemoveGuest(Cycle, Actor, position), t["Asistente quitado."], details: true, record: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostAttachAsync(int id, int meetingId, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError(FileErrors, t["Elija un archivo."]);
            return PageWith(details: true, record: true);
        }

        var stored = await documents.TrySaveAsync(upload, ModelState, FileErrors, t, cancellationToken);
        if (stored is null)
        {
            return PageWith(details: true, record: true);
        }

        if (Meeting.Documents.Any(d => d.Sha256 == stored.Sha256))
        {
            // The same file again (a double submit): keep the first.
            documents.Delete(stored.Key);
            return Done(t["Ese archivo ya estaba adjunto."]);
        }

        try
        {
            Meeting.Attach(Cycle, Actor, Path.GetFileName(upload.FileName), stored.Key, stored.ContentType, stored.SizeBytes, stored.Sha256, clock.GetUtcNow());
            await Db.SaveChangesAsync(cancellationToken);
            return Done(t["Archivo adjuntado."]);
        }
        catch (DomainException e)
        {
            documents.Delete(stored.Key);
            ModelState.AddDomainError(e, FileErrors);
            return PageWith(details: true, record: true);
        }
    }

    public async Task<IActionResult> OnGetDocumentAsync(int id, int meetingId, int documentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } denied)
        {
            return denied;
        }

        var document = Meeting.Documents.FirstOrDefault(d => d.Id == documentId);
        return document is null ? NotFound() : DocumentDownload.Of(documents, document.StorageKey, document.ContentType, document.FileName, Response);
    }

    private bool IsTwin(GuestInput input) =>
        Meeting.Guests.Any(g => g.Name == input.Name.Trim() && g.Office == input.Office.Trim() && g.Category == input.Category && g.Sex == input.Sex);

    private async Task<IActionResult> SaveAsync(Action change, string done, bool details, bool record, CancellationToken cancellationToken)
    {
        try
        {
            change();
            await Db.SaveChangesAsync(cancellationToken);
            return Done(done);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
        }
        catch (Exception e) when (DatabaseErrors.IsConflict(e))
        {
            await ReloadAsync(cancellationToken);
            ModelState.AddModelError("", t["Otra persona guardó al mismo tiempo. Revise la lista y vuelva a intentarlo."]);
        }

        return PageWith(details, record);
    }

    private IActionResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage(new { id = Cycle.Id, meetingId = Meeting.Id });
    }

    private IActionResult PageWith(bool details = false, bool record = false)
    {
        FillForms(details, record);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, int meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var meeting = await FindAsync(meetingId, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        Meeting = meeting;
        await CountAsync(cancellationToken);
        return null;
    }

    private Task<Meeting?> FindAsync(int meetingId, CancellationToken cancellationToken) =>
        Db.Meetings
            .Include(m => m.Attendance).Include(m => m.Guests).Include(m => m.Agreements).Include(m => m.Documents)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.CycleId == Cycle.Id, cancellationToken);

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in Db.ChangeTracker.Entries()
                     .Where(e => e.Entity is PbPeru.Domain.Meetings.Meeting or Attendance or MeetingGuest or MeetingAgreement or MeetingDocument).ToList())
        {
            entry.State = EntityState.Detached;
        }

        Meeting = await FindAsync(Meeting.Id, cancellationToken) ?? Meeting;
        await CountAsync(cancellationToken);
    }

    private async Task CountAsync(CancellationToken cancellationToken) =>
        Counts = Meeting.Counts(await AttendanceDesk.AgentSexesAsync(Db, Cycle.Id, cancellationToken));

    /// <summary>Fills the forms the person did not just send from the stored meeting.</summary>
    private void FillForms(bool details, bool record)
    {
        if (details)
        {
            var lima = LimaTime.ToLima(Meeting.StartsAt);
            Details = new MeetingsModel.MeetingInput
            {
                Kind = Meeting.Kind,
                Title = Meeting.Title,
                Date = DateOnly.FromDateTime(lima.DateTime),
                Time = TimeOnly.FromDateTime(lima.DateTime),
                Place = Meeting.Place,
                Facilitator = Meeting.Facilitator,
            };
        }

        if (record)
        {
            Record = new MinutesInput
            {
                Agenda = Meeting.Agenda,
                Minutes = Meeting.Minutes,
                Agreements = string.Join("\n", Meeting.Agreements.Select(a => a.Text)),
            };
        }
    }
}
