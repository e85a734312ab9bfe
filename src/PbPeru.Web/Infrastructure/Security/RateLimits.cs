using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace PbPeru.Web.Infrastructure.Security;

/// <summary>One limit: so many requests per window; past it the answer is 429 with Retry-After.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// The <c>RateLimits</c> configuration section. The defaults suit a workshop: a hundred agents
/// behind one public address sign in and vote at once, so sign-in is counted per account (plus a
/// generous count per address), voting per signed-in person, downloads per person or address.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts per account (the submitted email), whatever the address.</summary>
    public RateLimit Login { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    /// <summary>Sign-in attempts per address: a whole workshop behind one NAT fits.</summary>
    public RateLimit LoginPerAddress { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    /// <summary>New accounts per address.</summary>
    public RateLimit Registration { get; set; } = new() { PermitLimit = 60, WindowSeconds = 600 };

    /// <summary>Ballot form posts (review, back, cast) per signed-in person.</summary>
    public RateLimit Voting { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Downloads (PDFs, spreadsheets, open data, ballots) per signed-in person or, anonymously, per address.</summary>
    public RateLimit Exports { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>Multiplies every permit limit: a load test or a test suite raises them all with one setting.</summary>
    public int Multiplier { get; set; } = 1;
}

/// <summary>
/// The app's rate limits, chosen by path and method in one place (not by attributes on the page
/// models): sign-in and registration posts, ballot posts and downloads.
/// </summary>
public static class RateLimits
{
    public const string LoginPath = "/Account/Login";
    public const string LoginEmailField = "Input.Email";

    /// <summary>The download addresses: PDFs, spreadsheets, open data files and the <c>.pb</c> ballots.</summary>
    private static readonly string[] ExportPrefixes =
    [
        "/Cycles/Approvals/Export",
        "/Cycles/Acta/Pdf",
        "/Cycles/Voting/Ballots",
        "/Public/ActaPdf",
        "/Public/Ballots",
        "/Public/ExportFile",
        "/Public/OpenDataFile",
        "/Public/OpenData/index.json",
    ];

    public static IServiceCollection AddPbPeruRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => AddressPartition(context, options)));

            // The status code page (Error, code 429) then tells the person, in their language, how long to wait.
            limiter.OnRejected = (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Reads a sign-in form before the limiter, which must choose the partition synchronously: the
    /// form is buffered once and the page reads the same copy.
    /// </summary>
    public static IApplicationBuilder UsePbPeruRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsLogin(context.Request) && context.Request.HasFormContentType)
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        var request = context.Request;
        if (IsLogin(request))
        {
            var email = request.HasFormContentType ? request.Form[LoginEmailField].ToString() : "";
            return Window($"login:{Truncate(email.Trim().ToUpperInvariant())}", options.Login, options.Multiplier);
        }

        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/Account/Register"))
        {
            return Window($"register:{Address(context)}", options.Registration, options.Multiplier);
        }

        if (HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/Voting"))
        {
            return Window($"vote:{Person(context)}", options.Voting, options.Multiplier);
        }

        if (IsExport(request))
        {
            return Window($"export:{Person(context)}", options.Exports, options.Multiplier);
        }

        return RateLimitPartition.GetNoLimiter("");
    }

    private static RateLimitPartition<string> AddressPartition(HttpContext context, RateLimitOptions options) =>
        IsLogin(context.Request)
            ? Window($"login-address:{Address(context)}", options.LoginPerAddress, options.Multiplier)
            : RateLimitPartition.GetNoLimiter("");

    private static bool IsLogin(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(LoginPath);

    private static bool IsExport(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var path = request.Path;
        if (ExportPrefixes.Any(prefix => path.StartsWithSegments(prefix)))
        {
            return true;
        }

        // The PDFs addressed by a segment or a handler: /Public/Report/7/Pdf, /Public/Coordination/3/Pdf,
        // /Public/ExecutionReport/7?handler=Pdf, /Oversight/Report/7?handler=Pdf.
        var value = path.Value ?? "";
        return value.EndsWith("/Pdf", StringComparison.OrdinalIgnoreCase)
            || string.Equals(request.Query["handler"], "Pdf", StringComparison.OrdinalIgnoreCase);
    }

    private static string Person(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? $"user:{userId}" : $"address:{Address(context)}";

    private static string Truncate(string text) => text.Length <= 256 ? text : text[..256];

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> Window(string key, RateLimit limit, int multiplier) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit) * Math.Max(1, multiplier),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0,
        });
}
