using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Identity;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Concertation;

/// <summary>
/// A cycle in Concertation, made through the domain as the app would make it, around fixed days of
/// 2027: the phase 1 March – 30 April; information workshop on 5 March; theme prioritization 8–12
/// March; proposal submission 15 March – 9 April; technical evaluation 12–28 April. Themes (in plan
/// order) "Agua y saneamiento", "Vías y transporte", "Educación"; the default criteria (0–3 scale);
/// proposal cost bounds S/ 10,000 – S/ 500,000. One accepted organization whose agents (a titular
/// and a suplente, both accredited) have accounts in role Agent; its representative has role
/// OrganizationRepresentative.
/// </summary>
public static class ProposalTestData
{
    public const string Password = "una-frase-de-prueba-larga";

    public static readonly DateOnly WorkshopDay = new(2027, 3, 5);
    public static readonly DateOnly BeforePrioritization = new(2027, 3, 7);
    public static readonly DateOnly PrioritizationDay = new(2027, 3, 10);
    public static readonly DateOnly PrioritizationCloses = new(2027, 3, 12);
    public static readonly DateOnly BeforeSubmission = new(2027, 3, 13);
    public static readonly DateOnly SubmissionOpens = new(2027, 3, 15);
    public static readonly DateOnly SubmissionDay = new(2027, 3, 20);
    public static readonly DateOnly SubmissionCloses = new(2027, 4, 9);
    public static readonly DateOnly EvaluationDay = new(2027, 4, 15);

    public static readonly Money MinimumCost = Money.FromSoles(10_000m);
    public static readonly Money MaximumCost = Money.FromSoles(500_000m);

    /// <summary>Test cycles take fiscal years from here on, past the demo's, so they never meet one.</summary>
    private const int FirstYear = 2030;
    private static int _nextPerson;

