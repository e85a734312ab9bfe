using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Pages.Account;

/// <summary>
/// The second step of signing in for a person with two-factor authentication: the password was
/// right (Identity keeps that in its own short-lived cookie), now the code of the authenticator app.
/// </summary>
/// <remarks>
/// No "remember this device": staff often work on shared computers of a municipality, where such a
/// cookie would let the next person at the browser skip the second step.
/// </remarks>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : SecondStepPageModel(signIn)
{
    [BindProperty]
    public string Code { get; set; } = "";

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var code = StaffTwoFactor.NormalizeCode(Code);
        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), t["Escriba los 6 dígitos que muestra su aplicación."]);
            return Page();
        }

        // A wrong code counts towards the lockout, like a wrong password.
        var result = await SignInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(LocalReturnUrl ?? "/");
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? t["La cuenta está bloqueada por demasiados intentos fallidos. Inténtelo de nuevo en 15 minutos."]
            : t["El código no es correcto. Escriba el código que su aplicación muestra ahora; cambia cada 30 segundos."]);
        return Page();
    }
}
