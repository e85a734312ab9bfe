using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PbPeru.Web.Pages.Account;

/// <summary>
/// The recovery codes just generated, shown once: they travel in TempData from the set-up page and
/// are gone when this page is left or reloaded.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class RecoveryCodesModel : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet()
    {
        if (TempData[TempDataKey] is not string codes || codes.Length == 0)
        {
            return RedirectToPage("/Account/TwoFactor");
        }

        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Page();
    }
}
