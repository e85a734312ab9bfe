using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles;

/// <summary>The prioritization matrix: criteria, their weights (summing to 100 %) and scales.</summary>
public sealed class CriteriaModel(AppDbContext db, CurrentActor currentActor, IValidator<CriteriaModel.CriterionRow> rowValidator)
    : CyclePageModel(db, currentActor)
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 1000;
    public const int MaxDescriptorLength = 500;

    public sealed class LevelRow
    {
        public int? Score { get; set; }

        public string? Descriptor { get; set; }

        public bool IsBlank => Score is null && string.IsNullOrWhiteSpace(Descriptor);
    }

    public sealed class CriterionRow
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public int? Weight { get; set; }

        public List<LevelRow> Levels { get; set; } = [];

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description) && Weight is null && Levels.All(l => l.IsBlank);
    }

    public sealed class CriterionRowValidator : AbstractValidator<CriterionRow>
    {
        public CriterionRowValidator(IStringLocalizer<SharedResource> t)
        {
            When(x => !x.IsBlank, () =>
            {
                RuleFor(x => x.Name).NotEmpty().WithMessage(_ => t["Escriba el nombre del criterio o deje vacío todo el bloque."])
                    .MaximumLength(MaxNameLength).WithMessage(_ => t["El nombre admite como máximo {0} caracteres.", MaxNameLength]);
                RuleFor(x => x.Description).MaximumLength(MaxDescriptionLength)
                    .WithMessage(_ => t["La descripción admite como máximo {0} caracteres.", MaxDescriptionLength]);
                RuleFor(x => x.Weight).NotNull().WithMessage(_ => t["Indique el peso en %."])
                    .InclusiveBetween(1, 100).WithMessage(_ => t["El peso debe estar entre 1 % y 100 %."]);
                RuleForEach(x => x.Levels).ChildRules(level =>
                {
                    level.RuleFor(l => l.Score).NotNull().When(l => !l.IsBlank).WithMessage(_ => t["Indique el puntaje del nivel."])
                        .InclusiveBetween(0, 100).WithMessage(_ => t["El puntaje debe estar entre 0 y 100."]);
                    level.RuleFor(l => l.Descriptor).NotEmpty().When(l => !l.IsBlank).WithMessage(_ => t["Describa el nivel."])
                        .MaximumLength(MaxDescriptorLength).WithMessage(_ => t["La descripción admite como máximo {0} caracteres.", MaxDescriptorLength]);
                });
            });
        }
    }

    [BindProperty]
    public List<CriterionRow> Rows { get; set; } = [];

    public int WeightTotal => Rows.Where(r => !r.IsBlank).Sum(r => r.Weight ?? 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        Rows = Cycle.Criteria.Select(c => new CriterionRow
        {
            Name = c.Name,
            Description = c.Description,
            Weight = c.WeightPercent,
            Levels = c.Levels.Select(l => new LevelRow { Score = l.Score, Descriptor = l.Descriptor }).ToList(),
        }).ToList();
        PadBlanks();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var valid = true;
        for (var i = 0; i < Rows.Count; i++)
        {
            valid &= ModelState.AddValidation(await rowValidator.ValidateAsync(Rows[i], cancellationToken), $"Rows[{i}]");
        }

        if (valid)
        {
            var criteria = Rows.Where(r => !r.IsBlank).Select(r => new CriterionInput(
                r.Name!.Trim(),
                r.Description?.Trim() ?? "",
                r.Weight!.Value,
                r.Levels.Where(l => !l.IsBlank).Select(l => new ScaleLevelInput(l.Score!.Value, l.Descriptor!.Trim())).ToList())).ToList();
            if (await TrySaveAsync(() => Cycle.SetCriteria(criteria, Actor), cancellationToken))
            {
                return RedirectToDashboard(Localizer["Matriz de criterios guardada."]);
            }
        }

        PadBlanks();
        return Page();
    }

    /// <summary>Puts back the criteria DESIGN.md offers, replacing the current ones.</summary>
    public async Task<IActionResult> OnPostDefaultsAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (await TrySaveAsync(() => Cycle.SetCriteria(DefaultCriteria.All, Actor), cancellationToken))
        {
            return RedirectToDashboard(Localizer["Se restablecieron los criterios por defecto."]);
        }

        return await OnGetAsync(id, cancellationToken);
    }

    /// <summary>One empty criterion to add, and one empty level per criterion.</summary>
    private void PadBlanks()
    {
        foreach (var row in Rows)
        {
            row.Levels.RemoveAll(l => l.IsBlank);
            row.Levels.Add(new LevelRow());
        }

        if (Rows.All(r => !r.IsBlank))
        {
            Rows.Add(new CriterionRow { Levels = [new(), new(), new(), new()] });
        }
    }
}