    public static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(-5));

    /// <summary>The calendar of every cycle made here.</summary>
    public static IReadOnlyList<CalendarInput> Calendar { get; } =
    [
        new(CalendarStep.PreparationPhase, new(2027, 1, 4), new(2027, 2, 26)),
        new(CalendarStep.Registration, new(2027, 1, 4), new(2027, 1, 15)),
        new(CalendarStep.PreliminaryList, new(2027, 1, 18), new(2027, 1, 18)),
        new(CalendarStep.Challenges, new(2027, 1, 19), new(2027, 1, 25)),
        new(CalendarStep.FinalList, new(2027, 1, 29), new(2027, 1, 29)),
        new(CalendarStep.ConcertationPhase, new(2027, 3, 1), new(2027, 4, 30)),
        new(CalendarStep.InformationWorkshop, WorkshopDay, WorkshopDay),
        new(CalendarStep.ThemePrioritization, new(2027, 3, 8), PrioritizationCloses),
        new(CalendarStep.ProposalSubmission, SubmissionOpens, SubmissionCloses),
        new(CalendarStep.TechnicalEvaluation, new(2027, 4, 12), new(2027, 4, 28)),
        new(CalendarStep.CoordinationPhase, new(2027, 5, 3), new(2027, 5, 31)),
        new(CalendarStep.FormalizationPhase, new(2027, 6, 1), new(2027, 6, 30)),
    ];

    public static IReadOnlyList<ThemeInput> Themes { get; } =
    [
        new("Agua y saneamiento", "Agua potable y desagüe."),
        new("Vías y transporte", "Pistas, veredas y caminos vecinales."),
        new("Educación", "Infraestructura y equipamiento educativo."),
    ];

    /// <summary>Every gate of the phase machine holds.</summary>
    public static CycleFacts AllGatesHold { get; } = new()
    {
        FinalAgentListPublished = true,
        AccreditedAgents = 40,
        AccreditedTitulars = 20,
        AccreditedWomenTitulars = 10,
        RecommendationPublished = true,
        CoordinationMinutesRecorded = true,
        ResultComputed = true,
        OversightCommitteeElected = true,
        ActaIssued = true,
        ApprovalsRecorded = true,
    };

    /// <summary>
    /// A cycle of province <paramref name="ubigeo"/> (e.g. "0803" Anta, Cusco: districts 080301…)
    /// moved to Concertation, with its proposal rules changed by <paramref name="rules"/>, and one
    /// accepted organization (see <see cref="ConcertationCycle.OrganizationAsync"/>).
    /// </summary>
    public static async Task<ConcertationCycle> NewCycleAsync(PbPeruFactory app, string ubigeo, Func<ProposalRules, ProposalRules>? rules = null)
    {
        var data = new ConcertationCycle(app, ubigeo);

        // The next free year of this jurisdiction in this database (a test run makes more cycles than
        // there are fiscal years before the domain's last one, so one counter for the run would run out).
        var taken = await data.ReadAsync(db => db.Cycles.Where(c => c.JurisdictionUbigeo == ubigeo).MaxAsync(c => (int?)c.FiscalYear));
        var year = Math.Max(FirstYear, (taken ?? 0) + 1);
        await data.WriteAsync(db =>
        {
            var manager = data.Manager;
            var cycle = Cycle.Create(ubigeo, year, $"Presupuesto Participativo {year} ({ubigeo})", Money.FromSoles(3_000_000m), manager, Noon(new DateOnly(2026, 12, 1)));
            cycle.SetThemes(Themes, manager);
            cycle.SetCriteria(DefaultCriteria.All, manager);
            cycle.SetCalendar(Calendar, manager);
            cycle.SetAccreditationRules(new AccreditationRules(1, 1, false, 2, null, false), manager);
            var proposalRules = ProposalRules.Default with { MinimumCost = MinimumCost, MaximumCost = MaximumCost };
            cycle.SetProposalRules(rules is null ? proposalRules : rules(proposalRules), manager);
            cycle.AdvanceTo(Phase.Preparation, manager, new CycleFacts(), Noon(new DateOnly(2027, 1, 4)));
            db.Cycles.Add(cycle);
            return Task.CompletedTask;
        });
        data.FiscalYear = year;
        data.CycleId = await data.ReadAsync(db => db.Cycles.Where(c => c.JurisdictionUbigeo == ubigeo && c.FiscalYear == year).Select(c => c.Id).SingleAsync());
        data.ThemeIds = await data.ReadAsync(db => db.Cycles.Where(c => c.Id == data.CycleId).SelectMany(c => c.Themes).OrderBy(t => t.Position).Select(t => t.Id).ToListAsync());
        data.CriterionIds = await data.ReadAsync(db => db.Cycles.Where(c => c.Id == data.CycleId).SelectMany(c => c.Criteria).OrderBy(t => t.Position).Select(t => t.Id).ToListAsync());
        data.Organization = await data.OrganizationAsync("Junta Vecinal Los Andes");

        await data.WriteAsync(async db =>
        {
            var cycle = await data.LoadCycleAsync(db);
            cycle.AdvanceTo(Phase.Concertation, data.Manager, AllGatesHold, Noon(new DateOnly(2027, 3, 1)));
        });
        return data;
    }

    /// <summary>A new person's details, with a DNI, phone and email unique to this test run.</summary>
    public static AgentDetails Person(string givenNames, string surnames, Sex sex)
    {
        var n = Interlocked.Increment(ref _nextPerson);
        return new AgentDetails(
            (47_000_000 + n).ToString(CultureInfo.InvariantCulture),
            givenNames,
            surnames,
            sex,
            new DateOnly(1980 + (n % 20), 1 + (n % 12), 1 + (n % 28)),
            (947_000_000 + n).ToString(CultureInfo.InvariantCulture),
            $"agente{n}-{Guid.NewGuid():N}@prueba.pe"[..30] + ".pe");
    }

    /// <summary>A valid ficha in the cycle's first district (population in the thousands).</summary>
    public static ProposalDetails Details(
        ConcertationCycle data,
        string title = "Mejoramiento del sistema de agua potable",
        int themeIndex = 0,
        IReadOnlyList<string>? districts = null,
        decimal estimatedCost = 200_000m,
        int beneficiaries = 1_000,
        string? cui = null,
        IReadOnlyList<CofinancingInput>? cofinancing = null,
        IReadOnlyList<YearShareInput>? years = null) =>
        new(
            title,
            "Instalación de redes de agua potable y conexiones domiciliarias en el sector alto.",
            data.ThemeIds[themeIndex],
            districts ?? [data.FirstDistrict],
            Money.FromSoles(estimatedCost),
            beneficiaries,
            cui,
            cofinancing ?? [],
            years ?? []);
}

