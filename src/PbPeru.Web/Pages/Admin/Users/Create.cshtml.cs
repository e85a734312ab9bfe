using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Admin.Users;

public sealed class CreateModel(
    AppDbContext db,
    UserManager<AppUser> users,
    IValidator<CreateModel.CreateInput> validator,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class CreateInput
    {
        public string Email { get; set; } = "";

        public string FullName { get; set; } = "";

        public string Password { get; set; } = "";

        public List<string> Roles { get; set; } = [];

        /// <summary>The jurisdiction a cycle manager or technical team member works for.</summary>
        public string? JurisdictionUbigeo { get; set; }
    }

    public sealed class CreateInputValidator : AbstractValidator<CreateInput>
    {
        public CreateInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => t["Escriba el correo electrónico."])
                .MaximumLength(256).WithMessage(_ => t["El correo puede tener hasta {0} caracteres.", 256])
                .EmailAddress().WithMessage(_ => t["Escriba un correo electrónico válido, por ejemplo nombre@municipalidad.gob.pe."]);
            RuleFor(x => x.FullName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => t["Escriba el nombre completo."])
                .MaximumLength(AppUser.MaxFullNameLength).WithMessage(_ => t["El nombre puede tener hasta {0} caracteres.", AppUser.MaxFullNameLength]);

            // Its length and strength are Identity's rules (AppSetup), checked by the page model.
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => t["Escriba una contraseña inicial."]);
            RuleForEach(x => x.Roles).Must(r => Identity.Roles.All.Contains(r)).WithMessage(_ => t["Rol desconocido."]);
            RuleFor(x => x.JurisdictionUbigeo)
                .Must(u => !string.IsNullOrWhiteSpace(u))
                .When(x => x.Roles.Any(Identity.Roles.ScopedToJurisdiction.Contains))
                .WithMessage(_ => t["Indique el ubigeo de la jurisdicción para Responsable del ciclo o Equipo técnico."]);
            RuleFor(x => x.JurisdictionUbigeo)
                .Must(string.IsNullOrWhiteSpace)
                .When(x => !x.Roles.Any(Identity.Roles.ScopedToJurisdiction.Contains))
                .WithMessage(_ => t["La jurisdicción solo se indica con los roles Responsable del ciclo o Equipo técnico."]);
            RuleFor(x => x.JurisdictionUbigeo).MustBeUbigeo(t);
        }
    }

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // An empty field binds as null.
        Input.Email = Input.Email?.Trim() ?? "";
        Input.FullName = Input.FullName?.Trim() ?? "";
        Input.Password ??= "";
        Input.Roles ??= [];
        Input.JurisdictionUbigeo = string.IsNullOrWhiteSpace(Input.JurisdictionUbigeo) ? null : Input.JurisdictionUbigeo.Trim();
        var roles = UserAdministration.Known(Input.Roles);
        var user = new AppUser { UserName = Input.Email, Email = Input.Email, EmailConfirmed = true, FullName = Input.FullName };

        // Every message at once: the input's shape, the jurisdiction, and Identity's password rules.
        var valid = ModelState.AddValidation(await validator.ValidateAsync(Input, cancellationToken));
        if (Input.JurisdictionUbigeo is { } ubigeo && ModelState.GetFieldValidationState("Input.JurisdictionUbigeo") != ModelValidationState.Invalid
            && await UserAdministration.CheckGrantJurisdictionAsync(db, ubigeo, t, cancellationToken) is { } problem)
        {
            ModelState.AddModelError("Input.JurisdictionUbigeo", problem);
            valid = false;
        }

        if (Input.Password.Length > 0)
        {
            foreach (var passwordValidator in users.PasswordValidators)
            {
                var checkedPassword = await passwordValidator.ValidateAsync(users, user, Input.Password);
                if (!checkedPassword.Succeeded)
                {
                    ModelState.AddIdentityErrors(checkedPassword, "Input", Input.Email, t);
                    valid = false;
                }
            }
        }

        if (!valid)
        {
            return Page();
        }

        // The account, its roles and its grants are written together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await users.CreateAsync(user, Input.Password);
            if (result.Succeeded && roles.Count > 0)
            {
                result = await users.AddToRolesAsync(user, roles);
            }

            if (!result.Succeeded)
            {
                ModelState.AddIdentityErrors(result, "Input", Input.Email, t);
                return Page();
            }

            foreach (var role in roles.Where(Identity.Roles.ScopedToJurisdiction.Contains))
            {
                db.StaffAssignments.Add(new StaffAssignment { UserId = user.Id, Role = role, JurisdictionUbigeo = Input.JurisdictionUbigeo! });
            }

            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            if (!await EmailTakenAsync(cancellationToken))
            {
                throw;
            }

            // The same form sent twice at once: the unique user name stopped the second account.
            ModelState.AddModelError("Input.Email", t["Ya existe una cuenta con el correo {0}.", Input.Email]);
            return Page();
        }

        TempData["Flash"] = t["Se creó la cuenta de {0}.", user.FullName].Value;
        return RedirectToPage("/Admin/Users/Edit", new { id = user.Id });
    }

    private async Task<bool> EmailTakenAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var normalized = users.NormalizeName(Input.Email);
        return await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }
}
