using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Documents;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Review;

/// <summary>The app (its mail and documents in its own temporary folder) with a reader for the emails it wrote.</summary>
public sealed class ReviewFactory : PbPeruFactory
{
    /// <summary>The emails written so far, as a mail client reads them.</summary>
    internal IReadOnlyList<Infrastructure2.MailReader> Mails() =>
        Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(f => Infrastructure2.MailReader.Parse(File.ReadAllBytes(f))).ToList()
            : [];
}

/// <summary>
/// A cycle in Preparation with organizations and agents at the state a test needs, made through
/// the domain as the app would make it. Dates: registration 4–15 January 2027, preliminary list on
/// the 18th, challenges 19–25 January, final list on the 29th.
/// </summary>
internal sealed class ReviewData(ReviewFactory app, string ubigeo)
{
    public const string Password = "una-frase-de-prueba-larga";

    public static readonly DateOnly RegistrationDay = new(2027, 1, 8);
    public static readonly DateOnly PreliminaryListDay = new(2027, 1, 18);
    public static readonly DateOnly ChallengeDay = new(2027, 1, 20);
    public static readonly DateOnly AfterChallenges = new(2027, 1, 27);

    private static int _nextYear = 2060;
    private static int _nextPerson;

    public string Ubigeo { get; } = ubigeo;

    public int CycleId { get; private set; }

    /// <summary>A district of the cycle's jurisdiction: its first one (…01).</summary>
    public string DefaultDistrict => Ubigeo.Length switch
    {
        2 => Ubigeo + "0101",
        4 => Ubigeo + "01",
        _ => Ubigeo,
    };

    public Actor Manager { get; } = new("seed-manager", "Marta Gestora Quispe", new HashSet<string> { ubigeo });