/// <summary>An accredited agent with an account.</summary>
public sealed record AgentAccount(int AgentId, string UserId, string Email, AgentDetails Person);

/// <summary>An accepted organization of the cycle: its representative's account and its agents.</summary>
public sealed record AcceptedOrganization(int Id, string Name, string RepresentativeUserId, string RepresentativeEmail, IReadOnlyList<AgentAccount> Agents)
{
    public AgentAccount Titular => Agents[0];
}

/// <summary>One cycle in Concertation and helpers to act on it (see <see cref="ProposalTestData"/>).</summary>
public sealed class ConcertationCycle(PbPeruFactory app, string ubigeo)
{
    public PbPeruFactory App { get; } = app;

    public string Ubigeo { get; } = ubigeo;

    public int CycleId { get; internal set; }

    public int FiscalYear { get; internal set; }

    public IReadOnlyList<int> ThemeIds { get; internal set; } = [];

    public IReadOnlyList<int> CriterionIds { get; internal set; } = [];

    /// <summary>The organization accepted when the cycle was made.</summary>
    public AcceptedOrganization Organization { get; internal set; } = null!;

    public Actor Manager { get; } = new("seed-manager", "Marta Gestora Quispe", new HashSet<string> { ubigeo });

    /// <summary>The province's first district (…01).</summary>
    public string FirstDistrict => Ubigeo.Length == 4 ? Ubigeo + "01" : Ubigeo;

    public string SecondDistrict => Ubigeo.Length == 4 ? Ubigeo + "02" : Ubigeo;

    /// <summary>
    /// Registers an organization with a titular and a suplente (each with an account in role Agent)
    /// and accepts it; only while the cycle is in Preparation (use before moving on, or on the
    /// cycle's own setup).
    /// </summary>
    public async Task<AcceptedOrganization> OrganizationAsync(string name)
    {
        var day = new DateOnly(2027, 1, 8);
        var representativeEmail = $"rep-{Guid.NewGuid():N}@prueba.pe";
        var representative = await App.CreateUserAsync(representativeEmail, $"Representante de {name}", ProposalTestData.Password, [Roles.OrganizationRepresentative]);
        AgentDetails[] people =
        [
            ProposalTestData.Person("Juana", "Quispe Huamán", Sex.Female),
            ProposalTestData.Person("Pedro", "Mamani Condori", Sex.Male),
        ];
        var users = new List<(string Id, string Email)>();
        foreach (var person in people)
        {
            var email = $"agente-{Guid.NewGuid():N}@prueba.pe";
            var user = await App.CreateUserAsync(email, $"{person.GivenNames} {person.Surnames}", ProposalTestData.Password, [Roles.Agent]);
            users.Add((user.Id, email));
        }

        var organizationId = 0;
        await WriteAsync(async db =>
        {
            var cycle = await LoadCycleAsync(db);
            var organization = Domain.Registration.Organization.Register(
                cycle, representative.Id,
                new OrganizationDetails(name, OrganizationType.NeighbourhoodAssociation, RegistryKind.MunicipalRegistry, $"RM-{Guid.NewGuid():N}"[..20], FirstDistrict, "Jr. Principal 100", "Representante Legal"),
                day, ProposalTestData.Noon(day));
            for (var i = 0; i < people.Length; i++)
            {
                organization.AddAgent(cycle, people[i], i == 0 ? AgentRole.Titular : AgentRole.Suplente, dniTakenElsewhere: false, day);
            }

            organization.AddDocument(cycle, "acta.pdf", Guid.NewGuid().ToString("N"), "application/pdf", 1000, new string('a', 64), day, ProposalTestData.Noon(day));
            organization.Submit(cycle, day, ProposalTestData.Noon(day));
            organization.Accept(cycle, Manager, ProposalTestData.Noon(day));
            var agents = organization.Agents.OrderBy(a => a.Role).ToList();
            for (var i = 0; i < agents.Count; i++)
            {
                agents[i].LinkAccount(users[i].Id);
            }

            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            organizationId = organization.Id;
        });
        // The role is stored as text ("Suplente" sorts before "Titular"): order by the enum in memory.
        var agentRows = (await ReadAsync(db => db.Agents.Where(a => a.OrganizationId == organizationId).Select(a => new { a.Id, a.UserId, a.Role }).ToListAsync()))
            .OrderBy(a => a.Role).ThenBy(a => a.Id).ToList();
        var accounts = agentRows.Select((a, i) => new AgentAccount(a.Id, a.UserId!, users.Single(u => u.Id == a.UserId).Email, people[i])).ToList();
        return new AcceptedOrganization(organizationId, name, representative.Id, representativeEmail, accounts);
    }

