using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web.Data;

/// <summary>
/// The demo's cycle at the final vote: the Cusco region's 2025 cycle, replayed like the linked
/// cycles (<see cref="DemoCoordination"/>) but forty days earlier and on to Formalization without a
/// coordination space, so its ballot lists the viable proposals of its published report. Six
/// accepted organizations with a titular and a suplente each, and one left observed (its titular
/// not accredited); a training session attended by most agents (one titular deliberately
/// untrained, to show the refusal); the demo agent's account linked to a
/// trained titular who has not voted yet; a knapsack vote counted by the Method of Equal Shares with
/// the add1 completion, open from an hour before the seeding to two weeks after it (a demo started again days later still votes), with four
/// ballots already cast.
/// </summary>
public static class DemoVoting
{
    public const int FiscalYear = 2025;

    public const string Jurisdiction = "08";

    /// <summary>The titular the demo agent's account is linked to: trained, and not voted yet.</summary>
    public const string DemoAgentDni = "72450981";

    /// <summary>A titular who missed the training: the vote refuses her.</summary>
    public const string UntrainedTitularDni = "29874513";

    /// <summary>The titular of an organization observed and never corrected: not on the list, so not a voter.</summary>
    public const string NotAccreditedDni = "25639871";

    private const int DaysEarlier = 40;

    /// <summary>The demo's knapsack ballot counted by the Method of Equal Shares with the add1 completion.</summary>
    public static VotingRules Rules { get; } = VotingRules.Default with { BallotType = BallotType.Knapsack, MaxApprovals = null, CountingRule = CountingRule.EqualSharesAdd1 };

    private static readonly DemoOrganization[] Organizations =
    [
        new(new("Colectivo Juvenil Cusco Joven", OrganizationType.Youth, RegistryKind.MunicipalRegistry, "RM-1022-2023", "080108", "Calle Tullumayo 440, Wanchaq", "Rosa Representante Mamani"), null,
        [
            (AgentRole.Titular, new(DemoAgentDni, "Alberto", "Agente Condori", Sex.Male, new(2001, 4, 11), null, "agente@demo.pbperu.pe")),
            (AgentRole.Suplente, new("73118452", "Lucía", "Huillca Soncco", Sex.Female, new(2003, 1, 25), "951889900", null)),
        ]),
        new(new("Junta Vecinal Señor de Huanca", OrganizationType.NeighbourhoodAssociation, RegistryKind.MunicipalRegistry, "RM-0412-2019", "080104", "Av. Ramón Castilla 210, San Jerónimo", "Julia Huamán Ccahuana"), "junta.huanca@demo.pbperu.pe",
        [
            (AgentRole.Titular, new("41528736", "Julia", "Huamán Ccahuana", Sex.Female, new(1979, 5, 14), "984112233", null)),
            (AgentRole.Suplente, new("40871254", "Mario", "Quispe Tito", Sex.Male, new(1985, 9, 2), "984223344", null)),
        ]),
        new(new("Federación de Mujeres Campesinas de Anta", OrganizationType.WomensOrganization, RegistryKind.Sunarp, "11045872", "080302", "Plaza de Armas s/n, Ancahuasi", "Nélida Condori Mamani"), "mujeres.anta@demo.pbperu.pe",
        [
            (AgentRole.Titular, new("43987120", "Nélida", "Condori Mamani", Sex.Female, new(1990, 2, 20), null, "nelida.condori@demo.pbperu.pe")),
            (AgentRole.Suplente, new("45120987", "Rosa", "Ccori Layme", Sex.Female, new(1996, 11, 8), "974556677", null)),
        ]),
        new(new("Asociación de Productores de Café de La Convención", OrganizationType.Producers, RegistryKind.Ruc, "20490212346", "080902", "Jr. Libertad 118, Echarate", "Hernán Puma Challco"), "cafe.convencion@demo.pbperu.pe",
        [
            (AgentRole.Titular, new("23981245", "Hernán", "Puma Challco", Sex.Male, new(1968, 7, 30), "984667788", null)),
            (AgentRole.Suplente, new("44781236", "Marleny", "Quispe Tupa", Sex.Female, new(1988, 6, 17), "984334455", null)),
        ]),
        new(new("Comunidad Campesina de Umasbamba", OrganizationType.IndigenousOrPeasantCommunity, RegistryKind.Sunarp, "02004561", "081302", "Comunidad de Umasbamba s/n, Chinchero", "Santos Ccallo Huaman"), "comunidad.umasbamba@demo.pbperu.pe",
        [
            (AgentRole.Titular, new("24418790", "Santos", "Ccallo Huaman", Sex.Male, new(1972, 3, 3), "984990011", null)),
            (AgentRole.Suplente, new("42561389", "Justina", "Mamani Apaza", Sex.Female, new(1983, 10, 12), "984445566", null)),
        ]),
        new(new("Asociación de Comerciantes del Mercado de Sicuani", OrganizationType.Other, RegistryKind.MunicipalRegistry, "RM-0087-2016", "080601", "Jr. Dos de Mayo 305, Sicuani", "Carmen Rosa Choque Layme"), "mercado.sicuani@demo.pbperu.pe",
        [
            (AgentRole.Titular, new(UntrainedTitularDni, "Carmen Rosa", "Choque Layme", Sex.Female, new(1975, 12, 1), "984556677", null)),
            (AgentRole.Suplente, new("47219836", "Wilber", "Condori Pari", Sex.Male, new(1991, 5, 23), "984778899", null)),
        ]),
        new(new("Asociación de Artesanos de Lares", OrganizationType.Producers, RegistryKind.MunicipalRegistry, "RM-0154-2021", "080404", "Plaza Principal s/n, Lares", "Fortunato Yupanqui Roca"), "artesanos.lares@demo.pbperu.pe",
        [
            (AgentRole.Titular, new(NotAccreditedDni, "Fortunato", "Yupanqui Roca", Sex.Male, new(1966, 9, 14), "984889900", null)),
        ],
        "Adjunte el acta de elección de su agente: la presentada no lleva firmas."),
    ];

