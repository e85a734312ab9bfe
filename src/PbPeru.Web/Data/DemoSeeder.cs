using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Documents;

namespace PbPeru.Web.Data;

/// <summary>
/// The demo: one account per role, a cycle of the Cusco regional government in Preparation and
/// one of the Cusco provincial municipality in Concertation (<see cref="DemoConcertation"/>). On by default only
/// on SQLite (the quick start); passwords are random at every start and printed on the console,
/// unless <c>Demo:Password</c> sets one (tests do).
/// </summary>
public static class DemoSeeder
{
    public const string Region = "08"; // Cusco
    public const int FiscalYear = 2027;

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Accounts =
    [
        ("administrador@demo.pbperu.pe", "Ana Administradora", Roles.Administrator),
        ("gestor@demo.pbperu.pe", "Gabriel Gestor Quispe", Roles.CycleManager),
        ("tecnico@demo.pbperu.pe", "Teresa Técnica Huamán", Roles.TechnicalTeam),
        ("representante@demo.pbperu.pe", "Rosa Representante Mamani", Roles.OrganizationRepresentative),
        ("agente@demo.pbperu.pe", "Alberto Agente Condori", Roles.Agent),
        ("vigilancia@demo.pbperu.pe", "Valeria Vigilante Ccori", Roles.OversightCommittee),
    ];

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Demo:Enabled") ?? DatabaseSetup.Provider(configuration) == DatabaseProvider.Sqlite;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("PbPeru.Demo");
        var fixedPassword = configuration["Demo:Password"];

