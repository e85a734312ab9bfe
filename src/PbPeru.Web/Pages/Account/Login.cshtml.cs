using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, IValidator<LoginModel.LoginInput> validator, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class LoginInput
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";
    }

    public sealed class LoginInputValidator : AbstractValidator<LoginInput>
    {
        public LoginInputValidator(IStringLocalizer<SharedResource> t)
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => t["Escriba su correo electrónico."]).MaximumLength(256);
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => t["Escriba su contraseña."]).MaximumLength(256);
        }
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.AddValidation(await validator.ValidateAsync(Input)))
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? t["La cuenta está bloqueada por demasiados intentos fallidos. Inténtelo de nuevo en 15 minutos."]
            : t["El correo o la contraseña no son correctos."]);
        return Page();
    }
}