    /// <summary>
    /// A second accepted organization: the cycle is put back in Preparation for a moment through the
    /// database (the domain has no way back), which is enough for a test's setup.
    /// </summary>
    public async Task<AcceptedOrganization> AnotherOrganizationAsync(string name)
    {
        await SetPhaseAsync(Phase.Preparation);
        try
        {
            return await OrganizationAsync(name);
        }
        finally
        {
            await SetPhaseAsync(Phase.Concertation);
        }
    }

    private async Task SetPhaseAsync(Phase phase)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cycle = await db.Cycles.SingleAsync(c => c.Id == CycleId);
        db.Entry(cycle).Property(c => c.Phase).CurrentValue = phase;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A proposal drafted (and submitted when <paramref name="submit"/>) through the domain by
    /// <paramref name="userId"/> of <paramref name="organization"/> (default: this cycle's first
    /// organization's titular) on <see cref="ProposalTestData.SubmissionDay"/>.
    /// </summary>
    public async Task<int> ProposalAsync(ProposalDetails? details = null, bool submit = true, AcceptedOrganization? organization = null, string? userId = null, DateTimeOffset? at = null)
    {
        organization ??= Organization;
        userId ??= organization.Titular.UserId;
        var day = ProposalTestData.SubmissionDay;
        var now = at ?? ProposalTestData.Noon(day);
        var id = 0;
        await WriteAsync(async db =>
        {
            var cycle = await LoadCycleAsync(db);
            var org = await db.Organizations.Include(o => o.Agents).SingleAsync(o => o.Id == organization.Id);
            var chosen = details ?? ProposalTestData.Details(this);
            var populations = await PopulationsAsync(db, chosen.Districts);
            var proposal = Proposal.Draft(cycle, Proposer.Of(cycle, org, userId), chosen, populations, day, now);
            if (submit)
            {
                proposal.Submit(cycle, day, now);
            }

            db.Proposals.Add(proposal);
            await db.SaveChangesAsync();
            id = proposal.Id;
        });
        return id;
    }

    /// <summary>Populations (ubigeo → people) of the given districts, from the imported jurisdictions.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> PopulationsAsync(AppDbContext db, IEnumerable<string> districts)
    {
        var list = districts.ToList();
        return await db.Jurisdictions.Where(j => list.Contains(j.Ubigeo)).ToDictionaryAsync(j => j.Ubigeo, j => j.Population);
    }

