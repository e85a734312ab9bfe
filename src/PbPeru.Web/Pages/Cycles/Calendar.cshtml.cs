using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles;

/// <summary>The dates of each phase and of its steps, in Lima's calendar days.</summary>
public sealed class CalendarModel(AppDbContext db, CurrentActor currentActor, IValidator<CalendarModel.Row> rowValidator)
    : CyclePageModel(db, currentActor)
{
    public sealed class Row
    {
        public CalendarStep Step { get; set; }

        public DateOnly? Start { get; set; }

        public DateOnly? End { get; set; }
    }

    public sealed class RowValidator : AbstractValidator<Row>
    {
        public RowValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Start).NotNull().When(x => x.End is not null).WithMessage(_ => t["Indique también la fecha de inicio."]);
            RuleFor(x => x.End).NotNull().When(x => x.Start is not null).WithMessage(_ => t["Indique también la fecha de fin."]);
            RuleFor(x => x.End).GreaterThanOrEqualTo(x => x.Start).When(x => x.Start is not null && x.End is not null)
                .WithMessage(_ => t["La fecha de fin no puede ser anterior a la de inicio."]);
        }
    }

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Rows = CalendarSteps.All.Select(step =>
        {
            var entry = Cycle.Calendar.FirstOrDefault(e => e.Step == step);
            return new Row { Step = step, Start = entry?.Start, End = entry?.End };
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        // Rows of phases already over are disabled in the form and keep their stored dates.
        foreach (var row in Rows.Where(r => IsPast(r.Step)))
        {
            var entry = Cycle.Calendar.FirstOrDefault(e => e.Step == row.Step);
            (row.Start, row.End) = (entry?.Start, entry?.End);
        }

        var valid = true;
        for (var i = 0; i < Rows.Count; i++)
        {
            valid &= ModelState.AddValidation(await rowValidator.ValidateAsync(Rows[i], cancellationToken), $"Rows[{i}]");
        }

        if (!valid)
        {
            return Page();
        }

        var entries = Rows.Where(r => r.Start is not null && r.End is not null)
            .Select(r => new CalendarInput(r.Step, r.Start!.Value, r.End!.Value))
            .ToList();
        return await TrySaveAsync(() => Cycle.SetCalendar(entries, Actor), cancellationToken)
            ? RedirectToDashboard(Localizer["Calendario guardado."])
            : Page();
    }

    public bool IsPast(CalendarStep step) => Cycle.Phase > CalendarSteps.PhaseOf(step);
}
