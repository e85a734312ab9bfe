using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles.Meetings;

/// <summary>Every meeting of the cycle, all kinds, newest first, with its counts; scheduling a new one.</summary>
public sealed class MeetingsModel(
    AppDbContext db,
    CurrentActor currentActor,
    TimeProvider clock,
    IValidator<MeetingsModel.MeetingInput> validator,
    IStringLocalizer<SharedResource> t)
    : CyclePageModel(db, currentActor)
{
    public sealed class MeetingInput
    {
        public MeetingKind? Kind { get; set; }

        public string? Title { get; set; }

        /// <summary>The day in Lima.</summary>
        public DateOnly? Date { get; set; }

        /// <summary>The hour in Lima.</summary>
        public TimeOnly? Time { get; set; }

        public string? Place { get; set; }

        public string? Facilitator { get; set; }
    }

    public sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
    {
        public MeetingInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Kind).NotNull().WithMessage(_ => t["Elija el tipo de reunión."])
                .Must(k => k is null || MeetingNames.CycleKinds.Contains(k.Value)).WithMessage(_ => t["Elija el tipo de reunión."]);
            RuleFor(x => x.Title).NotEmpty().WithMessage(_ => t["Escriba el título de la reunión."])
                .MaximumLength(Meeting.MaxTitleLength).WithMessage(_ => t["El título admite como máximo {0} caracteres.", Meeting.MaxTitleLength]);
            RuleFor(x => x.Date).NotNull().WithMessage(_ => t["Indique la fecha."]);
            RuleFor(x => x.Time).NotNull().WithMessage(_ => t["Indique la hora."]);
            RuleFor(x => x.Place).NotEmpty().WithMessage(_ => t["Indique el lugar."])
                .MaximumLength(Meeting.MaxPlaceLength).WithMessage(_ => t["El lugar admite como máximo {0} caracteres.", Meeting.MaxPlaceLength]);
            RuleFor(x => x.Facilitator).MaximumLength(AppUser.MaxFullNameLength)
                .WithMessage(_ => t["El nombre admite como máximo {0} caracteres.", AppUser.MaxFullNameLength]);
        }
    }

    public sealed record Row(int Id, MeetingKind Kind, string Title, DateTimeOffset StartsAt, string Place, MeetingCounts Counts, bool HasMinutes);

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public IReadOnlyList<Row> Meetings { get; private set; } = [];

    public bool CanSchedule => Cycle.Phase is not (Phase.Draft or Phase.Closed);

    /// <summary>Today's day in Lima, for the form's default date.</summary>
    public DateOnly Today => LimaTime.Today(clock);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
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
            Input.Kind!.Value, Input.Title!, LimaTime.At(Input.Date!.Value, Input.Time!.Value), Input.Place!, Input.Facilitator ?? "");
        if (await MeetingScheduling.ScheduleOnceAsync(Db, Cycle, Actor, details, ModelState, t, cancellationToken) is { } meetingId)
        {
            TempData["Flash"] = t["Reunión programada. Complete su agenda e invitados."].Value;
            return RedirectToPage("/Cycles/Meetings/Edit", new { id, meetingId });
        }

        await LoadListAsync(cancellationToken);
        return Page();
    }

    private async Task LoadListAsync(CancellationToken cancellationToken)
    {
        var meetings = await Db.Meetings.AsNoTracking()
            .Where(m => m.CycleId == Cycle.Id)
            .Include(m => m.Attendance)
            .Include(m => m.Guests)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var sexes = await AttendanceDesk.AgentSexesAsync(Db, Cycle.Id, cancellationToken);
        Meetings = meetings
            .OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id)
            .Select(m => new Row(m.Id, m.Kind, m.Title, m.StartsAt, m.Place, m.Counts(sexes), m.Minutes is not null))
            .ToList();
    }
}
