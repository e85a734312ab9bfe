using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Tests.Infrastructure;

/// <summary>
/// The app on PostgreSQL, in environment "Testing", demo off unless asked.
/// </summary>
/// <remarks>
/// As an xunit class fixture (<c>IClassFixture&lt;PbPeruFactory&gt;</c>) it creates its own empty
/// database on the shared <see cref="PostgresServer"/> in <see cref="InitializeAsync"/>; with the demo,
/// use <see cref="DemoPbPeruFactory"/>. Outside xunit: <see cref="CreateAsync"/>, or
/// <c>new PbPeruFactory { ConnectionString = ... }</c>.
/// </remarks>
public class PbPeruFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TestingEnvironment = "Testing";

    private PostgresServer? _ownedDatabaseServer;
    private string? _createdConnectionString;
    private bool _disposed;

    /// <summary>Password of every demo account when the demo is enabled; a new one each test run.</summary>
    public static string DemoPassword { get; } = $"Demo-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}";

    /// <summary>The app's PostgreSQL connection string; set it, or let <see cref="InitializeAsync"/> create a database.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>This app's own folder for stored documents and written mail, deleted on dispose.</summary>
    public string FilesFolder { get; } = Path.Combine(Path.GetTempPath(), $"pbperu-files-{Guid.NewGuid():N}");

    /// <summary>Where the app writes its emails as .eml files.</summary>
    public string MailFolder => Path.Combine(FilesFolder, "mail");

    /// <summary>The app's clock: the real time until a test sets it.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>
    /// The app's requests in flight, its slowest recent ones and its warnings, for a test's failure
    /// message; kept only with <see cref="TraceRequests"/> (browser tests), empty otherwise.
    /// </summary>
    public RequestTrace Trace { get; } = new();

    /// <summary>Keeps <see cref="Trace"/>: off by default, so that other tests and the benchmarks run the app as it is.</summary>
    public bool TraceRequests { get; init; }

    /// <summary>Seeds the demo accounts (password <see cref="DemoPassword"/>) and the demo cycle.</summary>
    public bool DemoEnabled { get; init; }

    /// <summary>A factory with its own new database on the shared server, dropped on dispose if the server is external.</summary>
    public static async Task<PbPeruFactory> CreateAsync(bool demoEnabled = false, bool traceRequests = false)
    {
        var factory = new PbPeruFactory { DemoEnabled = demoEnabled, TraceRequests = traceRequests };
        await factory.InitializeAsync();
        return factory;
    }

    public async Task InitializeAsync()
    {
        if (ConnectionString is not null || _ownedDatabaseServer is not null)
        {
            return;
        }

        _ownedDatabaseServer = await PostgresServer.GetSharedAsync();
        _createdConnectionString = await _ownedDatabaseServer.CreateDatabaseAsync();
    }

    /// <summary>The connection string the app runs on.</summary>
    public string DatabaseConnectionString =>
        ConnectionString ?? _createdConnectionString ?? throw new InvalidOperationException(
            "PbPeruFactory has no database: set ConnectionString, use CreateAsync(), or use it as an xunit fixture (InitializeAsync).");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(TestingEnvironment);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Postgres", DatabaseConnectionString);
        builder.UseSetting("Demo:Enabled", DemoEnabled ? "true" : "false");
        builder.UseSetting("Security:RequireTwoFactorForStaff", "false"); // test accounts have no authenticator; Trust/TwoFactorTests turns it on
        if (DemoEnabled)
        {
            builder.UseSetting("Demo:Password", DemoPassword);
        }

        // Documents and mail of this app go to its own temporary folder, not the source tree.
        builder.UseSetting("Documents:Path", Path.Combine(FilesFolder, "documents"));
        builder.UseSetting("Email:PickupFolder", MailFolder);

        // The app's clock is the test's: real time unless a test sets it.
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));

        // What the app was doing when a test waited in vain (see RequestTrace).
        if (TraceRequests)
        {
            builder.ConfigureServices(services => services
                .AddSingleton<IStartupFilter>(new RequestTrace.StartupFilter(Trace))
                .AddSingleton<ILoggerProvider>(new RequestTrace.LoggerProvider(Trace)));
        }

        // Tests sign in many times from one address: every rate limit a thousand times higher (Trust tests lower them again).
        builder.UseSetting("RateLimits:Multiplier", "1000");

        // EF logs every command at Information: keep test output for what matters.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
    }

    /// <summary>
    /// Makes the app listen with Kestrel on a free 127.0.0.1 port (plain HTTP), starts it and returns
    /// its base address. Call before anything else touches the factory (Services, clients).
    /// </summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        var address = new Uri(addresses.First());
        ClientOptions.BaseAddress = address;
        return address;
    }

    /// <summary>An HTTP client that keeps cookies; with <paramref name="followRedirects"/> false it shows 302s.</summary>
    public AppClient CreateAppClient(bool followRedirects = true)
    {
        var cookies = new CookieContainer();
        var baseAddress = ClientOptions.BaseAddress;
        var following = CreateDefaultClient(baseAddress, new RedirectHandler(), new CookieContainerHandler(cookies));
        var manual = CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));
        return new AppClient(following, manual, cookies, followRedirects);
    }

    /// <summary>
    /// Creates a confirmed account with the given roles (created if missing). CycleManager and
    /// TechnicalTeam also get a <see cref="StaffAssignment"/> for <paramref name="jurisdictionUbigeo"/>.
    /// </summary>
    public async Task<AppUser> CreateUserAsync(
        string email, string fullName, string password, string[] roles, string? jurisdictionUbigeo = null)
    {
        var scopedRoles = roles.Where(Roles.ScopedToJurisdiction.Contains).ToList();
        if (scopedRoles.Count > 0 && string.IsNullOrWhiteSpace(jurisdictionUbigeo))
        {
            throw new ArgumentException($"Roles {string.Join(", ", scopedRoles)} need a jurisdiction ubigeo.", nameof(jurisdictionUbigeo));
        }

        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = fullName };
        Check(await users.CreateAsync(user, password), $"create {email}");

        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(user, roles), $"add {email} to roles");
        }

        foreach (var role in scopedRoles)
        {
            db.StaffAssignments.Add(new StaffAssignment { UserId = user.Id, Role = role, JurisdictionUbigeo = jurisdictionUbigeo! });
        }

        await db.SaveChangesAsync();
        return user;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await base.DisposeAsync();
        if (Directory.Exists(FilesFolder))
        {
            Directory.Delete(FilesFolder, recursive: true);
        }

        var connectionString = ConnectionString ?? _createdConnectionString;
        if (connectionString is null)
        {
            return;
        }

        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        // A throwaway server disappears with its databases; on an external one, drop ours.
        if (_ownedDatabaseServer is { IsExternal: true })
        {
            await _ownedDatabaseServer.DropDatabaseAsync(connectionString);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>Class fixture: the app with the demo seeded; demo accounts sign in with <see cref="PbPeruFactory.DemoPassword"/>.</summary>
public sealed class DemoPbPeruFactory : PbPeruFactory
{
    public DemoPbPeruFactory() => DemoEnabled = true;
}
