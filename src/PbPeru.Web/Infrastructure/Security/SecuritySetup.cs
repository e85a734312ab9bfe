using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Infrastructure.Security;

/// <summary>
/// The app's protections against attack, registered in one place: server-side sessions, cookie
/// flags, the common-password check, rate limits, the reverse proxy's headers, and the security
/// headers of every response.
/// </summary>
public static class SecuritySetup
{
    public static IServiceCollection AddPbPeruSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IPasswordValidator<AppUser>, CommonPasswordValidator>();
        services.AddPbPeruRateLimits(configuration);

        // Sessions on the server: the cookie carries a key, logout and a password change end them.
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<DatabaseTicketStore, IHttpContextAccessor>((options, store, accessor) =>
            {
                options.SessionStore = store;
                options.TicketDataFormat = new SessionKeyRotation(options.TicketDataFormat, accessor);
                var signingIn = options.Events.OnSigningIn;
                options.Events.OnSigningIn = context =>
                {
                    context.HttpContext.Items[DatabaseTicketStore.SigningInItem] = true;
                    return signingIn(context);
                };
            });

        // Every cookie: HttpOnly, SameSite=Lax at least, Secure whenever the request came over HTTPS.
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.Secure = CookieSecurePolicy.SameAsRequest;
        });
        services.ConfigureAll<CookieAuthenticationOptions>(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Behind a reverse proxy the app sees HTTPS and the person's address from X-Forwarded-*,
        // trusted only from the loopback unless ForwardedHeaders:KnownProxies/KnownNetworks say more.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: the proxy's headers, the cookie flags and the security headers apply to every response.</summary>
    public static IApplicationBuilder UsePbPeruSecurity(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        return app.UseCookiePolicy();
    }
}
