using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Coordination;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Data;

/// <summary>
/// The demo's linked cycles of fiscal year 2026: the Cusco region, the Cusco province and two of its
/// districts (San Jerónimo, Wanchaq), each replayed through Preparation and Concertation to
/// Coordination with a published technical report, so that the coordination board has lists to
/// set side by side — with an overlap on purpose (the same road in the region's and the
/// province's lists) and a project shared by the province and a district (the same CUI).
/// </summary>
public static class DemoCoordination
{
    public const int FiscalYear = 2026;

    /// <summary>The jurisdictions of the linked demo cycles, region first.</summary>
    public static IReadOnlyList<string> Jurisdictions { get; } = ["08", "0801", "080104", "080108"];

    private sealed record Seed(string Ubigeo, string Name, decimal Ceiling, decimal MinimumCost, decimal MaximumCost, string OrganizationDistrict, DemoProject[] Projects);

    private static readonly string[] ThemeNames = ["Agua y saneamiento", "Vías y movilidad", "Educación y cultura", "Seguridad ciudadana"];

    private static readonly Seed[] Seeds =
    [
        new("08", "Presupuesto Participativo 2026 del Gobierno Regional del Cusco", 20_000_000m, 1_000_000m, 8_000_000m, "080104",
        [
            new("Mejoramiento de la vía Cusco – Poroy – Izcuchaca", "Vías y movilidad", ["080101", "080103", "080301"], 6_500_000m, 45_000, null, 3),
            new("Sistema de agua potable de Anta y Limatambo", "Agua y saneamiento", ["080301", "080306"], 4_200_000m, 18_000, null, 2),
            new("Institutos tecnológicos de Urubamba y Calca", "Educación y cultura", ["081301", "080401"], 3_900_000m, 9_000, null, 2),
        ]),
        new("0801", "Presupuesto Participativo 2026 de la Municipalidad Provincial del Cusco", 3_500_000m, 100_000m, 2_000_000m, "080101",
        [
            new("Mejoramiento de la vía Cusco – Poroy", "Vías y movilidad", ["080101", "080103"], 1_400_000m, 30_000, null, 3),
            new("Alumbrado público del corredor Av. de la Cultura", "Seguridad ciudadana", ["080104", "080108"], 900_000m, 60_000, "2456781", 2),
            new("Biblioteca provincial de San Sebastián", "Educación y cultura", ["080105"], 650_000m, 25_000, null, 2),
        ]),
        new("080104", "Presupuesto Participativo 2026 de la Municipalidad Distrital de San Jerónimo", 900_000m, 30_000m, 600_000m, "080104",
        [
            new("Alumbrado público de la Av. de la Cultura en San Jerónimo", "Seguridad ciudadana", ["080104"], 350_000m, 20_000, "2456781", 3),
            new("Ampliación de agua potable en Picol Orccompucyo", "Agua y saneamiento", ["080104"], 420_000m, 2_500, null, 2),
        ]),
        new("080108", "Presupuesto Participativo 2026 de la Municipalidad Distrital de Wanchaq", 800_000m, 30_000m, 600_000m, "080108",
        [
            new("Parque y losa deportiva de Santa Úrsula", "Seguridad ciudadana", ["080108"], 380_000m, 4_000, null, 2),
            new("Veredas accesibles de la Av. Garcilaso", "Vías y movilidad", ["080108"], 300_000m, 15_000, null, 3),
        ]),
    ];

