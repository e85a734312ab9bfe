using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Data;

/// <summary>
/// The demo's second cycle: the Provincial Municipality of Cusco, already in Concertation, so that
/// the information workshop, theme votes, proposals and the technical evaluation have something
/// to show. Its past (registration, lists, the move to Concertation) is replayed through the
/// domain on the days it would have happened.
/// </summary>
public static class DemoConcertation
{
    public const string Province = "0801"; // Cusco

    public static async Task SeedAsync(IServiceProvider services, AppDbContext db, IReadOnlyDictionary<string, string> ids, CancellationToken cancellationToken)
    {
        if (await db.Cycles.AnyAsync(c => c.JurisdictionUbigeo == Province && c.FiscalYear == DemoSeeder.FiscalYear, cancellationToken))
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var store = services.GetRequiredService<IDocumentStore>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var now = clock.GetUtcNow();
        var today = LimaTime.Today(clock);
        DateOnly Day(int offset) => today.AddDays(offset);
        DateTimeOffset At(int offset) => now.AddDays(offset);

        var manager = new Actor(ids[Roles.CycleManager], "Gabriel Gestor Quispe", new HashSet<string> { Province });
        var cycle = Cycle.Create(Province, DemoSeeder.FiscalYear, "Presupuesto Participativo 2027 de la Municipalidad Provincial del Cusco", Money.FromSoles(3_000_000m), manager, At(-70));
        cycle.SetThemes(
        [
            new("Agua y saneamiento", "Agua potable y alcantarillado en barrios y comunidades."),
            new("Seguridad ciudadana", "Alumbrado, serenazgo y espacios públicos seguros."),
            new("Educación y cultura", "Infraestructura educativa, bibliotecas y patrimonio."),
            new("Vías y movilidad", "Pistas, veredas y caminos vecinales."),
        ], manager);
        cycle.SetCriteria(DefaultCriteria.All, manager);
        cycle.SetCalendar(
        [
            new(CalendarStep.PreparationPhase, Day(-60), Day(-10)),
            new(CalendarStep.CallPublication, Day(-60), Day(-55)),
            new(CalendarStep.Registration, Day(-55), Day(-35)),
            new(CalendarStep.PreliminaryList, Day(-30), Day(-30)),
            new(CalendarStep.Challenges, Day(-29), Day(-25)),
            new(CalendarStep.FinalList, Day(-22), Day(-22)),
            new(CalendarStep.Training, Day(-20), Day(-12)),
            new(CalendarStep.ConcertationPhase, Day(-9), Day(40)),
            new(CalendarStep.InformationWorkshop, Day(-7), Day(-7)),
            new(CalendarStep.ThemePrioritization, Day(-6), Day(5)),
            new(CalendarStep.ProposalSubmission, Day(-6), Day(12)),
            new(CalendarStep.TechnicalEvaluation, Day(13), Day(35)),
            new(CalendarStep.CoordinationPhase, Day(43), Day(70)),
            new(CalendarStep.CoordinationMeetings, Day(50), Day(60)),
            new(CalendarStep.FormalizationPhase, Day(73), Day(110)),
            new(CalendarStep.FinalWorkshop, Day(80), Day(80)),
            new(CalendarStep.CouncilApproval, Day(85), Day(110)),
        ], manager);
        cycle.SetAccreditationRules(AccreditationRules.Default with { MinimumAccreditedAgents = 4 }, manager);
        cycle.SetProposalRules(ProposalRules.Default with { MinimumCost = Money.FromSoles(50_000m), MaximumCost = Money.FromSoles(1_500_000m) }, manager);
        cycle.AdvanceTo(Phase.Preparation, manager, new CycleFacts(), At(-60));
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);

        Task<string> RepresentativeAsync(string email, string name) => DemoSeeder.RepresentativeAsync(users, email, name);

