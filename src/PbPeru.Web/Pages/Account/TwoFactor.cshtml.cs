using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PbPeru.Web.Identity;
using QRCoder;

namespace PbPeru.Web.Pages.Account;

/// <summary>
/// The person's own two-factor authentication: set it up with an authenticator app (key and QR
/// code, confirmed by a code), then regenerate recovery codes or, where the role allows, turn it off.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, StaffTwoFactor policy, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Where to go on once it is set up (a local address only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Code { get; set; } = "";

    /// <summary>The person ticked "I understand" before a change that cannot be undone.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    public bool IsEnabled { get; private set; }

    /// <summary>The person's role requires two-factor authentication (and the setting is on).</summary>
    public bool IsRequired { get; private set; }

    public string FormattedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    /// <summary>The QR code of the authenticator address, as SVG; only while it is being set up.</summary>
    public async Task<IActionResult> OnGetQrAsync()
    {
        if (await users.GetUserAsync(User) is not { TwoFactorEnabled: false } user)
        {
            return NotFound();
        }

        var key = await KeyAsync(user);
        using var data = QRCodeGenerator.GenerateQrCode(StaffTwoFactor.AuthenticatorUri(user.Email!, key), QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(6);
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(svg), "image/svg+xml");
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var code = StaffTwoFactor.NormalizeCode(Code);
        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), t["Escriba los 6 dígitos que muestra su aplicación."]);
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), t["El código no es correcto. Revise que la hora de su celular sea la correcta y escriba el código que se muestra ahora."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);

        // Enabling changed the security stamp: without a new cookie the session would end within a minute.
        await signIn.RefreshSignInAsync(user);
        return ShowRecoveryCodes(codes, t["La verificación en dos pasos está activada."]);
    }

    public async Task<IActionResult> OnPostRegenerateAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), t["Marque la casilla para confirmar que los códigos actuales dejarán de servir."]);
            await LoadAsync(user);
            return Page();
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return ShowRecoveryCodes(codes, t["Se generaron nuevos códigos de recuperación; los anteriores ya no sirven."]);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (policy.IsRequiredFor(User))
        {
            ModelState.AddModelError("", t["Su función en PbPeru exige la verificación en dos pasos: no puede desactivarla."]);
        }
        else if (!Confirmed)
        {
            ModelState.AddModelError("", t["Marque la casilla para confirmar que desea desactivarla."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);

        // A new key next time: the old one, wherever it was copied, never works again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = t["La verificación en dos pasos está desactivada."].Value;
        return RedirectToPage();
    }

    private IActionResult ShowRecoveryCodes(IEnumerable<string>? codes, string message)
    {
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', codes ?? []);
        TempData["Flash"] = message;
        return RedirectToPage("/Account/RecoveryCodes", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
    }

    private async Task LoadAsync(AppUser user)
    {
        IsEnabled = user.TwoFactorEnabled;
        IsRequired = policy.IsRequiredFor(User);
        if (IsEnabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await KeyAsync(user);
        FormattedKey = StaffTwoFactor.FormatKey(key);
        AuthenticatorUri = StaffTwoFactor.AuthenticatorUri(user.Email!, key);
    }

    /// <summary>The person's authenticator key, made the first time it is asked for.</summary>
    private async Task<string> KeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);

            // A new key changes the security stamp: keep the person signed in.
            await signIn.RefreshSignInAsync(user);
        }

        return key!;
    }
}