    public static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(-5));

    /// <summary>A cycle of <paramref name="ubigeo"/> in Preparation with these accreditation rules (default: 1 titular, 1 suplente, 2 agents at least, no quota).</summary>
    public static async Task<ReviewData> NewCycleAsync(ReviewFactory app, string ubigeo, AccreditationRules? rules = null)
    {
        var data = new ReviewData(app, ubigeo);
        var year = Interlocked.Increment(ref _nextYear);
        await data.WriteAsync(db =>
        {
            var cycle = Cycle.Create(ubigeo, year, $"Presupuesto Participativo {year} ({ubigeo})", Money.FromSoles(3_000_000m), data.Manager, Noon(new DateOnly(2026, 12, 1)));
            cycle.SetThemes([new("Agua y saneamiento", "Agua potable y desagüe.")], data.Manager);
            cycle.SetCalendar(
            [
                new(CalendarStep.PreparationPhase, new(2027, 1, 4), new(2027, 2, 26)),
                new(CalendarStep.Registration, new(2027, 1, 4), new(2027, 1, 15)),
                new(CalendarStep.PreliminaryList, PreliminaryListDay, PreliminaryListDay),
                new(CalendarStep.Challenges, new(2027, 1, 19), new(2027, 1, 25)),
                new(CalendarStep.FinalList, new(2027, 1, 29), new(2027, 1, 29)),
                new(CalendarStep.ConcertationPhase, new(2027, 3, 1), new(2027, 4, 30)),
                new(CalendarStep.CoordinationPhase, new(2027, 5, 3), new(2027, 5, 31)),
                new(CalendarStep.FormalizationPhase, new(2027, 6, 1), new(2027, 6, 30)),
            ], data.Manager);
            cycle.SetAccreditationRules(rules ?? new AccreditationRules(1, 1, true, 2, null, false), data.Manager);
            cycle.AdvanceTo(Phase.Preparation, data.Manager, new CycleFacts(), Noon(new DateOnly(2027, 1, 4)));
            db.Cycles.Add(cycle);
            return Task.CompletedTask;
        });
        data.CycleId = await data.ReadAsync(db => db.Cycles.Where(c => c.JurisdictionUbigeo == ubigeo && c.FiscalYear == year).Select(c => c.Id).SingleAsync());
        return data;
    }

    /// <summary>A new person's details, with a DNI unique to this test run.</summary>
    public static AgentDetails Person(string givenNames, string surnames, Sex sex, DateOnly? birthDate = null)
    {
        var n = Interlocked.Increment(ref _nextPerson);
        return new AgentDetails(
            (61_000_000 + n).ToString(CultureInfo.InvariantCulture),
            givenNames,
            surnames,
            sex,
            birthDate ?? new DateOnly(1980 + (n % 20), 1 + (n % 12), 1 + (n % 28)),
            (961_000_000 + n).ToString(CultureInfo.InvariantCulture),
            null);
    }

    /// <summary>A woman titular and a man suplente.</summary>
    public static AgentDetails[] TwoAgents() => [Person("Juana", "Quispe Huamán", Sex.Female), Person("Pedro", "Mamani Condori", Sex.Male)];

    /// <summary>
    /// An organization registered by a new representative (who has an email), with its agents (the
    /// first titular, the rest suplentes) and one stored PDF, left at <paramref name="status"/>.
    /// </summary>
    public async Task<Registered> OrganizationAsync(
        string name, OrganizationStatus status, AgentDetails[]? agents = null, OrganizationType type = OrganizationType.NeighbourhoodAssociation, string? district = null)
    {
        agents ??= TwoAgents();
        var email = $"rep-{Guid.NewGuid():N}@prueba.pe";
        var representative = await app.CreateUserAsync(email, $"Representante de {name}", Password, [Roles.OrganizationRepresentative]);
        var organizationId = 0;
        await WriteAsync(async db =>
        {
            var cycle = await LoadCycleAsync(db);
            var organization = Organization.Register(
                cycle, representative.Id,
                new OrganizationDetails(name, type, RegistryKind.MunicipalRegistry, $"RM-{Guid.NewGuid():N}"[..20], district ?? DefaultDistrict, "Jr. Principal 100", "Representante Legal"),
                RegistrationDay, Noon(RegistrationDay));
            for (var i = 0; i < agents.Length; i++)
            {
                organization.AddAgent(cycle, agents[i], i == 0 ? AgentRole.Titular : AgentRole.Suplente, dniTakenElsewhere: false, RegistrationDay);
            }

            var store = app.Services.GetRequiredService<IDocumentStore>();
            using var pdf = new MemoryStream(Infrastructure2.SampleFiles.Pdf());
            var stored = await store.SaveAsync(pdf, "acta.pdf", CancellationToken.None);
            organization.AddDocument(cycle, "Acta de elección.pdf", stored.Key, stored.ContentType, stored.SizeBytes, stored.Sha256, RegistrationDay, Noon(RegistrationDay));
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
        var agentIds = await ReadAsync(db => db.Agents.Where(a => a.OrganizationId == organizationId).OrderBy(a => a.Role).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync());
        return new Registered(organizationId, email, representative.Id, agentIds);
    }

    /// <summary>
    /// Many organizations of one representative in one save, each with a titular (a woman when
    /// <paramref name="woman"/> says so) and a recorded (not stored) document, numbered from 1.
    /// </summary>
    public async Task ManyAsync(
        int count, string namePrefix, OrganizationStatus status,
        Func<int, OrganizationType>? type = null, Func<int, string>? district = null, Func<int, bool>? woman = null)
    {
        var representative = await app.CreateUserAsync($"rep-{Guid.NewGuid():N}@prueba.pe", "Representante de Muchas", Password, [Roles.OrganizationRepresentative]);
        await WriteAsync(async db =>
        {
            var cycle = await LoadCycleAsync(db);
            for (var i = 1; i <= count; i++)
            {
                var organization = Organization.Register(
                    cycle, representative.Id,
                    new OrganizationDetails($"{namePrefix} {i:D3}", type?.Invoke(i) ?? OrganizationType.NeighbourhoodAssociation, RegistryKind.MunicipalRegistry, $"RM-{i}", district?.Invoke(i) ?? DefaultDistrict, "Jr. Principal 100", "Representante Legal"),
                    RegistrationDay, Noon(RegistrationDay));
                organization.AddAgent(cycle, Person("Agente", $"Número {i}", woman?.Invoke(i) == true ? Sex.Female : Sex.Male), AgentRole.Titular, dniTakenElsewhere: false, RegistrationDay);
                organization.AddDocument(cycle, "acta.pdf", Guid.NewGuid().ToString("N"), "application/pdf", 1000, new string('a', 64), RegistrationDay, Noon(RegistrationDay));
                if (status != OrganizationStatus.Draft)
                {
                    // Submitted a minute apart, so the queue's order is the order of submission.
                    organization.Submit(cycle, RegistrationDay, Noon(RegistrationDay).AddMinutes(i));
                }

                if (status == OrganizationStatus.Accepted)
                {
                    organization.Accept(cycle, Manager, Noon(RegistrationDay));
                }
                else if (status == OrganizationStatus.Observed)
                {
                    organization.Observe(cycle, Manager, "Falta el acta.", Noon(RegistrationDay));
                }
                else if (status == OrganizationStatus.Rejected)
                {
                    organization.Reject(cycle, Manager, "No corresponde.", Noon(RegistrationDay));
                }

                db.Organizations.Add(organization);
            }
        });
    }

    public Task PublishPreliminaryAsync() => WriteAsync(async db =>
    {
        var cycle = await LoadCycleAsync(db);
        var list = AccreditationList.For(cycle);
        list.PublishPreliminary(cycle, Manager, 0, Noon(PreliminaryListDay));
        db.AccreditationLists.Add(list);
    });

    /// <summary>Files a challenge through the domain as a new person with an email; returns its id and the filer's email.</summary>
    public async Task<(int Id, string FilerEmail)> FileChallengeAsync(int agentId, string grounds)
    {
        var email = $"vecina-{Guid.NewGuid():N}@prueba.pe";
        var filer = await app.CreateUserAsync(email, "Vecina Impugnante", Password, []);
        var id = 0;
        await WriteAsync(async db =>
        {
            var cycle = await LoadCycleAsync(db);
            var list = await db.AccreditationLists.SingleAsync(l => l.CycleId == CycleId);
            var agent = await db.Agents.SingleAsync(a => a.Id == agentId);
            var challenge = Challenge.File(cycle, list, agent, filer.Id, filer.FullName, grounds, ChallengeDay, Noon(ChallengeDay));
            db.Challenges.Add(challenge);
            await db.SaveChangesAsync();
            id = challenge.Id;
        });
        return (id, email);
    }

    /// <summary>A cycle manager of this cycle's jurisdiction, signed in.</summary>
    public Task<AppClient> ManagerAsync(string name = "Gestora de Prueba") => SignedInNewAsync(name, [Roles.CycleManager], Ubigeo);

    public async Task<AppClient> SignedInNewAsync(string name, string[] roles, string? jurisdiction = null)
    {
        var email = $"persona-{Guid.NewGuid():N}@prueba.pe";
        await app.CreateUserAsync(email, name, Password, roles, jurisdiction);
        return await SignedInAsync(email);
    }

    public async Task<AppClient> SignedInAsync(string email)
    {
        var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(email, Password);
        return client;
    }

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

    public Task<Organization> OrganizationWithHistoryAsync(int id) => ReadAsync(db => db.Organizations
        .Include(o => o.Agents).Include(o => o.Decisions).AsSplitQuery().SingleAsync(o => o.Id == id));

    private Task<Cycle> LoadCycleAsync(AppDbContext db) => db.Cycles.Include(c => c.Calendar).SingleAsync(c => c.Id == CycleId);

    public sealed record Registered(int Id, string RepresentativeEmail, string RepresentativeUserId, IReadOnlyList<int> AgentIds);
}