        var registered = Day(-50);
        var seeds = new (string Rep, OrganizationDetails Details, (AgentRole Role, AgentDetails Agent)[] Agents)[]
        {
            (ids[Roles.OrganizationRepresentative],
                new("Asociación de Vivienda Santa Úrsula", OrganizationType.NeighbourhoodAssociation, RegistryKind.MunicipalRegistry, "RM-0233-2018", "080108", "Calle Los Pinos 120, Wanchaq", "Rosa Representante Mamani"),
                [(AgentRole.Titular, new("70451238", "Alberto", "Agente Condori", Sex.Male, new(2001, 4, 11), null, "agente@demo.pbperu.pe")),
                 (AgentRole.Suplente, new("70452290", "Gloria", "Quispe Ccama", Sex.Female, new(1994, 6, 7), "984101010", null))]),
            (await RepresentativeAsync("madres.santiago@demo.pbperu.pe", "Eulalia Choque Huamán"),
                new("Club de Madres Virgen de Belén", OrganizationType.WomensOrganization, RegistryKind.Sunarp, "11098745", "080106", "Av. Antonio Lorena 512, Santiago", "Eulalia Choque Huamán"),
                [(AgentRole.Titular, new("42318876", "Eulalia", "Choque Huamán", Sex.Female, new(1976, 12, 1), "984202020", null)),
                 (AgentRole.Suplente, new("42318877", "Marina", "Sullca Ttito", Sex.Female, new(1988, 3, 15), "984303030", null))]),
            (await RepresentativeAsync("jovenes.sansebastian@demo.pbperu.pe", "Kevin Huallpa Rojas"),
                new("Red de Jóvenes de San Sebastián", OrganizationType.Youth, RegistryKind.MunicipalRegistry, "RM-0871-2022", "080105", "Jr. Tupac Amaru 77, San Sebastián", "Kevin Huallpa Rojas"),
                [(AgentRole.Titular, new("74125589", "Kevin", "Huallpa Rojas", Sex.Male, new(2002, 8, 19), "951404040", null)),
                 (AgentRole.Suplente, new("74125590", "Milagros", "Apaza Condori", Sex.Female, new(2003, 10, 30), "951505050", null))]),
            (await RepresentativeAsync("comunidad.poroy@demo.pbperu.pe", "Fortunato Mamani Ccoa"),
                new("Comunidad Campesina de Poroy", OrganizationType.IndigenousOrPeasantCommunity, RegistryKind.Sunarp, "02003318", "080103", "Comunidad de Poroy s/n", "Fortunato Mamani Ccoa"),
                [(AgentRole.Titular, new("24567813", "Fortunato", "Mamani Ccoa", Sex.Male, new(1966, 1, 9), "984606060", null)),
                 (AgentRole.Suplente, new("24567814", "Juana", "Ccoa Huillca", Sex.Female, new(1970, 5, 5), "984707070", null))]),
        };

        var organizations = new List<Organization>();
        foreach (var (rep, details, agents) in seeds)
        {
            var organization = Organization.Register(cycle, rep, details, registered, At(-50));
            foreach (var (role, agent) in agents)
            {
                organization.AddAgent(cycle, agent, role, dniTakenElsewhere: false, registered);
            }

            using (var pdf = new MemoryStream(DemoSeeder.DemoPdf(details.Name)))
            {
                var stored = await store.SaveAsync(pdf, "constancia-de-inscripcion.pdf", cancellationToken);
                organization.AddDocument(cycle, "constancia-de-inscripcion.pdf", stored.Key, stored.ContentType, stored.SizeBytes, stored.Sha256, registered, At(-50));
            }

            organization.Submit(cycle, registered, At(-50));
            organization.Accept(cycle, manager, At(-40));
            organizations.Add(organization);
            db.Organizations.Add(organization);
        }

        await db.SaveChangesAsync(cancellationToken);
        var demoAgent = await db.Agents.SingleAsync(a => a.CycleId == cycle.Id && a.Email == "agente@demo.pbperu.pe", cancellationToken);
        demoAgent.LinkAccount(ids[Roles.Agent]);

