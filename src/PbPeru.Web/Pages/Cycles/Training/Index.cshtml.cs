using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Pages.Cycles.Meetings;

namespace PbPeru.Web.Pages.Cycles.Training;

/// <summary>The cycle's training sessions (capacitación): the list, scheduling a new one and editing one.</summary>
public sealed class TrainingSessionsModel(
    AppDbContext db,
    CurrentActor currentActor,
    TimeProvider clock,
    IValidator<TrainingSessionsModel.SessionInput> validator,
    IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    public sealed class SessionInput
    {
        /// <summary>The session being edited; empty for a new one.</summary>
        public int? MeetingId { get; set; }

        public string? Title { get; set; }

        /// <summary>The day in Lima.</summary>
        public DateOnly? Date { get; set; }

        /// <summary>The hour in Lima.</summary>
        public TimeOnly? Time { get; set; }

        public string? Place { get; set; }

        public string? Trainer { get; set; }
    }

    public sealed class SessionInputValidator : AbstractValidator<SessionInput>
    {
        public SessionInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Title).NotEmpty().WithMessage(_ => t["Escriba el título de la sesión."])
                .MaximumLength(Meeting.MaxTitleLength).WithMessage(_ => t["El título admite como máximo {0} caracteres.", Meeting.MaxTitleLength]);
            RuleFor(x => x.Date).NotNull().WithMessage(_ => t["Indique la fecha."]);
            RuleFor(x => x.Time).NotNull().WithMessage(_ => t["Indique la hora."]);
            RuleFor(x => x.Place).NotEmpty().WithMessage(_ => t["Indique el lugar."])
                .MaximumLength(Meeting.MaxPlaceLength).WithMessage(_ => t["El lugar admite como máximo {0} caracteres.", Meeting.MaxPlaceLength]);
            RuleFor(x => x.Trainer).MaximumLength(AppUser.MaxFullNameLength)
                .WithMessage(_ => t["El nombre admite como máximo {0} caracteres.", AppUser.MaxFullNameLength]);
        }
    }

    public sealed record SessionRow(int Id, string Title, DateTimeOffset StartsAt, string Place, string Trainer, int Present);

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public int AccreditedAgents { get; private set; }

    public int TrainedAgents { get; private set; }

    public CalendarEntry? TrainingWindow => Cycle.Calendar.FirstOrDefault(e => e.Step == CalendarStep.Training);

    public bool CanSchedule => Cycle.Phase is not (Phase.Draft or Phase.Closed);

    public bool Editing => Input.MeetingId is not null;

    public async Task<IActionResult> OnGetAsync(int id, int? edit, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (edit is { } meetingId)
        {
            var meeting = await FindSessionAsync(meetingId, cancellationToken);
            if (meeting is null)
            {
                return NotFound();
            }

            var lima = LimaTime.ToLima(meeting.StartsAt);
            Input = new SessionInput
            {
                MeetingId = meeting.Id,
                Title = meeting.Title,
                Date = DateOnly.FromDateTime(lima.DateTime),
                Time = TimeOnly.FromDateTime(lima.DateTime),
                Place = meeting.Place,
                Trainer = meeting.Facilitator,
            };
        }

        await LoadListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (!ModelState.AddValidation(await validator.ValidateAsync(Input, cancellationToken)))
        {
            await LoadListAsync(cancellationToken);
            return Page();
        }

        var details = new MeetingDetails(
            MeetingKind.Training, Input.Title!, LimaTime.At(Input.Date!.Value, Input.Time!.Value), Input.Place!, Input.Trainer ?? "");
        var saved = Input.MeetingId is { } meetingId
            ? await RescheduleAsync(meetingId, details, cancellationToken)
            : await MeetingScheduling.ScheduleOnceAsync(Db, Cycle, Actor, details, ModelState, t, cancellationToken) is not null;
        if (saved is null)
        {
            return NotFound();
        }

        if (saved.Value)
        {
            TempData["Flash"] = Input.MeetingId is null
                ? t["Sesión de capacitación programada."].Value
                : t["Sesión de capacitación actualizada."].Value;
            return RedirectToPage(new { id, edit = (int?)null });
        }

        await LoadListAsync(cancellationToken);
        return Page();
    }

    private async Task<bool?> RescheduleAsync(int meetingId, MeetingDetails details, CancellationToken cancellationToken)
    {
        var meeting = await FindSessionAsync(meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        try
        {
            meeting.Reschedule(Cycle, Actor, details);
            await Db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return false;
        }
    }

    private Task<Meeting?> FindSessionAsync(int meetingId, CancellationToken cancellationToken) =>
        Db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId && m.CycleId == Cycle.Id && m.Kind == MeetingKind.Training, cancellationToken);

    private async Task LoadListAsync(CancellationToken cancellationToken)
    {
        Sessions = await Db.Meetings
            .AsNoTracking()
            .Where(m => m.CycleId == Cycle.Id && m.Kind == MeetingKind.Training)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id)
            .Select(m => new SessionRow(m.Id, m.Title, m.StartsAt, m.Place, m.Facilitator, m.Attendance.Count()))
            .ToListAsync(cancellationToken);
        AccreditedAgents = await Db.Agents.CountAsync(a => a.CycleId == Cycle.Id && a.IsAccredited, cancellationToken);
        var trained = await TrainingStatus.AttendedAgentIdsAsync(Db, Cycle.Id, cancellationToken);
        TrainedAgents = await Db.Agents.CountAsync(a => a.CycleId == Cycle.Id && a.IsAccredited && trained.Contains(a.Id), cancellationToken);
    }

    /// <summary>Today's day in Lima, for the form's default date.</summary>
    public DateOnly Today => LimaTime.Today(clock);
}
