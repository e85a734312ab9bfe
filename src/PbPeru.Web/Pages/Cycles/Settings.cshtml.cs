using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles;

/// <summary>The cycle's name, its budget ceiling and what a proposal may cost.</summary>
public sealed class SettingsModel(AppDbContext db, CurrentActor currentActor, IValidator<SettingsModel.SettingsInput> validator)
    : CyclePageModel(db, currentActor)
{
    public sealed class SettingsInput
    {
        public string Name { get; set; } = "";

        public string Ceiling { get; set; } = "";

        public string MinimumCost { get; set; } = "";

        public string? MaximumCost { get; set; }
    }

    public sealed class SettingsInputValidator : AbstractValidator<SettingsInput>
    {
        public SettingsInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage(_ => t["Escriba el nombre del ciclo."])
                .MaximumLength(Cycle.MaxNameLength).WithMessage(_ => t["El nombre admite como máximo {0} caracteres.", Cycle.MaxNameLength]);
            RuleFor(x => x.Ceiling).Must(text => Amount.TryParse(text, out var m) && m.IsPositive)
                .WithMessage(_ => t["El techo presupuestal debe ser un monto en soles mayor que cero, con hasta dos decimales (por ejemplo 2,500,000.00)."]);
            RuleFor(x => x.MinimumCost).Must(text => Amount.TryParse(text, out var m) && m.Centimos >= 0)
                .WithMessage(_ => t["El costo mínimo debe ser un monto en soles de cero o más, con hasta dos decimales."]);
            RuleFor(x => x.MaximumCost).Must(text => Amount.TryParse(text, out var m) && m.IsPositive)
                .When(x => !string.IsNullOrWhiteSpace(x.MaximumCost))
                .WithMessage(_ => t["El costo máximo debe ser un monto en soles mayor que cero, con hasta dos decimales, o quedar vacío."]);
        }
    }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Input = new SettingsInput
        {
            Name = Cycle.Name,
            Ceiling = Amount.ForInput(Cycle.Ceiling),
            MinimumCost = Amount.ForInput(Cycle.ProposalRules.MinimumCost),
            MaximumCost = Cycle.ProposalRules.MaximumCost is { } max ? Amount.ForInput(max) : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        // A frozen part's fields are disabled and not posted: it keeps its stored values.
        if (Cycle.IsFrozen(RuleSet.Ceiling))
        {
            Input.Ceiling = Amount.ForInput(Cycle.Ceiling);
        }

        if (Cycle.IsFrozen(RuleSet.ProposalRules))
        {
            Input.MinimumCost = Amount.ForInput(Cycle.ProposalRules.MinimumCost);
            Input.MaximumCost = Cycle.ProposalRules.MaximumCost is { } stored ? Amount.ForInput(stored) : null;
        }

        if (!ModelState.AddValidation(await validator.ValidateAsync(Input, cancellationToken)))
        {
            return Page();
        }

        Amount.TryParse(Input.Ceiling, out var ceiling);
        Amount.TryParse(Input.MinimumCost, out var minimum);
        Money? maximum = Amount.TryParse(Input.MaximumCost, out var max) ? max : null;
        // The form edits the cost bounds only; the other proposal rules keep their stored values.
        var proposalRules = Cycle.ProposalRules with { MinimumCost = minimum, MaximumCost = maximum };

        // Only what changed goes to the domain, so an unchanged frozen value is no error.
        var saved = await TrySaveAsync(() =>
        {
            if (Input.Name.Trim() != Cycle.Name)
            {
                Cycle.Rename(Input.Name, Actor);
            }

            if (ceiling != Cycle.Ceiling)
            {
                Cycle.SetCeiling(ceiling, Actor);
            }

            if (proposalRules != Cycle.ProposalRules)
            {
                Cycle.SetProposalRules(proposalRules, Actor);
            }
        }, cancellationToken);
        return saved ? RedirectToDashboard(Localizer["Datos del ciclo guardados."]) : Page();
    }
}
