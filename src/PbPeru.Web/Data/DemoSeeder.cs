using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// The demo: one account per role and a cycle of the Cusco regional government. On by default only
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
        string? managerId = null;
        foreach (var (email, name, role) in Accounts)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name };
                Check(await users.CreateAsync(user), email);
                Check(await users.AddToRoleAsync(user, role), email);
            }

            if (Roles.ScopedToJurisdiction.Contains(role) &&
                !await db.StaffAssignments.AnyAsync(a => a.UserId == user.Id && a.Role == role, cancellationToken))
            {
                db.StaffAssignments.Add(new StaffAssignment { UserId = user.Id, Role = role, JurisdictionUbigeo = Region });
                await db.SaveChangesAsync(cancellationToken);
            }

            var password = string.IsNullOrEmpty(fixedPassword) ? NewPassword() : fixedPassword;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password), email);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            printed.Add($"  {role,-28} {email,-32} {password}");
            if (role == Roles.CycleManager)
            {
                managerId = user.Id;
            }
        }

        await SeedCycleAsync(db, managerId!, cancellationToken);

        // Demo credentials only: printed so that whoever ran the quick start can sign in.
        Console.WriteLine();
        Console.WriteLine("PbPeru demo — cuentas de demostración (solo para la demo; cambian en cada inicio):");
        foreach (var line in printed)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine();
        logger.LogInformation("Demo data ready: {Count} demo accounts", printed.Count);
    }

    private static async Task SeedCycleAsync(AppDbContext db, string managerId, CancellationToken cancellationToken)
    {
        if (await db.Cycles.AnyAsync(c => c.JurisdictionUbigeo == Region && c.FiscalYear == FiscalYear, cancellationToken))
        {
            return;
        }

        var manager = new Actor(managerId, "Gabriel Gestor Quispe", new HashSet<string> { Region });
        var created = new DateTimeOffset(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);
        var cycle = Cycle.Create(Region, FiscalYear, "Presupuesto Participativo 2027 del Gobierno Regional del Cusco", Money.FromSoles(12_500_000m), manager, created);
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
            new(CalendarStep.PreparationPhase, new(2026, 11, 9), new(2027, 1, 15)),
            new(CalendarStep.CallPublication, new(2026, 11, 9), new(2026, 11, 20)),
            new(CalendarStep.Registration, new(2026, 11, 16), new(2026, 12, 11)),
            new(CalendarStep.PreliminaryList, new(2026, 12, 14), new(2026, 12, 14)),
            new(CalendarStep.Challenges, new(2026, 12, 15), new(2026, 12, 21)),
            new(CalendarStep.FinalList, new(2026, 12, 28), new(2026, 12, 28)),
            new(CalendarStep.Training, new(2027, 1, 5), new(2027, 1, 15)),
            new(CalendarStep.ConcertationPhase, new(2027, 1, 18), new(2027, 3, 12)),
            new(CalendarStep.InformationWorkshop, new(2027, 1, 19), new(2027, 1, 19)),
            new(CalendarStep.ThemePrioritization, new(2027, 1, 20), new(2027, 1, 29)),
            new(CalendarStep.ProposalSubmission, new(2027, 1, 20), new(2027, 2, 12)),
            new(CalendarStep.TechnicalEvaluation, new(2027, 2, 15), new(2027, 3, 12)),
            new(CalendarStep.CoordinationPhase, new(2027, 3, 15), new(2027, 4, 9)),
            new(CalendarStep.CoordinationMeetings, new(2027, 3, 22), new(2027, 4, 2)),
            new(CalendarStep.FormalizationPhase, new(2027, 4, 12), new(2027, 5, 28)),
            new(CalendarStep.FinalWorkshop, new(2027, 4, 16), new(2027, 4, 16)),
            new(CalendarStep.CouncilApproval, new(2027, 4, 19), new(2027, 5, 28)),
        ], manager);
        cycle.SetProposalRules(new ProposalRules(Money.FromSoles(300_000m), Money.FromSoles(4_000_000m)), manager);
        cycle.AdvanceTo(Phase.Preparation, manager, new CycleFacts(), created.AddDays(7));
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string NewPassword()
    {
        // Readable: no 0/O or 1/l/I. 16 characters from 57 give about 93 bits.
        const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(Alphabet, 16);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
