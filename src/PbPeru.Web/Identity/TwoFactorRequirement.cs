using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace PbPeru.Web.Identity;

/// <summary>
/// Two-factor authentication (TOTP, an authenticator app) for the staff who change what everyone
/// else sees: administrators, cycle managers and the technical team. With
/// <c>Security:RequireTwoFactorForStaff</c> on (the default), such a person who has not enabled it is
/// sent to the set-up page from every other page until they do.
/// </summary>
public static class TwoFactorSetup
{
    public const string RequireForStaffSetting = "Security:RequireTwoFactorForStaff";

    public static IServiceCollection AddPbPeruTwoFactor(this IServiceCollection services)
    {
        services.AddSingleton<StaffTwoFactor>();
        services.Configure<MvcOptions>(o => o.Filters.Add<TwoFactorRequirementFilter>());
        return services;
    }
}

/// <summary>Who must use two-factor authentication, as configured.</summary>
public sealed class StaffTwoFactor(IConfiguration configuration)
{
    public const string Issuer = "PbPeru";

    /// <summary>The roles that can change a cycle, an evaluation or an account.</summary>
    public static IReadOnlyList<string> StaffRoles { get; } = [Roles.Administrator, Roles.CycleManager, Roles.TechnicalTeam];

    /// <summary>On unless configured off (secure by default).</summary>
    public bool IsRequired => configuration.GetValue(TwoFactorSetup.RequireForStaffSetting, defaultValue: true);

    public bool IsRequiredFor(ClaimsPrincipal user) => IsRequired && StaffRoles.Any(user.IsInRole);

    /// <summary>The key as a person types it: groups of four, lower case.</summary>
    public static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                formatted.Append(' ');
            }

            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return formatted.ToString().ToLowerInvariant();
    }

    /// <summary>The address an authenticator app reads from the QR code (Google's Key Uri Format).</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(email)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";

    /// <summary>The six digits of a code as typed ("123 456", "123-456"), or null if it is not six digits.</summary>
    public static string? NormalizeCode(string? typed)
    {
        var code = (typed ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return code.Length == 6 && code.All(char.IsAsciiDigit) ? code : null;
    }
}

/// <summary>
/// The signed-in person as Identity builds them at sign-in, at every refresh and at every security
/// stamp check (each minute): who they are, their roles, and whether they use two-factor
/// authentication — the requirement reads it from the sign-in instead of loading the person on every
/// staff page. Turning it on or off refreshes the sign-in; an administrator's reset changes the
/// stamp and ends the sessions.
/// </summary>
/// <remarks>
/// Roles are read in one query. Identity's own role-aware factory also looks each role up by name
/// and reads its claims, two more round trips per role at every check; the app gives roles no claims.
/// </remarks>
internal sealed class PbPeruClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string TwoFactorClaim = "pbperu:two-factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var role in await UserManager.GetRolesAsync(user))
        {
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorClaim, "on"));
        }

        return identity;
    }
}

/// <summary>
/// Sends staff without two-factor authentication to its set-up page. Pages that a person needs to
/// get there, or out, stay open: the sign-in steps, the set-up itself, sign-out, the language and
/// the error page; the public results need no account anyway.
/// </summary>
internal sealed class TwoFactorRequirementFilter(StaffTwoFactor policy) : IAsyncPageFilter
{
    public const string SetUpPage = "/Account/TwoFactor";

    private static readonly HashSet<string> OpenPages = new(StringComparer.OrdinalIgnoreCase)
    {
        SetUpPage,
        "/Account/RecoveryCodes",
        "/Account/Login",
        "/Account/LoginWith2fa",
        "/Account/LoginWithRecoveryCode",
        "/Account/Logout",
        "/Culture",
        "/Error",
    };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        var user = context.HttpContext.User;
        if (!policy.IsRequiredFor(user)
            || OpenPages.Contains(page)
            || page.StartsWith("/Public/", StringComparison.OrdinalIgnoreCase)
            || user.HasClaim(PbPeruClaimsPrincipalFactory.TwoFactorClaim, "on"))
        {
            return next();
        }

        var request = context.HttpContext.Request;
        var returnUrl = HttpMethods.IsGet(request.Method) ? request.PathBase + request.Path + request.QueryString : null;
        context.Result = new RedirectToPageResult(SetUpPage, new { returnUrl });
        return Task.CompletedTask;
    }
}
