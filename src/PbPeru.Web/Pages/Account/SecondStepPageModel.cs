using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Pages.Account;

/// <summary>
/// The pages of the sign-in's second step (the authenticator's code, a recovery code): only between a
/// right password and the code; anyone else is sent back to the login, with the return address kept
/// when it is local.
/// </summary>
public abstract class SecondStepPageModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? LocalReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    protected SignInManager<AppUser> SignInManager => signIn;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await SignInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            context.Result = RedirectToPage("/Account/Login", new { returnUrl = LocalReturnUrl });
            return;
        }

        await next();
    }
}