    /// <summary>
    /// A technical-team member of the jurisdiction (with an account, password <see cref="ProposalTestData.Password"/>)
    /// assigned to the proposal by the manager; returns the evaluator's user id and email.
    /// </summary>
    public async Task<(string UserId, string Email)> AssignEvaluatorAsync(int proposalId, string name = "Evaluadora Técnica")
    {
        var email = $"tecnico-{Guid.NewGuid():N}@prueba.pe";
        var user = await App.CreateUserAsync(email, name, ProposalTestData.Password, [Roles.TechnicalTeam], Ubigeo);
        await WriteAsync(async db =>
        {
            var cycle = await LoadCycleAsync(db);
            var review = await db.ProposalReviews.Include(r => r.Assignments).SingleOrDefaultAsync(r => r.ProposalId == proposalId);
            if (review is null)
            {
                review = ProposalReview.For(cycle, proposalId);
                db.ProposalReviews.Add(review);
            }

            review.Assign(cycle, Manager, user.Id, name, ProposalTestData.Noon(ProposalTestData.EvaluationDay));
        });
        return (user.Id, email);
    }

    /// <summary>
    /// The evaluator records a sheet on <paramref name="day"/> (default <see cref="ProposalTestData.EvaluationDay"/>):
    /// Observed with the question, NotViable with the reason, or Viable with every typed criterion at <paramref name="score"/>.
    /// </summary>
    public async Task RecordSheetAsync(int proposalId, string evaluatorUserId, Viability viability, string reason, int score = 2, DateOnly? day = null)
    {
        var today = day ?? ProposalTestData.EvaluationDay;
        await WriteAsync(async db =>
        {
            var cycle = await LoadCycleAsync(db);
            var proposal = await db.Proposals.SingleAsync(p => p.Id == proposalId);
            var review = await db.ProposalReviews
                .Include(r => r.Assignments).Include("Sheets._scores").Include(r => r.Observations)
                .AsSplitQuery().SingleAsync(r => r.ProposalId == proposalId);
            var scores = viability == Viability.Viable
                ? Consolidation.TypedCriteria(cycle.Criteria, cycle.ProposalRules).ToDictionary(c => c.Id, _ => score)
                : new Dictionary<int, int>();
            review.RecordSheet(cycle, evaluatorUserId, new EvaluationSheetInput(true, null, viability, reason, null, null, scores), proposal.EstimatedCost, today, ProposalTestData.Noon(today));
        });
    }

    /// <summary>A new evaluator assigned to the proposal observes it on the evaluation day; returns the evaluator's user id.</summary>
    public async Task<string> ObserveAsync(int proposalId, string question)
    {
        var (evaluator, _) = await AssignEvaluatorAsync(proposalId);
        await RecordSheetAsync(proposalId, evaluator, Viability.Observed, question);
        return evaluator;
    }

    /// <summary>The manager of this cycle's jurisdiction, signed in.</summary>
    public async Task<AppClient> ManagerAsync()
    {
        var email = $"gestor-{Guid.NewGuid():N}@prueba.pe";
        await App.CreateUserAsync(email, "Gestora de Prueba", ProposalTestData.Password, [Roles.CycleManager], Ubigeo);
        return await SignedInAsync(email);
    }

    public async Task<AppClient> SignedInAsync(string email, bool followRedirects = false)
    {
        var client = App.CreateAppClient(followRedirects);
        await client.LoginAsync(email, ProposalTestData.Password);
        return client;
    }

    public async Task WriteAsync(Func<AppDbContext, Task> write)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await write(db);
        await db.SaveChangesAsync();
    }

    public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The cycle with what the domain's rules read (calendar, themes, criteria and levels).</summary>
    public Task<Cycle> LoadCycleAsync(AppDbContext db) => db.Cycles
        .Include(c => c.Calendar).Include(c => c.Themes).Include(c => c.Criteria).ThenInclude(c => c.Levels)
        .AsSplitQuery().SingleAsync(c => c.Id == CycleId);
}
