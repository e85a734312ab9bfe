using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Execution;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Survey;
using PbPeru.Domain.Voting;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure;
using PbPeru.Web.Infrastructure.Formalization;
using PbPeru.Web.Infrastructure.Voting;

namespace PbPeru.Web.Data;

/// <summary>
/// The demo's published cycle: the Cusco region's 2024 cycle, the same story as the 2025 one a year
/// earlier (<see cref="DemoVoting.ReplayToFormalizationAsync"/>) with its own projects, carried to
/// the end — the final vote held and counted in its workshop, the oversight committee elected, the
/// acta issued with two commitments, the coordination council's and the regional council's
/// approval, the list sent to MEF, and the results published. The public pages, the open data and
/// the jurisdiction's history have a real cycle to show.
/// </summary>
public static class DemoPublished
{
    public const int FiscalYear = 2024;

    private static readonly DemoProject[] Projects =
    [
        new("Agua potable y saneamiento de Yanaoca", "Agua y saneamiento", ["080501"], 2_100_000m, 7_500, "2498731", 3),
        new("Institución educativa inicial de Santo Tomás", "Educación y cultura", ["080701"], 1_600_000m, 5_200, "2501187", 3),
        new("Camino vecinal Acomayo – Pomacanchi", "Vías y movilidad", ["080201"], 4_100_000m, 4_000, null, 2),
        new("Serenazgo y cámaras de seguridad en Espinar", "Seguridad ciudadana", ["080801"], 1_200_000m, 30_000, "2476540", 2),
        new("Riego tecnificado en Paruro", "Agua y saneamiento", ["081001"], 2_800_000m, 3_000, null, 2),
        new("Casa de la cultura de Lares", "Educación y cultura", ["080404"], 900_000m, 6_000, null, 1),
    ];

    /// <summary>The trained titulars' ballots in the workshop (by DNI; projects by the start of their titles).</summary>
    private static readonly (string Dni, string[] Projects)[] Ballots =
    [
        (DemoVoting.DemoAgentDni, ["Agua potable", "Institución educativa", "Casa de la cultura"]),
        ("41528736", ["Agua potable", "Riego tecnificado", "Institución educativa"]),
        ("43987120", ["Institución educativa", "Agua potable", "Serenazgo"]),
        ("23981245", ["Camino vecinal", "Riego tecnificado"]),
        ("24418790", ["Camino vecinal", "Serenazgo", "Agua potable"]),
    ];

    /// <summary>Who stood for the committee, and who approved whom (by DNI).</summary>
    private static readonly string[] Candidates = ["43987120", "23981245", "41528736", "24418790", "73118452"];

    private static readonly (string Voter, string[] Approvals)[] CommitteeBallots =
    [
        (DemoVoting.DemoAgentDni, ["43987120", "23981245", "73118452"]),
        ("41528736", ["43987120", "41528736", "24418790"]),
        ("43987120", ["43987120", "73118452", "23981245"]),
        ("23981245", ["23981245", "24418790", "43987120"]),
        ("24418790", ["24418790", "23981245", "41528736"]),
    ];

    private static readonly CommitmentInput[] Commitments =
    [
        new(CommitmentParty.Government, "Incorporar los proyectos priorizados en el presupuesto institucional de apertura e informar su avance cada trimestre.",
            "Gerencia Regional de Planeamiento, Presupuesto y Acondicionamiento Territorial", null),
        new(CommitmentParty.CivilSociety, "Informar a las bases de cada organización sobre los acuerdos y acompañar al comité de vigilancia en sus visitas de obra.",
            "Agentes participantes", null),
    ];