    public static async Task SeedAsync(IServiceProvider services, AppDbContext db, IReadOnlyDictionary<string, string> ids, CancellationToken cancellationToken)
    {
        if (await db.Cycles.AnyAsync(c => c.FiscalYear == FiscalYear && Jurisdictions.Contains(c.JurisdictionUbigeo), cancellationToken))
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var joined = new List<ReplayedCycle>();
        for (var i = 0; i < Seeds.Length; i++)
        {
            joined.Add(await ReplayToCoordinationAsync(services, db, ToDemoCycle(Seeds[i], i * 2), ids, cancellationToken));
        }

        // Each cycle joined the department's coordination space when it entered Coordination.
        var manager = new Actor(ids[Roles.CycleManager], "Gabriel Gestor Quispe", Jurisdictions.ToHashSet());
        var space = CoordinationSpace.Open(Jurisdictions[0], FiscalYear);
        foreach (var (cycle, report, proposals, _) in joined)
        {
            var jurisdiction = await db.Jurisdictions.SingleAsync(j => j.Ubigeo == cycle.JurisdictionUbigeo, cancellationToken);
            space.Join(cycle, jurisdiction, report, proposals.Select(p => ListedProposal.From(p, cycle)).ToList(), manager, now.AddDays(-15));
        }

        db.CoordinationSpaces.Add(space);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One organization with a titular and a suplente per linked cycle.</summary>
    private static DemoCycle ToDemoCycle(Seed seed, int person) => new(
        seed.Ubigeo,
        FiscalYear,
        seed.Name,
        seed.Ceiling,
        seed.MinimumCost,
        seed.MaximumCost,
        [
            new(new OrganizationDetails($"Frente de Defensa de los Intereses de {seed.Ubigeo}", OrganizationType.NeighbourhoodAssociation, RegistryKind.MunicipalRegistry,
                $"RM-26-{seed.Ubigeo}", seed.OrganizationDistrict, "Plaza de Armas s/n", "Rosa Representante Mamani"), null,
            [
                (AgentRole.Titular, new AgentDetails($"{46_100_000 + person}", "Yolanda", "Quispe Huamán", Sex.Female, new(1982, 4, 9), "984000100", null)),
                (AgentRole.Suplente, new AgentDetails($"{46_100_001 + person}", "Edwin", "Mamani Ccasa", Sex.Male, new(1978, 8, 21), "984000200", null)),
            ]),
        ],
        seed.Projects);

    /// <summary>
    /// Replays a demo cycle through the domain, on the days it would have happened: created, set up
    /// and moved to Preparation; its organizations registered, reviewed and listed; moved to
    /// Concertation; its proposals submitted, evaluated viable by the demo evaluator and ranked in a
    /// published technical report; moved to Coordination. <see cref="DemoCycle.DaysEarlier"/> moves
    /// the whole story back, for a cycle that has gone further since.
    /// </summary>
    internal static async Task<ReplayedCycle> ReplayToCoordinationAsync(
        IServiceProvider services, AppDbContext db, DemoCycle seed, IReadOnlyDictionary<string, string> ids, CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var store = services.GetRequiredService<IDocumentStore>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var now = clock.GetUtcNow();
        var today = LimaTime.Today(clock);
        DateOnly Day(int offset) => today.AddDays(offset - seed.DaysEarlier);
        DateTimeOffset At(int offset) => now.AddDays(offset - seed.DaysEarlier);
        var department = seed.Ubigeo[..2];
        var populations = await db.Jurisdictions.Where(j => j.Ubigeo.StartsWith(department) && j.Ubigeo.Length == 6)
            .ToDictionaryAsync(j => j.Ubigeo, j => j.Population, cancellationToken);
        var manager = new Actor(ids[Roles.CycleManager], "Gabriel Gestor Quispe", new HashSet<string> { seed.Ubigeo });

        var cycle = Cycle.Create(seed.Ubigeo, seed.FiscalYear, seed.Name, Money.FromSoles(seed.Ceiling), manager, At(-160));
        cycle.SetThemes(ThemeNames.Select(n => new ThemeInput(n, "")).ToList(), manager);
        cycle.SetCriteria(DefaultCriteria.All, manager);
        cycle.SetCalendar(
        [
            new(CalendarStep.PreparationPhase, Day(-150), Day(-100)),
            new(CalendarStep.Registration, Day(-145), Day(-125)),
            new(CalendarStep.PreliminaryList, Day(-120), Day(-120)),
            new(CalendarStep.Challenges, Day(-119), Day(-115)),
            new(CalendarStep.FinalList, Day(-110), Day(-110)),
            new(CalendarStep.ConcertationPhase, Day(-95), Day(-20)),
            new(CalendarStep.ProposalSubmission, Day(-85), Day(-60)),
            new(CalendarStep.TechnicalEvaluation, Day(-55), Day(-25)),
            new(CalendarStep.CoordinationPhase, Day(-15), Day(20)),
            new(CalendarStep.CoordinationMeetings, Day(-5), Day(15)),
            new(CalendarStep.FormalizationPhase, Day(25), Day(60)),
            .. seed.MoreSteps,
        ], manager);
        cycle.SetAccreditationRules(AccreditationRules.Default with { MinimumAccreditedAgents = 2, WomenMinimumSharePercent = null }, manager);
        cycle.SetProposalRules(ProposalRules.Default with { MinimumCost = Money.FromSoles(seed.MinimumCost), MaximumCost = Money.FromSoles(seed.MaximumCost) }, manager);
        if (seed.VotingRules is { } votingRules)
        {
            cycle.SetVotingRules(votingRules, manager);
        }

        cycle.AdvanceTo(Phase.Preparation, manager, new CycleFacts(), At(-150));
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);

        // The organizations with their titulars and suplentes, reviewed; the lists and the move to Concertation.
        var registered = Day(-140);
        var organizations = new List<Organization>();
        foreach (var seeded in seed.Organizations)
        {
            var representative = seeded.RepresentativeEmail is { } email
                ? await DemoSeeder.RepresentativeAsync(users, email, seeded.Details.LegalRepresentative)
                : ids[Roles.OrganizationRepresentative];
            var organization = Organization.Register(cycle, representative, seeded.Details, registered, At(-140));
            foreach (var (role, agent) in seeded.Agents)
            {
                organization.AddAgent(cycle, agent, role, false, registered);
            }

            using (var pdf = new MemoryStream(DemoSeeder.DemoPdf(organization.Name)))
            {
                var stored = await store.SaveAsync(pdf, "constancia-de-inscripcion.pdf", cancellationToken);
                organization.AddDocument(cycle, "constancia-de-inscripcion.pdf", stored.Key, stored.ContentType, stored.SizeBytes, stored.Sha256, registered, At(-140));
            }

            organization.Submit(cycle, registered, At(-140));
            if (seeded.Observation is { } observation)
            {
                organization.Observe(cycle, manager, observation, At(-130));
            }
            else
            {
                organization.Accept(cycle, manager, At(-130));
            }

            db.Organizations.Add(organization);
            organizations.Add(organization);
        }

        var agents = organizations.SelectMany(o => o.Agents).Where(a => a.IsAccredited).ToList();
        var titulars = agents.Where(a => a.Role == AgentRole.Titular).ToList();
        var accredited = new CycleFacts
        {
            FinalAgentListPublished = true,
            AccreditedAgents = agents.Count,
            AccreditedTitulars = titulars.Count,
            AccreditedWomenTitulars = titulars.Count(a => a.Sex == Sex.Female),
        };
        var list = AccreditationList.For(cycle);
        list.PublishPreliminary(cycle, manager, 0, At(-120));
        list.PublishFinal(cycle, manager, 0, new QuotaCount(accredited.AccreditedTitulars, accredited.AccreditedWomenTitulars), null, Day(-110), At(-110));
        db.AccreditationLists.Add(list);
        cycle.AdvanceTo(Phase.Concertation, manager, accredited, At(-95));
        if (seed.BriefingText is { } text)
        {
            var briefing = Briefing.Start(cycle, manager, At(-94));
            briefing.Edit(cycle, manager, text, [], At(-94));
            briefing.Publish(cycle, manager, At(-93));
            db.Briefings.Add(briefing);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The proposals (one accepted organization after another), evaluated by the demo evaluator, and the published report.
        var themes = cycle.Themes.ToDictionary(t => t.Name, t => t.Id);
        var accepted = organizations.Where(o => o.Status == OrganizationStatus.Accepted).ToList();
        var proposals = new List<(Proposal Proposal, int Score)>();
        foreach (var (project, i) in seed.Projects.Select((p, i) => (p, i)))
        {
            var organization = accepted[i % accepted.Count];
            var details = new ProposalDetails(project.Title, "Proyecto priorizado por las organizaciones de la jurisdicción.", themes[project.Theme],
                project.Districts, Money.FromSoles(project.Cost), project.Beneficiaries, project.Cui, [], []);
            var proposal = Proposal.Draft(cycle, Proposer.Of(cycle, organization, organization.RepresentativeUserId), details, populations, Day(-80), At(-80));
            proposal.Submit(cycle, Day(-70), At(-70));
            db.Proposals.Add(proposal);
            proposals.Add((proposal, project.Score));
        }

        await db.SaveChangesAsync(cancellationToken);
        var evaluator = ids[Roles.TechnicalTeam];
        var typed = Consolidation.TypedCriteria(cycle.Criteria, cycle.ProposalRules);
        var reported = new List<ReportedProposal>();
        foreach (var (proposal, score) in proposals)
        {
            var review = ProposalReview.For(cycle, proposal.Id);
            review.Assign(cycle, manager, evaluator, "Teresa Técnica Huamán", At(-55));
            review.RecordSheet(cycle, evaluator, new EvaluationSheetInput(true, null, Viability.Viable, "Viable: sustento técnico suficiente.", null, null,
                typed.ToDictionary(c => c.Id, c => Math.Min(score, c.Levels[^1].Score))), proposal.EstimatedCost, Day(-40), At(-40));
            db.ProposalReviews.Add(review);
            reported.Add(new ReportedProposal(proposal.Id, proposal.Title, proposal.EstimatedCost, proposal.CofinancingTotal, proposal.Beneficiaries, proposal.SubmittedAt!.Value, null, review));
        }

        var report = TechnicalReport.For(cycle);
        report.Publish(cycle, manager, reported, Day(-25), At(-25));
        db.TechnicalReports.Add(report);
        cycle.AdvanceTo(Phase.Coordination, manager, accredited with { RecommendationPublished = true }, At(-15));
        await db.SaveChangesAsync(cancellationToken);
        return new ReplayedCycle(cycle, report, proposals.Select(p => p.Proposal).ToList(), organizations);
    }
}

/// <summary>
/// An organization of a replayed demo cycle with its agents; its representative is the demo's unless
/// an email names another. Accepted, unless an observation left it out of the list.
/// </summary>
internal sealed record DemoOrganization(OrganizationDetails Details, string? RepresentativeEmail, IReadOnlyList<(AgentRole Role, AgentDetails Agent)> Agents, string? Observation = null);

/// <summary>A proposal of a replayed demo cycle; <see cref="Score"/> is its level on every criterion.</summary>
internal sealed record DemoProject(string Title, string Theme, string[] Districts, decimal Cost, int Beneficiaries, string? Cui, int Score);

/// <summary>A demo cycle for <see cref="DemoCoordination.ReplayToCoordinationAsync"/>.</summary>
internal sealed record DemoCycle(
    string Ubigeo, int FiscalYear, string Name, decimal Ceiling, decimal MinimumCost, decimal MaximumCost,
    IReadOnlyList<DemoOrganization> Organizations, IReadOnlyList<DemoProject> Projects)
{
    /// <summary>How many days earlier than the linked 2026 cycles the story took place.</summary>
    public int DaysEarlier { get; init; }

    /// <summary>Calendar steps beyond the common ones (training, the final workshop…).</summary>
    public IReadOnlyList<CalendarInput> MoreSteps { get; init; } = [];

    /// <summary>Voting rules to set while they can still change (before Formalization); the defaults otherwise.</summary>
    public VotingRules? VotingRules { get; init; }

    /// <summary>The information workshop's text, published at the start of Concertation; none when null.</summary>
    public string? BriefingText { get; init; }
}

/// <summary>What a replay made: the cycle in Coordination, its published report, its proposals and organizations.</summary>
internal sealed record ReplayedCycle(Cycle Cycle, TechnicalReport Report, IReadOnlyList<Proposal> Proposals, IReadOnlyList<Organization> Organizations);
