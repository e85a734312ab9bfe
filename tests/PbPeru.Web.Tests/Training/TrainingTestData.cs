using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Training;

/// <summary>A cycle in Preparation with accredited agents, built through the domain, for the training and invitation tests.</summary>
internal sealed class TrainingTestData(PbPeruFactory app)
{
    public const string Password = "una-frase-de-prueba-larga";
    public const string Region = "08";
    public const string District = "080101";

    /// <summary>Ccorca: the district whose cycles the tests make (one fiscal year each).</summary>
    public const string District2 = "080102";

    /// <summary>Inside the registration window of <see cref="Calendar"/>.</summary>
    public static readonly DateOnly RegistrationDay = new(2027, 1, 20);

    private static int _yearCounter = 2030;
    private static int _dniCounter = 10_000_000 + (Environment.ProcessId % 1000 * 10_000);

    public sealed record SeededAgent(int Id, int OrganizationId, string GivenNames, string Surnames, string Dni, string? Email)
    {
        public string FullName => $"{GivenNames} {Surnames}";
    }

    public static IReadOnlyList<CalendarInput> Calendar { get; } =
    [
        new(CalendarStep.PreparationPhase, new(2027, 1, 4), new(2027, 3, 26)),
        new(CalendarStep.Registration, new(2027, 1, 11), new(2027, 2, 5)),
        new(CalendarStep.Training, new(2027, 3, 1), new(2027, 3, 19)),
        new(CalendarStep.ConcertationPhase, new(2027, 4, 1), new(2027, 5, 28)),
        new(CalendarStep.CoordinationPhase, new(2027, 6, 1), new(2027, 6, 30)),
        new(CalendarStep.FormalizationPhase, new(2027, 7, 1), new(2027, 7, 30)),
    ];

    public static Actor ManagerActor(string ubigeo = Region) => new("seed", "Semilla", new HashSet<string> { ubigeo });

    /// <summary>A cycle of <paramref name="ubigeo"/> in Preparation.</summary>
    public async Task<int> NewCycleInPreparationAsync(string ubigeo = District2, bool trainingRequired = true)
    {
        var year = Interlocked.Increment(ref _yearCounter);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actor = ManagerActor(ubigeo);
        var at = new DateTimeOffset(2027, 1, 4, 15, 0, 0, TimeSpan.Zero);
        var cycle = Cycle.Create(ubigeo, year, $"Presupuesto Participativo {year} ({ubigeo})", Money.FromSoles(2_000_000m), actor, at.AddDays(-10));
        cycle.SetThemes([new("Agua y saneamiento", "Agua potable")], actor);
        cycle.SetCalendar(Calendar, actor);
        cycle.SetAccreditationRules(AccreditationRules.Default with { TrainingRequiredToVote = trainingRequired }, actor);
        cycle.AdvanceTo(Phase.Preparation, actor, new CycleFacts(), at);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle.Id;
    }

    /// <summary>
    /// Registers one accepted organization per agent given (each agent its titular), so every one
    /// is accredited. The clock is left on <see cref="RegistrationDay"/>.
    /// </summary>
    public async Task<IReadOnlyList<SeededAgent>> AccreditedAgentsAsync(int cycleId, params (string GivenNames, string Surnames, string? Email)[] people)
    {
        app.Clock.SetLimaDay(RegistrationDay);
        var representative = await app.CreateUserAsync($"rep-{Guid.NewGuid():N}@prueba.pe", "Representante de Prueba", Password, [Roles.OrganizationRepresentative]);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.Id == cycleId);
        var now = app.Clock.GetUtcNow();
        var organizations = new List<Organization>();
        foreach (var (given, surnames, email) in people)
        {
            var organization = Organization.Register(cycle, representative.Id, new OrganizationDetails(
                $"Junta Vecinal {surnames}", OrganizationType.NeighbourhoodAssociation, RegistryKind.MunicipalRegistry, "RM-001",
                District, "Av. El Sol 100", "Representante Legal"), RegistrationDay, now);
            var dni = Interlocked.Increment(ref _dniCounter).ToString(CultureInfo.InvariantCulture);
            organization.AddAgent(cycle, new AgentDetails(dni, given, surnames, Sex.Female, new DateOnly(1985, 5, 1), email is null ? "984000000" : null, email),
                AgentRole.Titular, dniTakenElsewhere: false, RegistrationDay);
            organization.AddDocument(cycle, "acta.pdf", Guid.NewGuid().ToString("N"), "application/pdf", 1000, new string('a', 64), RegistrationDay, now);
            organization.Submit(cycle, RegistrationDay, now);
            organization.Accept(cycle, ManagerActor(cycle.JurisdictionUbigeo), now);
            organizations.Add(organization);
        }

        db.Organizations.AddRange(organizations);
        await db.SaveChangesAsync();
        return organizations
            .Select(o => o.Agents.Single())
            .Select(a => new SeededAgent(a.Id, a.OrganizationId, a.GivenNames, a.Surnames, a.Dni, a.Email))
            .ToList();
    }

    /// <summary>A training session scheduled straight through the domain.</summary>
    public async Task<int> SessionAsync(int cycleId, string title, DateTimeOffset startsAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.SingleAsync(c => c.Id == cycleId);
        var meeting = Meeting.Schedule(cycle, ManagerActor(cycle.JurisdictionUbigeo), new MeetingDetails(MeetingKind.Training, title, startsAt, "Auditorio regional", "Lucía Capacitadora"));
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Publishes the preliminary list, files a challenge against the agent and upholds it: the agent leaves the list.</summary>
    public async Task ExcludeByChallengeAsync(int cycleId, int agentId, string reasons)
    {
        var filer = await app.CreateUserAsync($"ciudadano-{Guid.NewGuid():N}@prueba.pe", "Ciudadana que impugna", Password, []);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.Id == cycleId);
        var actor = ManagerActor(cycle.JurisdictionUbigeo);
        var now = app.Clock.GetUtcNow();
        var list = await db.AccreditationLists.SingleOrDefaultAsync(l => l.CycleId == cycleId);
        if (list is null)
        {
            list = AccreditationList.For(cycle);
            list.PublishPreliminary(cycle, actor, 0, now);
            db.AccreditationLists.Add(list);
        }

        var agent = await db.Agents.SingleAsync(a => a.Id == agentId);
        var challenge = Challenge.File(cycle, list, agent, filer.Id, filer.FullName, "No reside en la jurisdicción.", RegistrationDay, now);
        db.Challenges.Add(challenge);
        await db.SaveChangesAsync();
        challenge.Rule(cycle, list, actor, agent, upheld: true, reasons, now);
        await db.SaveChangesAsync();
    }

    public Task<List<int>> AttendeesAsync(int meetingId) =>
        ReadAsync(db => db.Set<Attendance>().Where(a => a.MeetingId == meetingId).Select(a => a.AgentId).OrderBy(a => a).ToListAsync());

    /// <summary>A cycle manager of <paramref name="ubigeo"/>, signed in, without following redirects.</summary>
    public async Task<AppClient> ManagerAsync(string ubigeo = District2)
    {
        var email = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Gestora de Prueba", Password, [Roles.CycleManager], ubigeo);
        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return client;
    }

    public async Task<AppClient> SignedInAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, "Persona de Prueba", Password, [role], Roles.ScopedToJurisdiction.Contains(role) ? Region : null);
        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return client;
    }
}
