using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.PublicList;

/// <summary>
/// A cycle of the Cusco provincial government with organizations and agents at the state a test
/// needs, made through the domain as the app would make it. Dates: registration 4–15 January 2027,
/// preliminary list on the 18th, challenges 19–25 January.
/// </summary>
internal sealed class PublicListData(PbPeruFactory app)
{
    public const string Ubigeo = "0801";
    public const string Password = "una-frase-de-prueba-larga";

    public static readonly DateOnly RegistrationDay = new(2027, 1, 8);
    public static readonly DateOnly PreliminaryListDay = new(2027, 1, 18);
    public static readonly DateOnly ChallengeDay = new(2027, 1, 20);
    public static readonly DateOnly ChallengesStart = new(2027, 1, 19);
    public static readonly DateOnly ChallengesEnd = new(2027, 1, 25);
    public static readonly DateOnly AfterChallenges = new(2027, 1, 27);

    private static int _nextYear = 2040;
    private static int _nextPerson;

    public int CycleId { get; private set; }

    public Actor Manager { get; } = new("seed-manager", "Marta Gestora Quispe", new HashSet<string> { Ubigeo });

    /// <summary>Every agent made, with the data no public page may show.</summary>
    public List<AgentDetails> People { get; } = [];

    public static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(-5));

    public static async Task<PublicListData> NewCycleAsync(PbPeruFactory app)
    {
        var data = new PublicListData(app);
        var year = Interlocked.Increment(ref _nextYear);
        await data.WriteAsync(db =>
        {
            var cycle = Cycle.Create(Ubigeo, year, $"Presupuesto Participativo {year} de la Provincia del Cusco", Money.FromSoles(3_000_000m), data.Manager, Noon(new DateOnly(2026, 12, 1)));
            cycle.SetThemes([new("Agua y saneamiento", "Agua potable y desagüe.")], data.Manager);
            cycle.SetCalendar(
            [
                new(CalendarStep.PreparationPhase, new(2027, 1, 4), new(2027, 2, 26)),
                new(CalendarStep.Registration, new(2027, 1, 4), new(2027, 1, 15)),
                new(CalendarStep.PreliminaryList, PreliminaryListDay, PreliminaryListDay),
                new(CalendarStep.Challenges, ChallengesStart, ChallengesEnd),
                new(CalendarStep.FinalList, new(2027, 1, 29), new(2027, 1, 29)),
                new(CalendarStep.ConcertationPhase, new(2027, 3, 1), new(2027, 4, 30)),
                new(CalendarStep.CoordinationPhase, new(2027, 5, 3), new(2027, 5, 31)),
                new(CalendarStep.FormalizationPhase, new(2027, 6, 1), new(2027, 6, 30)),
            ], data.Manager);
            cycle.AdvanceTo(Phase.Preparation, data.Manager, new CycleFacts(), Noon(new DateOnly(2027, 1, 4)));
            db.Cycles.Add(cycle);
            return Task.CompletedTask;
        });
        data.CycleId = await data.ReadAsync(db => db.Cycles.Where(c => c.JurisdictionUbigeo == Ubigeo && c.FiscalYear == year).Select(c => c.Id).SingleAsync());
        return data;
    }

    /// <summary>A new person's details, with a DNI, phone and email unique to this test run.</summary>
    public AgentDetails Person(string givenNames, string surnames, Sex sex, DateOnly? birthDate = null)
    {
        var n = Interlocked.Increment(ref _nextPerson);
        var details = new AgentDetails(
            (47_000_000 + n).ToString(CultureInfo.InvariantCulture),
            givenNames,
            surnames,
            sex,
            birthDate ?? new DateOnly(1980 + (n % 20), 1 + (n % 12), 1 + (n % 28)),
            (951_000_000 + n).ToString(CultureInfo.InvariantCulture),
            $"agente{n}.{Guid.NewGuid():N}@correo.pe");
        People.Add(details);
        return details;
    }

    /// <summary>An organization with its agents (the first titular, the rest suplentes), left at <paramref name="status"/>.</summary>
    public async Task<Registered> OrganizationAsync(
        string name, OrganizationType type, string district, OrganizationStatus status, params AgentDetails[] agents)
    {
        var email = $"rep-{Guid.NewGuid():N}@prueba.pe";
        var representative = await app.CreateUserAsync(email, $"Representante de {name}", Password, [Web.Identity.Roles.OrganizationRepresentative]);
        var organizationId = 0;
        await WriteAsync(async db =>
        {
            var cycle = await LoadCycleAsync(db);
            var organization = Organization.Register(
                cycle, representative.Id,
                new OrganizationDetails(name, type, RegistryKind.MunicipalRegistry, $"RM-{Guid.NewGuid():N}"[..20], district, "Jr. Principal 100", "Representante Legal"),
                RegistrationDay, Noon(RegistrationDay));
            for (var i = 0; i < agents.Length; i++)
            {
                organization.AddAgent(cycle, agents[i], i == 0 ? AgentRole.Titular : AgentRole.Suplente, dniTakenElsewhere: false, RegistrationDay);
            }

            organization.AddDocument(cycle, "acta.pdf", Guid.NewGuid().ToString("N"), "application/pdf", 1000, new string('a', 64), RegistrationDay, Noon(RegistrationDay));
            if (status != OrganizationStatus.Draft)
            {
                organization.Submit(cycle, RegistrationDay, Noon(RegistrationDay));
            }

            switch (status)
            {
                case OrganizationStatus.Accepted:
                    organization.Accept(cycle, Manager, Noon(RegistrationDay));
                    break;
                case OrganizationStatus.Rejected:
                    organization.Reject(cycle, Manager, "No actúa en la provincia.", Noon(RegistrationDay));
                    break;
                case OrganizationStatus.Observed:
                    organization.Observe(cycle, Manager, "Falta el acta de elección.", Noon(RegistrationDay));
                    break;
            }

            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            organizationId = organization.Id;
        });
        var agentIds = await ReadAsync(db => db.Agents.Where(a => a.OrganizationId == organizationId).OrderBy(a => a.Role == AgentRole.Titular ? 0 : 1).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync());
        return new Registered(organizationId, email, representative.Id, agentIds);
    }

    public Task PublishPreliminaryAsync() => WriteAsync(async db =>
    {
        var cycle = await LoadCycleAsync(db);
        var list = AccreditationList.For(cycle);
        list.PublishPreliminary(cycle, Manager, 0, Noon(PreliminaryListDay));
        db.AccreditationLists.Add(list);
    });

    public Task PublishFinalAsync() => WriteAsync(async db =>
    {
        var cycle = await LoadCycleAsync(db);
        var list = await db.AccreditationLists.SingleAsync(l => l.CycleId == CycleId);
        var (_, quota) = await Web.Infrastructure.CycleFactsQuery.AccreditedCountAsync(db, CycleId, CancellationToken.None);
        list.PublishFinal(cycle, Manager, 0, quota, "Pocas organizaciones de mujeres se inscribieron.", AfterChallenges, Noon(AfterChallenges));
    });

    /// <summary>Files a challenge through the domain, as <paramref name="userId"/>; returns its id.</summary>
    public async Task<int> FileChallengeAsync(int agentId, string userId, string userName, string grounds)
    {
        var id = 0;
        await WriteAsync(async db =>
        {
            var cycle = await LoadCycleAsync(db);
            var list = await db.AccreditationLists.SingleAsync(l => l.CycleId == CycleId);
            var agent = await db.Agents.SingleAsync(a => a.Id == agentId);
            var challenge = Challenge.File(cycle, list, agent, userId, userName, grounds, ChallengeDay, Noon(ChallengeDay));
            db.Challenges.Add(challenge);
            await db.SaveChangesAsync();
            id = challenge.Id;
        });
        return id;
    }

    /// <summary>The manager's ruling, through the domain.</summary>
    public Task RuleAsync(int challengeId, bool upheld, string reasons) => WriteAsync(async db =>
    {
        var cycle = await LoadCycleAsync(db);
        var list = await db.AccreditationLists.SingleAsync(l => l.CycleId == CycleId);
        var challenge = await db.Challenges.SingleAsync(c => c.Id == challengeId);
        var agent = await db.Agents.SingleAsync(a => a.Id == challenge.AgentId);
        challenge.Rule(cycle, list, Manager, agent, upheld, reasons, Noon(AfterChallenges));
    });

    public async Task WriteAsync(Func<AppDbContext, Task> write)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await write(db);
        await db.SaveChangesAsync();
    }

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Someone with an account and no role at all, signed in.</summary>
    public async Task<(AppClient Client, string UserId)> SignedInPersonAsync(string name = "Vecina Impugnante")
    {
        var email = $"persona-{Guid.NewGuid():N}@prueba.pe";
        var user = await app.CreateUserAsync(email, name, Password, []);
        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return (client, user.Id);
    }

    public async Task<AppClient> SignedInAsync(string email)
    {
        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return client;
    }

    private Task<Cycle> LoadCycleAsync(AppDbContext db) => db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.Id == CycleId);

    public sealed record Registered(int OrganizationId, string RepresentativeEmail, string RepresentativeUserId, IReadOnlyList<int> AgentIds);
}
