using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Cycles;

/// <summary>The development plan's themes (ejes) that proposals belong to.</summary>
public sealed class ThemesModel(AppDbContext db, CurrentActor currentActor, IValidator<ThemesModel.Row> rowValidator)
    : CyclePageModel(db, currentActor)
{
    public const int BlankRows = 3;
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 1000;

    public sealed class Row
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description);
    }

    public sealed class RowValidator : AbstractValidator<Row>
    {
        public RowValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Name).NotEmpty().When(x => !x.IsBlank).WithMessage(_ => t["Escriba el nombre del eje o deje la fila vacía."])
                .MaximumLength(MaxNameLength).WithMessage(_ => t["El nombre admite como máximo {0} caracteres.", MaxNameLength]);
            RuleFor(x => x.Description).MaximumLength(MaxDescriptionLength)
                .WithMessage(_ => t["La descripción admite como máximo {0} caracteres.", MaxDescriptionLength]);
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

        Rows = Cycle.Themes.Select(t => new Row { Name = t.Name, Description = t.Description })
            .Concat(Enumerable.Range(0, BlankRows).Select(_ => new Row()))
            .ToList();
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

        if (!valid)
        {
            return Page();
        }

        var themes = Rows.Where(r => !r.IsBlank).Select(r => new ThemeInput(r.Name!, r.Description ?? "")).ToList();
        if (await TrySaveAsync(() => Cycle.SetThemes(themes, Actor), cancellationToken))
        {
            return RedirectToDashboard(Localizer["Ejes temáticos guardados."]);
        }

        Rows.AddRange(Enumerable.Range(0, Math.Max(0, BlankRows - Rows.Count(r => r.IsBlank))).Select(_ => new Row()));
        return Page();
    }
}
