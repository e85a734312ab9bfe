using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests;

[Trait("Capability", "Foundation")]
public class ConfigurationGateTests
{
    [Fact]
    public void CheckMove_WhenFullyConfigured_AllowsPreparation()
    {
        var cycle = TestCycles.InPhase(Phase.Draft);

        var check = cycle.CheckMove(Phase.Preparation, new CycleFacts());

        Assert.True(check.Allowed);
        Assert.Equal(Gates.ConfigurationComplete.Title, check.GateTitle);
    }

    [Fact]
    public void CheckMove_WhenNothingConfigured_ListsEveryReasonAtOnce()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.NewDraft(ceiling: Money.Zero);

        var check = cycle.CheckMove(Phase.Preparation, TestCycles.AllGatesHold);

        Assert.Equal(
        [
            "El techo presupuestal debe ser mayor que cero.",
            "Falta fijar las fechas de la fase de Preparación.",
            "Falta fijar las fechas de la fase de Concertación.",
            "Falta fijar las fechas de la fase de Coordinación.",
            "Falta fijar las fechas de la fase de Formalización.",
            "Registre al menos un eje temático del Plan de Desarrollo Concertado.",
        ], check.Reasons);
    }

    [Fact]
    public void CheckMove_WithoutThemes_SaysThemesAreMissing()
    {
        var cycle = TestCycles.NewDraft();
        cycle.SetCalendar(TestCycles.FullCalendar, TestCycles.Manager);

        var check = cycle.CheckMove(Phase.Preparation, TestCycles.AllGatesHold);

        Assert.Equal([Messages.NoThemes.Format()], check.Reasons);
    }

    [Theory]
    [InlineData(Phase.Preparation)]
    [InlineData(Phase.Concertation)]
    [InlineData(Phase.Coordination)]
    [InlineData(Phase.Formalization)]
    public void CheckMove_WhenAPhaseWindowIsMissing_NamesThatPhase(Phase undated)
    {
        var cycle = TestCycles.NewDraft();
        var windowStep = CalendarSteps.PhaseWindows[undated];
        cycle.SetCalendar(TestCycles.FullCalendar.Where(e => e.Step != windowStep).ToList(), TestCycles.Manager);
        cycle.SetThemes(TestCycles.Themes, TestCycles.Manager);

        var check = cycle.CheckMove(Phase.Preparation, TestCycles.AllGatesHold);

        Assert.Equal([Messages.PhaseNotDated.Format(PhaseNames.Of(undated))], check.Reasons);
    }

    [Fact]
    public void CheckMove_WhenCeilingIsZero_SaysCeilingMustBePositive()
    {
        var cycle = TestCycles.NewDraft(ceiling: Money.Zero);
        cycle.SetCalendar(TestCycles.FullCalendar, TestCycles.Manager);
        cycle.SetThemes(TestCycles.Themes, TestCycles.Manager);

        var check = cycle.CheckMove(Phase.Preparation, TestCycles.AllGatesHold);

        Assert.Equal([Messages.CeilingNotPositive.Format()], check.Reasons);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void SetCeiling_WhenNotPositive_IsRefused(long centimos)
    {
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetCeiling(Money.FromCentimos(centimos), TestCycles.Manager));

        Assert.Equal(Messages.CeilingNotPositive.Format(), error.Message);
        Assert.Equal(TestCycles.DefaultCeiling, cycle.Ceiling);
    }

    [Fact]
    public void SetCeiling_BelowProposalMaximum_IsRefusedAndKeepsTheCeiling()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(Phase.Preparation);
        cycle.SetProposalRules(ProposalRules.Default with { MaximumCost = Money.FromSoles(1_000_000m) }, TestCycles.Manager);
        var before = cycle.Ceiling;

        var error = Assert.Throws<DomainException>(() => cycle.SetCeiling(Money.FromSoles(800_000m), TestCycles.Manager));

        Assert.Equal("El techo presupuestal no puede ser menor que el costo máximo de una propuesta (S/ 1,000,000.00); ajuste primero ese costo máximo.", error.Message);
        Assert.Equal(before, cycle.Ceiling);
    }

    [Fact]
    public void SetCriteria_WhenWeightsDoNotSumToHundred_IsRefusedAndKeepsTheCriteria()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(Phase.Draft);
        var before = cycle.Criteria.Select(c => (c.Name, c.WeightPercent)).ToList();
        var criteria = DefaultCriteria.All.Select(c => c with { WeightPercent = 18 }).ToList();

        var error = Assert.Throws<DomainException>(() => cycle.SetCriteria(criteria, TestCycles.Manager));

        Assert.Equal(["Los pesos de los criterios suman 90 %; deben sumar 100 %."], error.Reasons);
        Assert.Equal(before, cycle.Criteria.Select(c => (c.Name, c.WeightPercent)));
        Assert.True(cycle.CheckMove(Phase.Preparation, TestCycles.AllGatesHold).Allowed);
    }

    [Fact]
    public void SetThemes_WhenEmpty_IsRefused()
    {
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetThemes([], TestCycles.Manager));

        Assert.Equal(Messages.NoThemes.Format(), error.Message);
    }

    [Fact]
    public void SetThemes_WhenANameRepeatsIgnoringCaseAndSpaces_IsRefused()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetThemes(
            [new("Infraestructura", ""), new("  infraestructura ", "")], TestCycles.Manager));

        Assert.Equal("El eje «Infraestructura» está repetido.", error.Message);
        Assert.Empty(cycle.Themes);
    }

    [Fact]
    public void SetThemes_ReplacesThemesInOrderAndKeepsExistingOnesIdentity()
    {
        var cycle = TestCycles.NewDraft();
        cycle.SetThemes(TestCycles.Themes, TestCycles.Manager);
        var first = cycle.Themes[0];

        cycle.SetThemes([new(" Ambiente ", " Residuos sólidos "), new("Seguridad ciudadana", "")], TestCycles.Manager);

        Assert.Equal(["Ambiente", "Seguridad ciudadana"], cycle.Themes.Select(t => t.Name));
        Assert.Equal([1, 2], cycle.Themes.Select(t => t.Position));
        Assert.Equal("Residuos sólidos", cycle.Themes[0].Description);
        Assert.Same(first, cycle.Themes[0]);
    }
}