    // Eight viable projects for S/ 18,600,000 against a ceiling of S/ 12,000,000: the technical
    // ranking fits the first five exactly and leaves out the sewerage and the road of Chinchero and
    // the cameras of Santa Ana, but the ballot lists every viable project and the vote decides.
    private static readonly DemoProject[] Projects =
    [
        new("Aulas y laboratorios del colegio emblemático de Sicuani", "Educación y cultura", ["080601"], 2_600_000m, 3_200, null, 3),
        new("Agua potable y saneamiento de Urcos", "Agua y saneamiento", ["081201"], 3_200_000m, 12_000, null, 3),
        new("Carretera vecinal Calca – Lares, primer tramo", "Vías y movilidad", ["080401"], 4_200_000m, 21_000, null, 3),
        new("Centros de vigilancia comunal en Paucartambo", "Seguridad ciudadana", ["081101"], 900_000m, 13_000, null, 2),
        new("Biblioteca y centro cultural de Anta", "Educación y cultura", ["080301"], 1_100_000m, 27_000, null, 2),
        new("Alcantarillado de Chinchero", "Agua y saneamiento", ["081302"], 1_800_000m, 9_000, null, 2),
        new("Mejoramiento de la vía Urubamba – Chinchero", "Vías y movilidad", ["081301", "081302"], 3_900_000m, 38_000, null, 2),
        new("Alumbrado y cámaras de seguridad en Santa Ana", "Seguridad ciudadana", ["080901"], 1_500_000m, 28_000, null, 1),
    ];

    /// <summary>Who has voted already (by DNI) and the projects each approved (by the start of their titles).</summary>
    private static readonly (string Dni, string[] Projects)[] Ballots =
    [
        ("41528736", ["Agua potable", "Aulas", "Centros de vigilancia"]),
        ("43987120", ["Agua potable", "Biblioteca", "Aulas"]),
        ("23981245", ["Carretera vecinal", "Agua potable"]),
        ("24418790", ["Mejoramiento de la vía Urubamba", "Alcantarillado de Chinchero", "Centros de vigilancia"]),
    ];

    public static async Task SeedAsync(IServiceProvider services, AppDbContext db, IReadOnlyDictionary<string, string> ids, CancellationToken cancellationToken)
    {
        if (await db.Cycles.AnyAsync(c => c.JurisdictionUbigeo == Jurisdiction && c.FiscalYear == FiscalYear, cancellationToken))
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (cycle, agents, trained) = await ReplayToFormalizationAsync(services, db, ids, FiscalYear, Rules, cancellationToken);
        agents[DemoAgentDni].LinkAccount(ids[Roles.Agent]);
        var vote = FinalVote.Prepare(cycle, Manager(ids), await VoteQueries.BallotItemsAsync(db, cycle, cancellationToken), await VoteQueries.BudgetAsync(db, cycle, cancellationToken),
            now.AddHours(-1), now.AddDays(14), now.AddHours(-2));
        db.FinalVotes.Add(vote);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var ((dni, picks), i) in Ballots.Select((b, i) => (b, i)))
        {
            var choices = picks.Select(p => new BallotChoice(vote.Items.First(item => item.Title.StartsWith(p, StringComparison.Ordinal)).Position, 1)).ToList();
            var agent = agents[dni];
            db.AgentBallots.Add(AgentBallot.Cast(vote, agent, trained.Contains(agent.Id), choices, ReceiptCodes.NewSubmissionKey(), now.AddMinutes(-50 + (10 * i)), out _));
        }

        // The oversight committee's election, open alongside the final vote: four seats, not all of
        // one sex, four agents standing (candidacies close at the opening: the demo agent votes).
        var manager = Manager(ids);
        var election = CommitteeElection.Create(cycle, manager, CommitteeElection.DefaultSeats, mixedSexRequired: true, now.AddHours(-3));
        foreach (var dni in CommitteeCandidates)
        {
            election.RecordCandidacy(cycle, manager, agents[dni], now.AddHours(-3));
        }

