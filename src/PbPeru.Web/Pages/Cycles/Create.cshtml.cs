using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles;

public sealed class CreateModel(
    AppDbContext db,
    CurrentActor currentActor,
    TimeProvider clock,
    IValidator<CreateModel.CycleInput> validator,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class CycleInput
    {
        public string JurisdictionUbigeo { get; set; } = "";

        public int? FiscalYear { get; set; }

        public string Name { get; set; } = "";

        public string Ceiling { get; set; } = "";

        /// <summary>Sent with the form so a second submit of the same form finds the first cycle.</summary>
        public Guid CreationKey { get; set; }
    }

    public sealed class CycleInputValidator : AbstractValidator<CycleInput>
    {
        public CycleInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.JurisdictionUbigeo).NotEmpty().WithMessage(_ => t["Elija la jurisdicción."]);
            RuleFor(x => x.FiscalYear).NotNull().WithMessage(_ => t["Indique el año fiscal."])
                .InclusiveBetween(Cycle.MinFiscalYear, Cycle.MaxFiscalYear)
                .WithMessage(_ => t["El año fiscal debe estar entre {0} y {1}.", Cycle.MinFiscalYear, Cycle.MaxFiscalYear]);
            RuleFor(x => x.Name).NotEmpty().WithMessage(_ => t["Escriba el nombre del ciclo."])
                .MaximumLength(Cycle.MaxNameLength).WithMessage(_ => t["El nombre admite como máximo {0} caracteres.", Cycle.MaxNameLength]);
            RuleFor(x => x.Ceiling).NotEmpty().WithMessage(_ => t["Indique el techo presupuestal en soles."])
                .Must(text => Amount.TryParse(text, out var m) && m.IsPositive)
                .When(x => !string.IsNullOrWhiteSpace(x.Ceiling), ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => t["El techo presupuestal debe ser un monto en soles mayor que cero, con hasta dos decimales (por ejemplo 2,500,000.00)."]);
        }
    }

    public sealed record JurisdictionOption(string Ubigeo, string Label);

    [BindProperty]
    public CycleInput Input { get; set; } = new();

    public IReadOnlyList<JurisdictionOption> Jurisdictions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadJurisdictionsAsync(cancellationToken);
        Input = new CycleInput
        {
            JurisdictionUbigeo = Jurisdictions.Count == 1 ? Jurisdictions[0].Ubigeo : "",
            FiscalYear = LimaTime.Today(clock).Year + 1,
            CreationKey = Guid.NewGuid(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadJurisdictionsAsync(cancellationToken);

        // The same form sent twice (a double click, a retry) finds the cycle the first one made.
        if (await CreatedByThisFormAsync(cancellationToken) is { } existingId)
        {
            return RedirectToPage("/Cycles/Dashboard", new { id = existingId });
        }

        if (!ModelState.AddValidation(await validator.ValidateAsync(Input, cancellationToken)))
        {
            return Page();
        }

        if (Jurisdictions.All(j => j.Ubigeo != Input.JurisdictionUbigeo))
        {
            ModelState.AddModelError("Input.JurisdictionUbigeo", t["Solo puede crear ciclos para las jurisdicciones a su cargo."]);
            return Page();
        }

        var year = Input.FiscalYear!.Value;
        if (await db.Cycles.AnyAsync(c => c.JurisdictionUbigeo == Input.JurisdictionUbigeo && c.FiscalYear == year, cancellationToken))
        {
            // Perhaps the twin of this very submit got there first.
            if (await CreatedByThisFormAsync(cancellationToken) is { } twinId)
            {
                return RedirectToPage("/Cycles/Dashboard", new { id = twinId });
            }

            ModelState.AddModelError("Input.FiscalYear", t["Ya existe un ciclo de esta jurisdicción para el año fiscal {0}.", year]);
            return Page();
        }

        var actor = await currentActor.GetAsync(cancellationToken);
        Amount.TryParse(Input.Ceiling, out var ceiling);
        Cycle cycle;
        try
        {
            cycle = Cycle.Create(Input.JurisdictionUbigeo, year, Input.Name, ceiling, actor, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e);
            return Page();
        }

        db.Cycles.Add(cycle);
        db.Entry(cycle).Property("CreationKey").CurrentValue = Input.CreationKey == Guid.Empty ? Guid.NewGuid() : Input.CreationKey;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another request: either the same form (same key) or another cycle
            // for the same jurisdiction and year. Tell which, and keep nothing half-saved.
            db.ChangeTracker.Clear();
            if (await CreatedByThisFormAsync(cancellationToken) is { } winnerId)
            {
                return RedirectToPage("/Cycles/Dashboard", new { id = winnerId });
            }

            ModelState.AddModelError("Input.FiscalYear", t["Ya existe un ciclo de esta jurisdicción para el año fiscal {0}.", year]);
            return Page();
        }

        TempData["Flash"] = t["Ciclo creado. Complete su configuración: calendario, ejes, criterios y reglas."].Value;
        return RedirectToPage("/Cycles/Dashboard", new { id = cycle.Id });
    }

    private async Task<int?> CreatedByThisFormAsync(CancellationToken cancellationToken) =>
        Input.CreationKey == Guid.Empty
            ? null
            : await db.Cycles.Where(c => EF.Property<Guid?>(c, "CreationKey") == Input.CreationKey)
                .Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);

    private async Task LoadJurisdictionsAsync(CancellationToken cancellationToken)
    {
        var actor = await currentActor.GetAsync(cancellationToken);
        var managed = actor.ManagedJurisdictions.ToList();
        var jurisdictions = await db.Jurisdictions.Where(j => managed.Contains(j.Ubigeo)).OrderBy(j => j.Ubigeo).ToListAsync(cancellationToken);
        Jurisdictions = jurisdictions
            .Where(j => j.Government is not null)
            .Select(j => new JurisdictionOption(j.Ubigeo, $"{GovernmentNames.Of(j, t)} ({j.Ubigeo})"))
            .ToList();
    }
}