    public static async Task SeedAsync(IServiceProvider services, AppDbContext db, IReadOnlyDictionary<string, string> ids, CancellationToken cancellationToken)
    {
        if (await db.Cycles.AnyAsync(c => c.JurisdictionUbigeo == DemoVoting.Jurisdiction && c.FiscalYear == FiscalYear, cancellationToken))
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var (cycle, agents, trained) = await DemoVoting.ReplayToFormalizationAsync(
            services, db, ids, FiscalYear, DemoVoting.Rules, cancellationToken, yearsEarlier: 1, projects: Projects);
        var manager = DemoVoting.Manager(ids);

        // The demo agent took part a year earlier too: signed in, they can answer this cycle's evaluation.
        agents[DemoVoting.DemoAgentDni].LinkAccount(ids[Roles.Agent]);
        var workshop = LimaTime.Today(clock).AddDays(-365);
        DateTimeOffset At(int days, int hour) => LimaTime.At(workshop.AddDays(days), new TimeOnly(hour, 0));

        // The final vote of the workshop, 09:00 to 13:00, counted at once.
        var vote = FinalVote.Prepare(cycle, manager, await VoteQueries.BallotItemsAsync(db, cycle, cancellationToken), await VoteQueries.BudgetAsync(db, cycle, cancellationToken),
            At(0, 9), At(0, 13), At(-1, 10));
        db.FinalVotes.Add(vote);
        await db.SaveChangesAsync(cancellationToken);
        var ballots = Ballots.Select((b, i) => AgentBallot.Cast(
            vote, agents[b.Dni], trained.Contains(agents[b.Dni].Id),
            b.Projects.Select(p => new BallotChoice(vote.Items.First(item => item.Title.StartsWith(p, StringComparison.Ordinal)).Position, 1)).ToList(),
            ReceiptCodes.NewSubmissionKey(), At(0, 9).AddMinutes(15 + (20 * i)), out _)).ToList();
        db.AgentBallots.AddRange(ballots);
        await db.SaveChangesAsync(cancellationToken);
        vote.Count(cycle, manager, ballots, At(0, 13).AddMinutes(10));

        // The oversight committee, elected the same afternoon.
        var election = CommitteeElection.Create(cycle, manager, CommitteeElection.DefaultSeats, mixedSexRequired: true, At(-1, 10));
        foreach (var dni in Candidates)
        {
            election.RecordCandidacy(cycle, manager, agents[dni], At(-1, 11));
        }

        election.Schedule(cycle, manager, At(0, 14), At(0, 16), At(-1, 12));
        db.CommitteeElections.Add(election);
        await db.SaveChangesAsync(cancellationToken);
        var committeeBallots = CommitteeBallots.Select((b, i) => CommitteeBallot.Cast(
            election, agents[b.Voter], CommitteeVoterFacts.None, b.Approvals.Select(d => agents[d].Id).ToList(),
            ReceiptCodes.NewSubmissionKey(), At(0, 14).AddMinutes(10 + (10 * i)))).ToList();
        db.CommitteeBallots.AddRange(committeeBallots);
        election.Count(cycle, manager, committeeBallots, agents.Values.ToDictionary(a => a.Id, a => a.Sex), At(0, 16).AddMinutes(15));
        foreach (var (commitment, i) in Commitments.Select((c, i) => (c, i)))
        {
            db.Commitments.Add(Commitment.Record(cycle, manager, commitment, $"demo-2024-commitment-{i:D2}", At(0, 17)));
        }

        await db.SaveChangesAsync(cancellationToken);

        // The acta, issued at the end of the workshop from the data as it stood.
        const string Place = "Auditorio del Gobierno Regional del Cusco, Av. Tomasa Ttito Condemayta s/n";
        var issued = At(0, 18);
        var body = await ActaContentBuilder.BuildAsync(db, cycle, new ActaStamp(1, issued, manager.DisplayName, workshop, Place, null), cancellationToken)
            ?? throw new InvalidOperationException("The demo's 2024 vote has no result to put in its acta.");
        var acta = Acta.Of(cycle);
        acta.Issue(cycle, manager, new ActaFacts(true, true), new ActaIssueInput(workshop, Place, null), stamp => ActaContentBuilder.Serialize(body.WithStamp(stamp)), issued);
        db.Actas.Add(acta);

        // The approvals, the submission to MEF, and the publication of the results.
        var today = LimaTime.Today(clock);
        var chain = ApprovalChain.Start(cycle, At(16, 10));
        chain.Decide(cycle, manager, actaIssued: true, new ApprovalDecisionInput(
            ApprovalBody.CoordinationCouncil, workshop.AddDays(16), "Acuerdo CCR N.º 007-2025-CCR-CUSCO", ApprovalOutcome.Approved, null, null), "demo-2024-ccr", today, At(16, 10));
        chain.Decide(cycle, manager, actaIssued: true, new ApprovalDecisionInput(
            ApprovalBody.Council, workshop.AddDays(18), "Acuerdo Regional N.º 112-2025-CR/GRC.CUSCO", ApprovalOutcome.Approved, null, null), "demo-2024-council", today, At(18, 10));
        chain.SubmitToMef(cycle, manager, workshop.AddDays(25), "Oficio N.º 455-2025-GR CUSCO/GRPPAT", today, At(25, 10));
        db.ApprovalChains.Add(chain);
        cycle.AdvanceTo(Phase.Published, manager, new CycleFacts
        {
            ResultComputed = true,
            OversightCommitteeElected = true,
            ActaIssued = true,
            ApprovalsRecorded = true,
        }, At(26, 10));
        await db.SaveChangesAsync(cancellationToken);

        await SeedFollowUpAsync(db, cycle, manager, At, today, cancellationToken);
    }