        election.Schedule(cycle, manager, now.AddHours(-1), now.AddDays(14), now.AddHours(-2));
        db.CommitteeElections.Add(election);

        // The commitments the acta will carry, one of each party.
        foreach (var (commitment, i) in Commitments.Select((c, i) => (c, i)))
        {
            db.Commitments.Add(Commitment.Record(cycle, manager, commitment, $"demo-commitment-{i:D2}", now.AddHours(-2)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The agents standing for the oversight committee in the demo: two women, two men, of four organizations.</summary>
    private static readonly string[] CommitteeCandidates = ["41528736", "43987120", "23981245", "24418790"];

    private static readonly CommitmentInput[] Commitments =
    [
        new(CommitmentParty.Government, "Incluir los proyectos priorizados en el presupuesto institucional de apertura y publicar su avance cada trimestre.",
            "Gerencia Regional de Planeamiento, Presupuesto y Acondicionamiento Territorial", null),
        new(CommitmentParty.CivilSociety, "Difundir los acuerdos en cada organización y acompañar la vigilancia de la ejecución de los proyectos.",
            "Agentes participantes", null),
    ];

    /// <summary>
    /// The demo cycle's story up to Formalization, before its vote is prepared; tests replay it
    /// under other fiscal years and rules.
    /// </summary>
    internal static async Task<FormalizedCycle> ReplayToFormalizationAsync(
        IServiceProvider services, AppDbContext db, IReadOnlyDictionary<string, string> ids, int fiscalYear, VotingRules rules, CancellationToken cancellationToken,
        int yearsEarlier = 0, IReadOnlyList<DemoProject>? projects = null)
    {
        // A cycle of an earlier year (the demo's published one) happened the same days, that many years back.
        var shift = 365 * yearsEarlier;
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().AddDays(-shift);
        var today = LimaTime.Today(clock).AddDays(-shift);
        DateOnly Day(int offset) => today.AddDays(offset);
        var manager = Manager(ids);

        var (cycle, _, _, organizations) = await DemoCoordination.ReplayToCoordinationAsync(services, db, new DemoCycle(
            Jurisdiction, fiscalYear, $"Presupuesto Participativo {fiscalYear} del Gobierno Regional del Cusco", 12_000_000m, 300_000m, 4_500_000m, Organizations, projects ?? Projects)
        {
            DaysEarlier = DaysEarlier + shift,
            MoreSteps =
            [
                new(CalendarStep.Training, Day(-148), Day(-142)),
                new(CalendarStep.FinalWorkshop, Day(0), Day(14)),
                new(CalendarStep.CouncilApproval, Day(15), Day(20)),
            ],
            VotingRules = rules,
            BriefingText = yearsEarlier > 0 ? null :
                $"El techo del presupuesto participativo {fiscalYear} es de S/ 12,000,000.00 para proyectos de alcance regional.\n\n"
                + "En este taller el gobierno regional y el comité de vigilancia rinden cuentas de los proyectos priorizados en el ciclo anterior.",
        }, ids, cancellationToken);

        // The training session: every titular but one came, and the suplentes of the first four organizations.
        var training = Meeting.Schedule(cycle, manager, new MeetingDetails(
            MeetingKind.Training, "Taller de capacitación de agentes participantes", LimaTime.At(Day(-146), new TimeOnly(9, 0)),
            "Auditorio del Gobierno Regional del Cusco, Av. Tomasa Ttito Condemayta s/n", "Teresa Técnica Huamán"));
        var present = organizations.Where(o => o.Status == OrganizationStatus.Accepted)
            .SelectMany((o, i) => o.Agents.Where(a => a.Role == AgentRole.Titular ? a.Dni != UntrainedTitularDni : i < 4));
        foreach (var agent in present)
        {
            training.MarkPresent(agent, manager, training.StartsAt.AddHours(1));
        }

        db.Meetings.Add(training);

        // Coordination ended without a coordination space: the minutes were recorded by hand.
        cycle.AdvanceTo(Phase.Formalization, manager, new CycleFacts { CoordinationMinutesRecorded = true }, now.AddDays(-15));
        await db.SaveChangesAsync(cancellationToken);
        return new FormalizedCycle(cycle, organizations.SelectMany(o => o.Agents).ToDictionary(a => a.Dni), training.Attendance.Select(a => a.AgentId).ToHashSet());
    }

    internal static Actor Manager(IReadOnlyDictionary<string, string> ids) => new(ids[Roles.CycleManager], "Gabriel Gestor Quispe", new HashSet<string> { Jurisdiction });
}

/// <summary>A cycle in Formalization, its agents by DNI and the ids of those who attended the training.</summary>
internal sealed record FormalizedCycle(Cycle Cycle, IReadOnlyDictionary<string, Agent> Agents, IReadOnlySet<int> Trained);
