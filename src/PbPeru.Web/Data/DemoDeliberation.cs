using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Data;

/// <summary>
/// Deliberation in the demo's provincial cycle in Concertation (<see cref="DemoConcertation"/>): the
/// theme prioritization workshop scheduled for the day the demo first runs, so that staff can take
/// attendance at the door, and a question of the demo agent on a public proposal with the technical
/// team's official answer.
/// </summary>
public static class DemoDeliberation
{
    public const string WorkshopTitle = "Taller de priorización de ejes temáticos";

    public const string QuestionProposal = "Ampliación de la red de agua potable en la Asociación Santa Úrsula";

    public static async Task SeedAsync(IServiceProvider services, AppDbContext db, IReadOnlyDictionary<string, string> ids, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles
            .Include(c => c.Calendar).Include(c => c.Themes).Include(c => c.Criteria).ThenInclude(c => c.Levels).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.JurisdictionUbigeo == DemoConcertation.Province && c.FiscalYear == DemoSeeder.FiscalYear, cancellationToken);
        if (cycle is null || cycle.Phase != Phase.Concertation)
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var manager = new Actor(ids[Roles.CycleManager], "Gabriel Gestor Quispe", new HashSet<string> { DemoConcertation.Province });

        if (!await db.Meetings.AnyAsync(m => m.CycleId == cycle.Id && m.Kind == MeetingKind.PrioritizationWorkshop, cancellationToken))
        {
            var workshop = Meeting.Schedule(cycle, manager, new MeetingDetails(
                MeetingKind.PrioritizationWorkshop,
                WorkshopTitle,
                LimaTime.At(LimaTime.Today(clock), new TimeOnly(15, 0)),
                "Auditorio de la Municipalidad Provincial del Cusco, Plaza de Armas s/n",
                "Equipo técnico de la Gerencia de Planeamiento"));
            workshop.RecordMinutes(
                cycle,
                manager,
                "1. Registro de asistencia de los agentes participantes.\n"
                + "2. Presentación de los ejes del Plan de Desarrollo Local Concertado.\n"
                + "3. Diálogo por mesas y priorización de los ejes.\n"
                + "4. Lectura de los acuerdos.",
                null,
                [],
                now);
            db.Meetings.Add(workshop);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.ProposalQuestions.AnyAsync(q => q.CycleId == cycle.Id, cancellationToken))
        {
            var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.CycleId == cycle.Id && p.Title == QuestionProposal, cancellationToken);
            if (proposal is null || proposal.Status != ProposalStatus.Submitted)
            {
                return;
            }

            var agent = new Actor(ids[Roles.Agent], "Alberto Agente Condori", new HashSet<string>());
            var technical = new Actor(ids[Roles.TechnicalTeam], "Teresa Técnica Huamán", new HashSet<string>());
            var question = ProposalQuestion.Ask(
                cycle, proposal, proposalIsPublic: true, agent,
                "¿Las 180 conexiones domiciliarias incluyen a las familias de la parte alta de Santa Úrsula, que hoy se abastecen con cisterna?",
                NewKey(), now.AddHours(-20));
            question.Answer(
                cycle, technical, AnswererRole.TechnicalTeam, official: true,
                "Sí. El trazado de la red matriz llega hasta la parte alta (calles Los Pinos y Las Retamas); la evaluación técnica verificará la presión disponible antes del expediente técnico.",
                NewKey(), now.AddHours(-3));
            db.ProposalQuestions.Add(question);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
