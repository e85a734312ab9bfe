using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Account;

/// <summary>
/// Anyone may open an account; ticking the box makes it an organization representative, who can
/// then register an organization. Staff roles are only granted by an administrator.
/// </summary>
public sealed class RegisterModel(
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IValidator<RegisterModel.RegisterInput> validator,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class RegisterInput
    {
        public string Email { get; set; } = "";

        public string FullName { get; set; } = "";

        public string Password { get; set; } = "";

        public bool RegistersOrganization { get; set; } = true;
    }

    public sealed class RegisterInputValidator : AbstractValidator<RegisterInput>
    {
        public const int MaxEmailLength = 256;

        public RegisterInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => t["Escriba su correo electrónico."])
                .MaximumLength(MaxEmailLength).WithMessage(_ => t["El correo puede tener hasta {0} caracteres.", MaxEmailLength])
                .EmailAddress().WithMessage(_ => t["Escriba un correo electrónico válido, por ejemplo nombre@municipalidad.gob.pe."]);
            RuleFor(x => x.FullName).NotEmpty().WithMessage(_ => t["Escriba su nombre completo."])
                .MaximumLength(AppUser.MaxFullNameLength).WithMessage(_ => t["El nombre admite como máximo {0} caracteres.", AppUser.MaxFullNameLength]);

            // How long and how varied: Identity's own rules, whose messages go beside the field.
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => t["Escriba una contraseña."])
                .MaximumLength(256).WithMessage(_ => t["La contraseña admite como máximo {0} caracteres.", 256]);
        }
    }

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SignedIn)
        {
            return Page();
        }

        if (!ModelState.AddValidation(await validator.ValidateAsync(Input, cancellationToken)))
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = new AppUser { UserName = email, Email = email, FullName = Input.FullName.Trim() };
        IdentityResult created;
        try
        {
            // The account and its role together, or neither.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            created = await users.CreateAsync(user, Input.Password);
            if (created.Succeeded && Input.RegistersOrganization)
            {
                created = await users.AddToRoleAsync(user, Roles.OrganizationRepresentative);
            }

            if (created.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // The same email saved by another request in between: a double submit, most likely.
            db.ChangeTracker.Clear();
            return await ExistingAccountAsync(email);
        }

        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                return await ExistingAccountAsync(email);
            }

            foreach (var error in created.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password"
                    : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email"
                    : "";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = Input.RegistersOrganization
            ? t["Cuenta creada. Ya puede inscribir a su organización."].Value
            : t["Cuenta creada."].Value;
        return Input.RegistersOrganization ? RedirectToPage("/Registration/Index") : LocalRedirect("/");
    }

    /// <summary>
    /// An account with this email exists. If the password is its own, this is the same person
    /// sending the form again (a double click): they are signed in. Otherwise, a clear message.
    /// Wrong passwords count towards the lockout, as on the login page.
    /// </summary>
    private async Task<IActionResult> ExistingAccountAsync(string email)
    {
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null && !existing.TwoFactorEnabled && (await signIn.CheckPasswordSignInAsync(existing, Input.Password, lockoutOnFailure: true)).Succeeded)
        {
            if (Input.RegistersOrganization && !await users.IsInRoleAsync(existing, Roles.OrganizationRepresentative))
            {
                await users.AddToRoleAsync(existing, Roles.OrganizationRepresentative);
            }

            await signIn.SignInAsync(existing, isPersistent: false);
            return Input.RegistersOrganization ? RedirectToPage("/Registration/Index") : LocalRedirect("/");
        }

        ModelState.AddModelError("Input.Email", t["Ya existe una cuenta con el correo {0}. Si es suya, inicie sesión.", email]);
        return Page();
    }
}