        var printed = new List<string>();
        var ids = new Dictionary<string, string>();
        foreach (var (email, name, role) in Accounts)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name };
                Check(await users.CreateAsync(user), email);
                Check(await users.AddToRoleAsync(user, role), email);
            }

            // Staff of the regional government, the provincial one (the second demo cycle) and the
            // two districts of the linked cycles in Coordination.
            string[] staffed = [Region, DemoConcertation.Province, .. DemoCoordination.Jurisdictions.Except([Region, DemoConcertation.Province])];
            foreach (var jurisdiction in Roles.ScopedToJurisdiction.Contains(role) ? staffed : [])
            {
                if (!await db.StaffAssignments.AnyAsync(a => a.UserId == user.Id && a.Role == role && a.JurisdictionUbigeo == jurisdiction, cancellationToken))
                {
                    db.StaffAssignments.Add(new StaffAssignment { UserId = user.Id, Role = role, JurisdictionUbigeo = jurisdiction });
                    await db.SaveChangesAsync(cancellationToken);
                }
            }

            var password = string.IsNullOrEmpty(fixedPassword) ? NewPassword() : fixedPassword;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password), email);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            printed.Add($"  {role,-28} {email,-32} {password}");
            ids[role] = user.Id;
        }

        await SeedCycleAsync(services, db, ids, cancellationToken);
        await DemoConcertation.SeedAsync(services, db, ids, cancellationToken);
        await DemoDeliberation.SeedAsync(services, db, ids, cancellationToken);
        await DemoCoordination.SeedAsync(services, db, ids, cancellationToken);
        await DemoVoting.SeedAsync(services, db, ids, cancellationToken);
        await DemoPublished.SeedAsync(services, db, ids, cancellationToken);

        // Demo credentials only: printed so that whoever ran the quick start can sign in.
        Console.WriteLine();
        Console.WriteLine("PbPeru demo — cuentas de demostración (solo para la demo; cambian en cada inicio):");
        foreach (var line in printed)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(configuration.GetValue(TwoFactorSetup.RequireForStaffSetting, defaultValue: true)
            ? "  La verificación en dos pasos es obligatoria para administración, gestión de ciclos y equipo técnico: al iniciar sesión se pide configurarla."
            : "  La verificación en dos pasos está desactivada en esta demo (Security:RequireTwoFactorForStaff=false).");
        Console.WriteLine();
        logger.LogInformation("Demo data ready: {Count} demo accounts", printed.Count);
    }

    private static async Task SeedCycleAsync(IServiceProvider services, AppDbContext db, IReadOnlyDictionary<string, string> ids, CancellationToken cancellationToken)
    {
        if (await db.Cycles.AnyAsync(c => c.JurisdictionUbigeo == Region && c.FiscalYear == FiscalYear, cancellationToken))
        {
            return;
        }

        // The demo's calendar is laid around the day it is first run, so that its registration
        // window is open then: a demo that works whatever the date.
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = LimaTime.Today(clock);
        DateOnly Day(int offset) => today.AddDays(offset);

        var managerId = ids[Roles.CycleManager];
        var manager = new Actor(managerId, "Gabriel Gestor Quispe", new HashSet<string> { Region });
        var cycle = Cycle.Create(Region, FiscalYear, "Presupuesto Participativo 2027 del Gobierno Regional del Cusco", Money.FromSoles(12_500_000m), manager, now.AddDays(-26));
        cycle.SetThemes(
        [
            new("Desarrollo social: salud y educación", "Cierre de brechas en establecimientos de salud e instituciones educativas."),
            new("Agua y saneamiento", "Agua potable, alcantarillado y tratamiento de aguas residuales."),
            new("Conectividad vial", "Caminos vecinales, puentes y transitabilidad entre provincias."),
            new("Desarrollo económico y agropecuario", "Riego, cadenas productivas y competitividad agraria."),
            new("Ambiente y gestión del riesgo de desastres", "Prevención ante heladas, huaicos e inundaciones; gestión de residuos."),
            new("Turismo y cultura", "Puesta en valor del patrimonio y servicios turísticos."),
        ], manager);
        cycle.SetCalendar(
        [
            new(CalendarStep.PreparationPhase, Day(-19), Day(48)),
            new(CalendarStep.CallPublication, Day(-19), Day(-8)),
            new(CalendarStep.Registration, Day(-12), Day(13)),
            new(CalendarStep.PreliminaryList, Day(16), Day(16)),
            new(CalendarStep.Challenges, Day(17), Day(23)),
            new(CalendarStep.FinalList, Day(30), Day(30)),
            new(CalendarStep.Training, Day(38), Day(48)),
            new(CalendarStep.ConcertationPhase, Day(51), Day(103)),
            new(CalendarStep.InformationWorkshop, Day(52), Day(52)),
            new(CalendarStep.ThemePrioritization, Day(53), Day(62)),
            new(CalendarStep.ProposalSubmission, Day(53), Day(76)),
            new(CalendarStep.TechnicalEvaluation, Day(79), Day(103)),
            new(CalendarStep.CoordinationPhase, Day(106), Day(131)),
            new(CalendarStep.CoordinationMeetings, Day(113), Day(124)),
            new(CalendarStep.FormalizationPhase, Day(134), Day(180)),
            new(CalendarStep.FinalWorkshop, Day(138), Day(138)),
            new(CalendarStep.CouncilApproval, Day(141), Day(180)),
        ], manager);
        cycle.SetProposalRules(ProposalRules.Default with { MinimumCost = Money.FromSoles(300_000m), MaximumCost = Money.FromSoles(4_000_000m) }, manager);
        cycle.AdvanceTo(Phase.Preparation, manager, new CycleFacts(), now.AddDays(-19));
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);

        await SeedOrganizationsAsync(services, db, cycle, manager, ids, today, now, cancellationToken);
    }

    /// <summary>Organizations at every step of the review, so each screen has something to show.</summary>
    private static async Task SeedOrganizationsAsync(
        IServiceProvider services, AppDbContext db, Cycle cycle, Actor manager, IReadOnlyDictionary<string, string> ids,
        DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var representative = ids[Roles.OrganizationRepresentative];

        Task<string> RepresentativeAsync(string email, string name) => DemoSeeder.RepresentativeAsync(users, email, name);

        var seeds = new (string Rep, OrganizationDetails Details, (AgentRole Role, AgentDetails Agent)[] Agents, OrganizationStatus Target, string Note)[]
        {
            (await RepresentativeAsync("junta.huanca@demo.pbperu.pe", "Julia Huamán Ccahuana"),
                new("Junta Vecinal Señor de Huanca", OrganizationType.NeighbourhoodAssociation, RegistryKind.MunicipalRegistry, "RM-0412-2019", "080104", "Av. Ramón Castilla 210, San Jerónimo", "Julia Huamán Ccahuana"),
                [(AgentRole.Titular, new("41528736", "Julia", "Huamán Ccahuana", Sex.Female, new(1979, 5, 14), "984112233", null)),
                 (AgentRole.Suplente, new("40871254", "Mario", "Quispe Tito", Sex.Male, new(1985, 9, 2), "984223344", null))],
                OrganizationStatus.Accepted, ""),
            (await RepresentativeAsync("mujeres.anta@demo.pbperu.pe", "Nélida Condori Mamani"),
                new("Federación de Mujeres Campesinas de Anta", OrganizationType.WomensOrganization, RegistryKind.Sunarp, "11045872", "080302", "Plaza de Armas s/n, Ancahuasi", "Nélida Condori Mamani"),
                [(AgentRole.Titular, new("43987120", "Nélida", "Condori Mamani", Sex.Female, new(1990, 2, 20), null, "nelida.condori@demo.pbperu.pe")),
                 (AgentRole.Suplente, new("45120987", "Rosa", "Ccori Layme", Sex.Female, new(1996, 11, 8), "974556677", null))],
                OrganizationStatus.Accepted, ""),
            (await RepresentativeAsync("cafe.convencion@demo.pbperu.pe", "Hernán Puma Challco"),
                new("Asociación de Productores de Café de La Convención", OrganizationType.Producers, RegistryKind.Ruc, "20490212346", "080902", "Jr. Libertad 118, Echarate", "Hernán Puma Challco"),
                [(AgentRole.Titular, new("23981245", "Hernán", "Puma Challco", Sex.Male, new(1968, 7, 30), "984667788", null))],
                OrganizationStatus.Submitted, ""),
            (representative,
                new("Colectivo Juvenil Cusco Joven", OrganizationType.Youth, RegistryKind.MunicipalRegistry, "RM-1022-2023", "080108", "Calle Tullumayo 440, Wanchaq", "Rosa Representante Mamani"),
                [(AgentRole.Titular, new("72450981", "Alberto", "Agente Condori", Sex.Male, new(2001, 4, 11), null, "agente@demo.pbperu.pe")),
                 (AgentRole.Suplente, new("73118452", "Lucía", "Huillca Soncco", Sex.Female, new(2003, 1, 25), "951889900", null))],
                OrganizationStatus.Accepted, ""),
            (representative,
                new("Comunidad Campesina de Umasbamba", OrganizationType.IndigenousOrPeasantCommunity, RegistryKind.Sunarp, "02004561", "081302", "Comunidad de Umasbamba s/n, Chinchero", "Rosa Representante Mamani"),
                [(AgentRole.Titular, new("24418790", "Santos", "Ccallo Huaman", Sex.Male, new(1972, 3, 3), "984990011", null))],
                OrganizationStatus.Observed, "Adjunte la constancia de inscripción vigente en Registros Públicos: la partida presentada es de 2015."),
        };

        foreach (var (rep, details, agents, target, note) in seeds)
        {
            var organization = Organization.Register(cycle, rep, details, today, now);
            foreach (var (role, agent) in agents)
            {
                organization.AddAgent(cycle, agent, role, dniTakenElsewhere: false, today);
            }

            using (var pdf = new MemoryStream(DemoPdf(details.Name)))
            {
                var stored = await store.SaveAsync(pdf, "constancia-de-inscripcion.pdf", cancellationToken);
                organization.AddDocument(cycle, "constancia-de-inscripcion.pdf", stored.Key, stored.ContentType, stored.SizeBytes, stored.Sha256, today, now);
            }

            if (target != OrganizationStatus.Draft)
            {
                organization.Submit(cycle, today, now);
            }

            switch (target)
            {
                case OrganizationStatus.Accepted:
                    organization.Accept(cycle, manager, now);
                    break;
                case OrganizationStatus.Observed:
                    organization.Observe(cycle, manager, note, now);
                    break;
            }

            db.Organizations.Add(organization);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The demo agent's account is the accredited titular of the youth collective.
        var demoAgent = await db.Agents.SingleAsync(a => a.CycleId == cycle.Id && a.Email == "agente@demo.pbperu.pe", cancellationToken);
        demoAgent.LinkAccount(ids[Roles.Agent]);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A one-page PDF standing for a scanned registry certificate.</summary>
    internal static byte[] DemoPdf(string title)
    {
        var text = $"Constancia de demostracion - {new string(title.Where(char.IsAscii).ToArray())}";
        var content = $"BT /F1 14 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var builder = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(builder.Length);
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = builder.Length;
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(builder.ToString());
    }

    private static string NewPassword()
    {
        // Readable: no 0/O or 1/l/I. 16 characters from 57 give about 93 bits.
        const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(Alphabet, 16);
    }

    /// <summary>Another organization's representative: an account without a password (it cannot sign in).</summary>
    internal static async Task<string> RepresentativeAsync(UserManager<AppUser> users, string email, string name)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name };
            Check(await users.CreateAsync(user), email);
            Check(await users.AddToRoleAsync(user, Roles.OrganizationRepresentative), email);
        }

        return user.Id;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