[Trait("Capability", "Foundation")]
public class AccreditationGateTests
{
    private static readonly CycleFacts Accredited = new()
    {
        FinalAgentListPublished = true,
        AccreditedAgents = 20,
        AccreditedTitulars = 10,
        AccreditedWomenTitulars = 5,
    };

    private static Cycle PreparationWith(int? quotaPercent, bool hard, int minimumAgents = 10) =>
        TestCycles.InPhase(Phase.Preparation, c => c.SetAccreditationRules(
            AccreditationRules.Default with
            {
                WomenMinimumSharePercent = quotaPercent,
                WomenQuotaIsHard = hard,
                MinimumAccreditedAgents = minimumAgents,
            },
            TestCycles.Manager));

    [Fact]
    public void CheckMove_WhenAccreditationComplete_AllowsConcertation()
    {
        var cycle = PreparationWith(30, hard: true);

        var check = cycle.CheckMove(Phase.Concertation, Accredited);

        Assert.True(check.Allowed);
        Assert.Equal(Gates.AccreditationComplete.Title, check.GateTitle);
    }

    [Fact]
    public void CheckMove_WhenFinalListNotPublished_SaysSo()
    {
        var cycle = PreparationWith(30, hard: true);

        var check = cycle.CheckMove(Phase.Concertation, Accredited with { FinalAgentListPublished = false });

        Assert.Equal([Messages.FinalListNotPublished.Format()], check.Reasons);
    }

    [Fact]
    public void CheckMove_WhenTooFewAgents_GivesTheCountAndTheMinimum()
    {
        using var culture = CultureScope.Spanish();
        var cycle = PreparationWith(null, hard: false, minimumAgents: 12);

        var check = cycle.CheckMove(Phase.Concertation, Accredited with { AccreditedAgents = 7 });

        Assert.Equal(["Hay 7 agentes acreditados; el ciclo exige al menos 12."], check.Reasons);
    }

    [Fact]
    public void CheckMove_WhenExactlyTheMinimumOfAgents_Passes()
    {
        var cycle = PreparationWith(null, hard: false, minimumAgents: 12);

        Assert.True(cycle.CheckMove(Phase.Concertation, Accredited with { AccreditedAgents = 12 }).Allowed);
    }