        // The lists, published on their days, and the move to Concertation through its gate.
        var list = AccreditationList.For(cycle);
        list.PublishPreliminary(cycle, manager, 0, At(-30));
        var (accredited, count) = (organizations.Sum(o => o.Agents.Count), new QuotaCount(organizations.Count, 1));
        list.PublishFinal(cycle, manager, 0, count, "La convocatoria llegó a las organizaciones de mujeres de los ocho distritos; se inscribió una.", Day(-22), At(-22));
        db.AccreditationLists.Add(list);
        cycle.AdvanceTo(Phase.Concertation, manager, new CycleFacts
        {
            FinalAgentListPublished = true,
            AccreditedAgents = accredited,
            AccreditedTitulars = count.Titulars,
            AccreditedWomenTitulars = count.WomenTitulars,
            QuotaShortfallJustified = true,
        }, At(-9));
        await db.SaveChangesAsync(cancellationToken);

        // The information workshop, published.
        var briefing = Briefing.Start(cycle, manager, At(-8));
        briefing.Edit(
            cycle,
            manager,
            "El techo del presupuesto participativo 2027 es de S/ 3,000,000.00 para proyectos de inversión de alcance provincial.\n\n"
            + "Los proyectos deben corresponder a uno de los ejes del Plan de Desarrollo Local Concertado y costar entre S/ 50,000.00 y S/ 1,500,000.00.",
            [
                new("Mejoramiento del servicio de agua potable en Poroy", AgreementState.Done, "Obra concluida y entregada en 2025."),
                new("Alumbrado público en la Av. de la Cultura", AgreementState.InProgress, "En ejecución: 60 % de avance físico."),
                new("Biblioteca municipal de San Sebastián", AgreementState.Pending, "Expediente técnico en elaboración."),
            ],
            At(-8));
        briefing.Publish(cycle, manager, At(-7));
        db.Briefings.Add(briefing);

        // Proposals, submitted by the organizations (populations of their districts from the ubigeo list).
        var populations = await db.Jurisdictions.Where(j => j.ParentUbigeo == Province)
            .ToDictionaryAsync(j => j.Ubigeo, j => j.Population, cancellationToken);
        var themes = cycle.Themes;
        var proposals = new (int Organization, string Title, string Description, int Theme, string[] Districts, decimal Cost, int Beneficiaries)[]
        {
            (0, "Ampliación de la red de agua potable en la Asociación Santa Úrsula", "Tendido de 1.2 km de red matriz y 180 conexiones domiciliarias.", 0, ["080108"], 820_000m, 900),
            (1, "Iluminación y recuperación del parque Virgen de Belén", "Postes con luminarias LED, bancas y juegos infantiles.", 1, ["080106"], 240_000m, 3_500),
            (2, "Centro juvenil de cómputo en San Sebastián", "Aula equipada con 30 computadoras y conectividad.", 2, ["080105"], 310_000m, 2_000),
            (3, "Mejoramiento del camino vecinal Poroy – Ccorao", "Afirmado de 4 km de trocha carrozable con cunetas.", 3, ["080103", "080104"], 1_150_000m, 6_000),
            (1, "Veredas accesibles en el centro de Santiago", "Veredas con rampas para personas con discapacidad.", 3, ["080106"], 450_000m, 12_000),
        };
        var saved = new List<Proposal>();
        foreach (var (index, title, description, theme, districts, cost, beneficiaries) in proposals)
        {
            var organization = organizations[index];
            var proposer = Proposer.Of(cycle, organization, organization.RepresentativeUserId);
            var details = new ProposalDetails(title, description, themes[theme].Id, districts, Money.FromSoles(cost), beneficiaries, null, [], []);
            var proposal = Proposal.Draft(cycle, proposer, details, populations, Day(-3), At(-3));
            proposal.Submit(cycle, Day(-2), At(-2));
            db.Proposals.Add(proposal);
            saved.Add(proposal);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The demo evaluator has the first three proposals assigned.
        foreach (var proposal in saved.Take(3))
        {
            var review = ProposalReview.For(cycle, proposal.Id);
            review.Assign(cycle, manager, ids[Roles.TechnicalTeam], "Teresa Técnica Huamán", At(-1));
            db.ProposalReviews.Add(review);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