    /// <summary>
    /// A year on: the staff's updates of the first approved projects (one finished, one under way, one
    /// suspended), and the participants' evaluation with its threshold at the minimum and four answers,
    /// so the demo agent's answer is the one that publishes it.
    /// </summary>
    private static async Task SeedFollowUpAsync(
        AppDbContext db, Cycle cycle, Actor manager, Func<int, int, DateTimeOffset> at, DateOnly today, CancellationToken cancellationToken)
    {
        var approved = (await ApprovedListQuery.ForCycleAsync(db, cycle.Id, cancellationToken))?.Projects.Count ?? 0;
        var workshop = DateOnly.FromDateTime(at(0, 12).Date);
        var updates = new (int Rank, int Day, ExecutionState State, int Progress, decimal Spent, ExecutionMilestones Milestones, string Observations)[]
        {
            (1, 60, ExecutionState.InTender, 0, 0m, new(workshop.AddDays(55), null, null, null),
                "Convocatoria publicada en el SEACE; tres postores presentaron ofertas."),
            (1, 150, ExecutionState.InExecution, 45, 900_000m, new(workshop.AddDays(55), workshop.AddDays(95), workshop.AddDays(300), null),
                "Redes de agua instaladas en los barrios altos; el reservorio está en construcción."),
            (1, 320, ExecutionState.Finished, 100, 2_050_000m, new(workshop.AddDays(55), workshop.AddDays(95), workshop.AddDays(300), workshop.AddDays(310)),
                "Obra concluida y recibida; el comité de vigilancia participó en la recepción."),
            (2, 90, ExecutionState.InTender, 0, 0m, new(workshop.AddDays(85), null, null, null), "Expediente técnico aprobado; proceso de selección en curso."),
            (2, 240, ExecutionState.InExecution, 60, 950_000m, new(workshop.AddDays(85), workshop.AddDays(130), workshop.AddDays(400), null),
                "Aulas y servicios higiénicos en construcción; avance según el cronograma."),
            (3, 200, ExecutionState.Suspended, 20, 600_000m, new(workshop.AddDays(100), workshop.AddDays(140), workshop.AddDays(420), null),
                "Obra paralizada por las lluvias; se reanudará en abril según el informe del supervisor."),
        };
        foreach (var group in updates.Where(u => u.Rank <= approved).GroupBy(u => u.Rank))
        {
            var execution = ProjectExecution.Start(cycle, group.Key, at(group.First().Day, 9));
            foreach (var u in group)
            {
                execution.Record(cycle, manager, isCommitteeMember: false,
                    new ExecutionEntryInput(u.State, u.Progress, Money.FromSoles(u.Spent), u.Milestones, u.Observations), [],
                    $"demo-2024-execution-{u.Rank}-{u.Day}", today, at(u.Day, 11));
            }

            db.ProjectExecutions.Add(execution);
        }

        db.SurveySettings.Add(SurveySettings.Create(cycle, manager, SurveySettings.MinThreshold));

        // The other agents of the demo have no accounts, so their answers come without the
        // participation rows that stop a second answer from an account.
        var grades = new (SurveyGrade Overall, SurveyGrade Information, SurveyGrade Training, SurveyGrade Technical, SurveyGrade Voting, SurveyGrade Transparency, string? Comment)[]
        {
            (SurveyGrade.Good, SurveyGrade.Good, SurveyGrade.Fair, SurveyGrade.Good, SurveyGrade.Excellent, SurveyGrade.Good, "La votación en el celular fue rápida; la capacitación fue corta."),
            (SurveyGrade.Excellent, SurveyGrade.Good, SurveyGrade.Good, SurveyGrade.Excellent, SurveyGrade.Excellent, SurveyGrade.Excellent, null),
            (SurveyGrade.Fair, SurveyGrade.Poor, SurveyGrade.Fair, SurveyGrade.Fair, SurveyGrade.Good, SurveyGrade.Fair, "La información llegó tarde a las provincias altas."),
            (SurveyGrade.Good, SurveyGrade.Fair, SurveyGrade.Good, SurveyGrade.Good, SurveyGrade.Good, SurveyGrade.Good, null),
        };
        foreach (var (g, i) in grades.Select((g, i) => (g, i)))
        {
            var submission = SurveyAnswer.Submit(cycle, $"demo-2024-paper-{i}", isParticipant: true, alreadyAnswered: false,
                new SurveyGrades(g.Overall, g.Information, g.Training, g.Technical, g.Voting, g.Transparency), g.Comment);
            db.SurveyAnswers.Add(submission.Answer);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