    [Fact]
    public void CheckMove_WhenHardQuotaNotMet_GivesAReasonEvenWhenJustified()
    {
        using var culture = CultureScope.Spanish();
        var cycle = PreparationWith(30, hard: true);
        var facts = Accredited with { AccreditedWomenTitulars = 2, QuotaShortfallJustified = true };

        var check = cycle.CheckMove(Phase.Concertation, facts);

        Assert.Equal(["Las mujeres son el 20 % de los agentes titulares; la cuota obligatoria exige al menos el 30 %."], check.Reasons);
    }

    [Fact]
    public void CheckMove_WhenSoftQuotaNotMetAndNotJustified_AsksForTheJustification()
    {
        using var culture = CultureScope.Spanish();
        var cycle = PreparationWith(30, hard: false);
        var facts = Accredited with { AccreditedTitulars = 3, AccreditedWomenTitulars = 0 };

        var check = cycle.CheckMove(Phase.Concertation, facts);

        Assert.Equal(
            ["Las mujeres son el 0 % de los agentes titulares, por debajo de la cuota del 30 %: registre la justificación."],
            check.Reasons);
    }

    [Fact]
    public void CheckMove_WhenSoftQuotaNotMetButJustified_Passes()
    {
        var cycle = PreparationWith(30, hard: false);
        var facts = Accredited with { AccreditedWomenTitulars = 2, QuotaShortfallJustified = true };

        Assert.True(cycle.CheckMove(Phase.Concertation, facts).Allowed);
    }

    [Fact]
    public void CheckMove_WhenQuotaMissedByAFraction_ShowsTheShareWithOneDecimal()
    {
        using var culture = CultureScope.English();
        var cycle = PreparationWith(34, hard: true);
        var facts = Accredited with { AccreditedTitulars = 3, AccreditedWomenTitulars = 1 };

        var check = cycle.CheckMove(Phase.Concertation, facts);

        Assert.Equal(["Women are 33.3 % of titular agents; the mandatory quota requires at least 34 %."], check.Reasons);
    }

    [Theory]
    [InlineData(3, 10, 30, true)]
    [InlineData(2, 10, 30, false)]
    [InlineData(1, 3, 33, true)]
    [InlineData(1, 3, 34, false)]
    [InlineData(299, 1000, 30, false)]
    [InlineData(300, 1000, 30, true)]
    [InlineData(10, 10, 100, true)]
    [InlineData(9, 10, 100, false)]
    [InlineData(0, 0, 30, false)]
    public void WomenQuotaMet_UsesExactIntegerArithmetic(int women, int titulars, int quota, bool met)
    {
        var facts = new CycleFacts { AccreditedTitulars = titulars, AccreditedWomenTitulars = women };

        Assert.Equal(met, Gates.WomenQuotaMet(quota, facts));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CheckMove_WhenQuotaExactlyMet_Passes(bool hard)
    {
        var cycle = PreparationWith(30, hard);
        var facts = Accredited with { AccreditedTitulars = 10, AccreditedWomenTitulars = 3 };

        Assert.True(cycle.CheckMove(Phase.Concertation, facts).Allowed);
    }

    [Fact]
    public void CheckMove_WithoutQuota_IgnoresTheShareOfWomen()
    {
        var cycle = PreparationWith(null, hard: false);

        Assert.True(cycle.CheckMove(Phase.Concertation, Accredited with { AccreditedWomenTitulars = 0 }).Allowed);
    }

    [Fact]
    public void CheckMove_WhenEverythingFails_ListsEveryReasonAtOnce()
    {
        using var culture = CultureScope.Spanish();
        var cycle = PreparationWith(30, hard: true);

        var check = cycle.CheckMove(Phase.Concertation, new CycleFacts());

        Assert.Equal(
        [
            "Falta publicar la lista final de agentes participantes acreditados.",
            "Hay 0 agentes acreditados; el ciclo exige al menos 10.",
            "Las mujeres son el 0 % de los agentes titulares; la cuota obligatoria exige al menos el 30 %.",
        ], check.Reasons);
    }

    [Fact]
    public void AdvanceTo_WhenAccreditationFails_ThrowsWithEveryReason()
    {
        var cycle = PreparationWith(30, hard: true);

        var error = Assert.Throws<DomainException>(() =>
            cycle.AdvanceTo(Phase.Concertation, TestCycles.Manager, new CycleFacts(), TestCycles.CreatedAt.AddMonths(3)));

        Assert.Equal(3, error.Reasons.Count);
        Assert.Equal(string.Join(" ", error.Reasons), error.Message);
        Assert.Equal(Phase.Preparation, cycle.Phase);
    }
}

[Trait("Capability", "Foundation")]
public class LaterGateTests
{
    [Fact]
    public void EvaluationComplete_WhenProposalsAwaitAndNoRecommendation_ListsBothReasons()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(Phase.Concertation);
        var facts = TestCycles.AllGatesHold with { ProposalsAwaitingEvaluation = 4, RecommendationPublished = false };

