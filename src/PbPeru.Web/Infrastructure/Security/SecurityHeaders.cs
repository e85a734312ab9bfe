using Microsoft.AspNetCore.Authorization;

namespace PbPeru.Web.Infrastructure.Security;

/// <summary>
/// The headers every answer carries, whatever produced it (a page, a static file, an error page, the
/// health check): a Content-Security-Policy without inline script, no framing, no MIME sniffing, a
/// referrer policy, no powerful browser features, HSTS over HTTPS, and <c>Cache-Control: no-store</c>
/// on anything behind the login.
/// </summary>
/// <remarks>
/// The headers are written when the response starts, not when the request arrives: the exception
/// handler clears the headers before it re-executes the error page, and antiforgery sets its own
/// X-Frame-Options; a callback registered first runs last, so these values win.
/// </remarks>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Scripts and styles only from the app itself: every page's scripts are files (site.js, ballot.js,
    /// bootstrap) and its styles are stylesheets. Images may be <c>data:</c> URLs (Bootstrap draws its
    /// icons with them). No plugins, no other site may frame a page, forms only post to the app.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>A year; the browser then refuses plain HTTP to this host.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state => Apply((HttpContext)state), context);
        return next(context);
    }

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        if (IsPrivate(context))
        {
            // Someone's own data must not stay in a shared computer's cache or a proxy.
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }

        return Task.CompletedTask;
    }

    /// <summary>A signed-in person's request, or a page closed to anonymous visitors (even when it only redirects to the login).</summary>
    private static bool IsPrivate(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            return false;
        }

        // Closed by default (the fallback policy): public only when marked anonymous.
        return endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }
}
