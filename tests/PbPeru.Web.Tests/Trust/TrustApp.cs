using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Trust;

/// <summary>Who asks: the people of the access matrix, each one situation the app must tell apart.</summary>
public enum Persona
{
    Anonymous,
    Administrator,

    /// <summary>The demo cycle manager: manages the Cusco region, the province and its districts (every demo cycle).</summary>
    Manager,

    /// <summary>A cycle manager of another jurisdiction (Lima): the role, but none of the demo's cycles.</summary>
    OtherManager,

    /// <summary>The demo technical team: staff of the demo's jurisdictions, evaluator of the demo proposals.</summary>
    TechnicalTeam,

    /// <summary>A technical team member of another jurisdiction.</summary>
    OtherTechnicalTeam,

    /// <summary>The demo representative of two organizations of the 2027 regional cycle.</summary>
    Representative,

    /// <summary>The demo agent: accredited titular of the demo cycles, not voted yet in 2025.</summary>
    Agent,

    /// <summary>The demo oversight committee member of the published 2024 cycle.</summary>
    Committee,

    /// <summary>A signed-in person with no role at all.</summary>
    NoRole,
}

/// <summary>
/// The demo app of the Trust tests with one signed-in client per <see cref="Persona"/>, signed in
/// once (password hashing is slow on purpose) and reused; clients show redirects as they come.
/// </summary>
public sealed class TrustApp : IAsyncLifetime
{
    /// <summary>Password of the people the Trust tests create; new each run.</summary>
    public static readonly string Password = $"Trust-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}";

    public const string OtherJurisdiction = "15"; // Lima: no demo cycle there

    private readonly Dictionary<Persona, AppClient> _clients = [];
    private readonly Dictionary<Persona, string> _tokens = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public DemoPbPeruFactory Factory { get; } = new();

    public DemoIds Ids { get; private set; } = null!;

    public static IReadOnlyDictionary<Persona, string> Emails { get; } = new Dictionary<Persona, string>
    {
        [Persona.Administrator] = DemoAccounts.Administrator,
        [Persona.Manager] = DemoAccounts.CycleManager,
        [Persona.OtherManager] = "gestor.lima@prueba.pbperu.pe",
        [Persona.TechnicalTeam] = DemoAccounts.TechnicalTeam,
        [Persona.OtherTechnicalTeam] = "tecnico.lima@prueba.pbperu.pe",
        [Persona.Representative] = DemoAccounts.OrganizationRepresentative,
        [Persona.Agent] = DemoAccounts.Agent,
        [Persona.Committee] = DemoAccounts.OversightCommittee,
        [Persona.NoRole] = "sin.rol@prueba.pbperu.pe",
    };

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        _ = Factory.Services; // starts the app: migrations and the demo
        await Factory.CreateUserAsync(Emails[Persona.OtherManager], "Gestora de Lima", Password, [Roles.CycleManager], OtherJurisdiction);
        await Factory.CreateUserAsync(Emails[Persona.OtherTechnicalTeam], "Técnico de Lima", Password, [Roles.TechnicalTeam], OtherJurisdiction);
        await Factory.CreateUserAsync(Emails[Persona.NoRole], "Persona Sin Rol", Password, []);
        Ids = await ReadAsync(DemoIds.ReadAsync);

        // The demo's oversight account holds the role but sits on no committee: make it the account
        // of an elected member of the published cycle, so the persona is a real committee member.
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var committeeUserId = await db.Users.Where(u => u.Email == DemoAccounts.OversightCommittee).Select(u => u.Id).SingleAsync();
        var memberIds = await db.CommitteeElections.Where(e => e.CycleId == Ids.Published).SelectMany(e => e.Members).Select(m => m.AgentId).ToListAsync();
        var member = await db.Agents.Where(a => memberIds.Contains(a.Id) && a.UserId == null).OrderBy(a => a.Id).FirstAsync();
        member.LinkAccount(committeeUserId);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Factory.DisposeAsync();
    }

    public static string PasswordOf(Persona persona) => Emails[persona].EndsWith("@demo.pbperu.pe", StringComparison.Ordinal) ? PbPeruFactory.DemoPassword : Password;

    /// <summary>The persona's client (signed in on first use), shared by the class: do not dispose it.</summary>
    public async Task<AppClient> ClientAsync(Persona persona)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_clients.TryGetValue(persona, out var client))
            {
                client = Factory.CreateAppClient(followRedirects: false);
                if (persona != Persona.Anonymous)
                {
                    await client.LoginAsync(Emails[persona], PasswordOf(persona));
                }

                _clients[persona] = client;
            }

            return client;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>An antiforgery request token valid for the persona's client (from the culture form of the home page).</summary>
    public async Task<string> TokenAsync(Persona persona)
    {
        if (_tokens.TryGetValue(persona, out var token))
        {
            return token;
        }

        var client = await ClientAsync(persona);
        var page = await client.GetPageAsync("/");
        token = (page.QuerySelector($"input[name='{AppClient.AntiforgeryField}']") as IHtmlInputElement)?.Value
            ?? throw new InvalidOperationException("The culture page carries no antiforgery token.");
        _tokens[persona] = token;
        return token;
    }

    /// <summary>A new client of its own (not shared), signed in as someone new with the given roles.</summary>
    public async Task<AppClient> NewPersonAsync(string name, string[] roles, string? jurisdiction = null)
    {
        var email = $"{Guid.NewGuid():N}"[..12] + "@prueba.pbperu.pe";
        await Factory.CreateUserAsync(email, name, Password, roles, jurisdiction);
        var client = Factory.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return client;
    }

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<string> UserIdAsync(Persona persona) =>
        await ReadAsync(db => db.Users.Where(u => u.Email == Emails[persona]).Select(u => u.Id).SingleAsync());
}
