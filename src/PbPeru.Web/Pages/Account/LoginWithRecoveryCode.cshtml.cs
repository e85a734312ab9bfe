using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Pages.Account;

/// <summary>The second step of signing in without the phone: one of the recovery codes, each good once.</summary>
[AllowAnonymous]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t) : SecondStepPageModel(signIn)
{
    [BindProperty]
    public string RecoveryCode { get; set; } = "";


    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // Codes are shown as XXXXX-XXXXX in capitals; a person may type them with spaces or in lower case.
        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (code.Length is 0 or > 32)
        {
            ModelState.AddModelError(nameof(RecoveryCode), t["Escriba uno de sus códigos de recuperación."]);
            return Page();
        }

        var result = await SignInManager.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            TempData["Flash"] = t["Usó un código de recuperación: ya no servirá otra vez. Si le quedan pocos, genere nuevos."].Value;
            return LocalRedirect(LocalReturnUrl ?? "/Account/TwoFactor");
        }

        ModelState.AddModelError("", result.IsLockedOut
            ? t["La cuenta está bloqueada por demasiados intentos fallidos. Inténtelo de nuevo en 15 minutos."]
            : t["El código de recuperación no es correcto o ya fue usado."]);
        return Page();
    }
}
