using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Security;

namespace PbPeru.Web.Pages.Account;

/// <summary>
/// A signed-in person changes their password. Every other session of theirs ends (a browser left
/// open elsewhere, a stolen cookie); this one continues under a new key.
/// </summary>
public sealed class PasswordModel(
    AppDbContext db,
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IValidator<PasswordModel.PasswordInput> validator,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxPasswordLength = 256;

    public sealed class PasswordInput
    {
        public string CurrentPassword { get; set; } = "";

        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class PasswordInputValidator : AbstractValidator<PasswordInput>
    {
        public PasswordInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(_ => t["Escriba su contraseña actual."])
                .MaximumLength(MaxPasswordLength).WithMessage(_ => t["La contraseña admite como máximo {0} caracteres.", MaxPasswordLength]);

            // How long and how common: Identity's rules, whose messages go beside the field.
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage(_ => t["Escriba la nueva contraseña."])
                .MaximumLength(MaxPasswordLength).WithMessage(_ => t["La contraseña admite como máximo {0} caracteres.", MaxPasswordLength]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => t["Las dos contraseñas nuevas no coinciden."]);
        }
    }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.AddValidation(await validator.ValidateAsync(Input, cancellationToken)))
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Checks the current password, the new one's length and commonness, and renews the security stamp.
        var changed = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        // Every session ends, this one too; the sign-in below opens this browser's new one.
        await DatabaseTicketStore.EndAllAsync(db, user.Id, cancellationToken);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = t["Contraseña cambiada. Las demás sesiones abiertas con su cuenta se cerraron."].Value;
        return LocalRedirect("/");
    }
}
