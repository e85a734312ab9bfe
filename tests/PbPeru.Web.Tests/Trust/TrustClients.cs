using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>
/// The app with the production rate limits lowered so a test reaches them in a few requests.
/// </summary>
public sealed class LowLimitsPbPeruFactory : PbPeruFactory
{
    public const int LoginPerAccount = 3;
    public const int LoginPerAddress = 8;
    public const int Registrations = 2;
    public const int BallotPosts = 3;
    public const int Downloads = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Multiplier", "1");
        builder.UseSetting("RateLimits:Login:PermitLimit", $"{LoginPerAccount}");
        builder.UseSetting("RateLimits:LoginPerAddress:PermitLimit", $"{LoginPerAddress}");
        builder.UseSetting("RateLimits:Registration:PermitLimit", $"{Registrations}");
        builder.UseSetting("RateLimits:Voting:PermitLimit", $"{BallotPosts}");
        builder.UseSetting("RateLimits:Exports:PermitLimit", $"{Downloads}");
    }
}

/// <summary>Clients the Trust tests need beyond <see cref="PbPeruFactory.CreateAppClient"/>.</summary>
public static class TrustClients
{
    /// <summary>A client whose requests the app sees as HTTPS (the TestServer takes the scheme from the address).</summary>
    public static AppClient CreateHttpsClient(this PbPeruFactory app, bool followRedirects = false) =>
        app.CreateClientAt(new Uri("https://localhost/"), followRedirects);

    /// <summary>A client whose requests carry <c>X-Forwarded-For</c> (and optionally <c>X-Forwarded-Proto</c>), as behind a reverse proxy.</summary>
    public static AppClient CreateProxiedClient(this PbPeruFactory app, string clientAddress, string? scheme = null, bool followRedirects = false) =>
        app.CreateClientAt(new Uri("http://localhost/"), followRedirects, () => new ForwardedHandler(clientAddress, scheme));

    /// <summary>Another browser with a copy of <paramref name="from"/>'s cookies (a stolen or shared cookie).</summary>
    public static AppClient CopyCookies(this PbPeruFactory app, AppClient from)
    {
        var copy = app.CreateAppClient(followRedirects: false);
        foreach (Cookie cookie in from.Cookies.GetAllCookies())
        {
            copy.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }

    /// <summary>The value of the sign-in cookie this client holds, or null.</summary>
    public static string? AuthCookie(this AppClient client) =>
        client.Cookies.GetAllCookies().FirstOrDefault(c => c.Name == "pbperu.auth")?.Value;

    private static AppClient CreateClientAt(this PbPeruFactory app, Uri baseAddress, bool followRedirects, Func<DelegatingHandler>? outer = null)
    {
        var cookies = new CookieContainer();
        List<DelegatingHandler> Handlers(bool redirects)
        {
            var handlers = new List<DelegatingHandler>();
            if (outer is not null)
            {
                handlers.Add(outer());
            }

            if (redirects)
            {
                handlers.Add(new RedirectHandler());
            }

            handlers.Add(new CookieContainerHandler(cookies));
            return handlers;
        }

        var following = app.CreateDefaultClient(baseAddress, [.. Handlers(redirects: true)]);
        var manual = app.CreateDefaultClient(baseAddress, [.. Handlers(redirects: false)]);
        return new AppClient(following, manual, cookies, followRedirects);
    }

    private sealed class ForwardedHandler(string clientAddress, string? scheme) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", clientAddress);
            if (scheme is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", scheme);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