        var check = cycle.CheckMove(Phase.Coordination, facts);

        Assert.Equal(Gates.EvaluationComplete.Title, check.GateTitle);
        Assert.Equal(
        [
            "Quedan 4 propuestas sin evaluación técnica.",
            "El equipo técnico aún no ha publicado su recomendación priorizada.",
        ], check.Reasons);
    }

    [Fact]
    public void EvaluationComplete_WhenOneProposalAwaits_Fails()
    {
        var cycle = TestCycles.InPhase(Phase.Concertation);

        var check = cycle.CheckMove(Phase.Coordination, TestCycles.AllGatesHold with { ProposalsAwaitingEvaluation = 1 });

        Assert.Equal([Messages.ProposalNotEvaluatedOne.Format()], check.Reasons);
    }

    [Fact]
    public void CoordinationComplete_WhenNoMinutesAndOverlapsRemain_ListsBothReasons()
    {
        using var culture = CultureScope.English();
        var cycle = TestCycles.InPhase(Phase.Coordination);
        var facts = TestCycles.AllGatesHold with { CoordinationMinutesRecorded = false, UnresolvedOverlaps = 2 };

        var check = cycle.CheckMove(Phase.Formalization, facts);

        Assert.Equal(Gates.CoordinationComplete.Title, check.GateTitle);
        Assert.Equal(
        [
            "The coordination minutes have not been recorded.",
            "2 project overlaps are still unresolved.",
        ], check.Reasons);
    }

    [Fact]
    public void CoordinationComplete_WhenOnlyAnOverlapRemains_Fails()
    {
        var cycle = TestCycles.InPhase(Phase.Coordination);

        var check = cycle.CheckMove(Phase.Formalization, TestCycles.AllGatesHold with { UnresolvedOverlaps = 1 });

        Assert.Equal([Messages.OverlapUnresolvedOne.Format()], check.Reasons);
    }

    [Fact]
    public void FormalizationComplete_WhenNothingDone_ListsAllFourReasons()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(Phase.Formalization);

        var check = cycle.CheckMove(Phase.Published, new CycleFacts());

        Assert.Equal(Gates.FormalizationComplete.Title, check.GateTitle);
        Assert.Equal(
        [
            "Falta calcular el resultado de la votación final.",
            "Falta elegir el comité de vigilancia.",
            "Falta emitir el Acta de Acuerdos y Compromisos.",
            "Falta registrar la aprobación del consejo de coordinación y del concejo.",
        ], check.Reasons);
    }

    public static TheoryData<string, Func<CycleFacts, CycleFacts>, Text> OneFormalizationStepMissing => new()
    {
        { "result", f => f with { ResultComputed = false }, Messages.ResultNotComputed },
        { "committee", f => f with { OversightCommitteeElected = false }, Messages.CommitteeNotElected },
        { "acta", f => f with { ActaIssued = false }, Messages.ActaNotIssued },
        { "approvals", f => f with { ApprovalsRecorded = false }, Messages.ApprovalsNotRecorded },
    };

    [Theory]
    [MemberData(nameof(OneFormalizationStepMissing))]
    public void FormalizationComplete_WhenOneStepMissing_GivesOnlyThatReason(string step, Func<CycleFacts, CycleFacts> missing, Text reason)
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);

        var check = cycle.CheckMove(Phase.Published, missing(TestCycles.AllGatesHold));

        Assert.True(check.Reasons.Count == 1, $"Missing {step} should give one reason.");
        Assert.Equal(reason.Format(), check.Reasons[0]);
    }

    [Fact]
    public void Always_ClosingAPublishedCycle_NeedsNoFacts()
    {
        var cycle = TestCycles.InPhase(Phase.Published);

        var check = cycle.CheckMove(Phase.Closed, new CycleFacts());

        Assert.True(check.Allowed);
        Assert.Equal(Gates.Always.Title, check.GateTitle);
    }
}
