using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using static PbPeru.Domain.Tests.Concertation.EvaluationTestData;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class ReviewTests
{
    [Fact]
    public void Assign_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var cycle = Cycle();
        var review = ProposalReview.For(cycle, 11);

        var error = Assert.Throws<DomainException>(() => review.Assign(cycle, TestCycles.OtherManager, Ana, "Ana Flores", Now));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
        Assert.Empty(review.Assignments);
    }

    [Fact]
    public void Assign_TheSameEvaluatorTwice_IsRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);

        var error = Assert.Throws<DomainException>(() => review.Assign(cycle, Manager, Ana, "Ana Flores", Now));

        Assert.Equal(Messages.EvaluatorAlreadyAssigned.Format("Ana Flores"), error.Message);
    }

    [Fact]
    public void Unassign_BeforeTheSheet_RemovesTheAssignment_AfterItIsRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana, Beto);
        Record(review, cycle, Ana, Viable(2, 2, 2, 2, 2));

        review.Unassign(cycle, Manager, Beto);
        var error = Assert.Throws<DomainException>(() => review.Unassign(cycle, Manager, Ana));

        Assert.Equal(Messages.EvaluatorAlreadyRecorded.Format("Ana Flores"), error.Message);
        Assert.Equal([Ana], review.Assignments.Select(a => a.EvaluatorUserId));
    }

    [Fact]
    public void RecordSheet_ByAnEvaluatorNotAssigned_IsRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Beto, Viable(2, 2, 2, 2, 2)));

        Assert.Equal(Messages.EvaluatorNotAssigned.Format(), error.Message);
        Assert.Empty(review.Sheets);
    }

    [Fact]
    public void RecordSheet_Viable_KeepsEverythingTheEvaluatorWrote()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);
        var input = Viable(3, 2, 1, 0, 3) with { AdjustedCost = Money.FromSoles(180_000m), CostJustification = " Precios de mercado 2025. " };

        var sheet = Record(review, cycle, Ana, input);

        Assert.True(sheet.Eligible);
        Assert.Equal(Viability.Viable, sheet.Viability);
        Assert.Equal("Técnicamente sustentada.", sheet.Reason);
        Assert.Equal(Money.FromSoles(180_000m), sheet.AdjustedCost);
        Assert.Equal("Precios de mercado 2025.", sheet.CostJustification);
        Assert.Equal(Scores(3, 2, 1, 0, 3), sheet.Scores);
        Assert.Equal("Ana Flores", sheet.EvaluatorName);
        Assert.Equal(TimeSpan.Zero, sheet.RecordedAt.Offset);
    }

    [Fact]
    public void RecordSheet_Again_ReplacesTheSheet()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);
        Record(review, cycle, Ana, Viable(3, 3, 3, 3, 3));

        Record(review, cycle, Ana, NotViable("Ya existe un proyecto igual."), now: Now.AddHours(1));

        var sheet = Assert.Single(review.Sheets);
        Assert.Equal(Viability.NotViable, sheet.Viability);
        Assert.Empty(sheet.Scores);
        Assert.Equal(2, review.SheetsVersion);
    }

    [Fact]
    public void RecordSheet_ViableWithAMissingScore_IsRefusedNamingTheCriterion()
    {
        using var culture = CultureScope.Spanish();
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, Viable(3, 2, 1, 0)));

        Assert.Equal("Falta el puntaje de: Cofinanciamiento.", error.Message);
        Assert.Empty(review.Sheets);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    public void RecordSheet_ScoreOutsideTheScale_IsRefused(int score)
    {
        using var culture = CultureScope.English();
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, Viable(3, score, 1, 0, 3)));

        Assert.Equal($"The score {score} is not on the scale of “Pobreza y grupos vulnerables” (0, 1, 2, 3).", error.Message);
        Assert.Empty(review.Sheets);
    }

    [Fact]
    public void RecordSheet_ScoreBetweenLevelsOfASparseScale_IsRefused()
    {
        var cycle = Cycle(criteria: [Criterion("Impacto", 60, 1, 3, 5), Criterion("Costo", 40, 1, 3, 5)]);
        var review = Review(cycle, 11, Ana);

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, Viable(2, 3)));

        Assert.Equal(Messages.ScoreOutsideScale.Format(2, "Impacto", "1, 3, 5"), error.Message);
    }

    [Fact]
    public void RecordSheet_ScoreForACriterionNotInTheMatrix_IsRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, Viable(3, 3, 3, 3, 3, 3)));

        Assert.Equal(Messages.ScoreForUnknownCriterion.Format(), error.Message);
    }

    [Fact]
    public void RecordSheet_ScoreForTheThemePriorityCriterion_IsRefused_AndNotMissedWithoutIt()
    {
        var cycle = Cycle(r => r with { ThemePriorityUse = ThemePriorityUse.Criterion });
        var review = Review(cycle, 11, Ana);

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, Viable(3, 3, 3, 3, 3)));
        var sheet = Record(review, cycle, Ana, Viable(3, 3, 3, 3));

        Assert.Equal(Messages.ScoreForThemePriorityCriterion.Format("Cofinanciamiento"), error.Message);
        Assert.Equal(4, sheet.Scores.Count);
    }

    [Fact]
    public void RecordSheet_ScoresOnANotViableSheet_AreRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, NotViable() with { Scores = Scores(1) }));

        Assert.Equal(Messages.ScoresOnlyWhenViable.Format(), error.Message);
    }

    [Theory]
    [InlineData(Viability.Viable)]
    [InlineData(Viability.Observed)]
    [InlineData(Viability.NotViable)]
    public void RecordSheet_WithoutAReason_IsRefusedWhateverTheVerdict(Viability viability)
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);
        var input = new EvaluationSheetInput(true, null, viability, "  ", null, null, viability == Viability.Viable ? Scores(1, 1, 1, 1, 1) : Scores());

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, input));

        Assert.Equal(Messages.ViabilityReasonRequired.Format(), error.Message);
    }

    [Fact]
    public void RecordSheet_Ineligible_NeedsItsReasonAndCannotBeViable()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);

        var noReason = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, NotViable() with { Eligible = false }));
        var viable = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, Viable(1, 1, 1, 1, 1) with { Eligible = false, EligibilityReason = "Fuera del ámbito." }));
        var sheet = Record(review, cycle, Ana, NotViable() with { Eligible = false, EligibilityReason = "Fuera del ámbito." });

        Assert.Equal(Messages.EligibilityReasonRequired.Format(), noReason.Message);
        Assert.Equal(Messages.IneligibleCannotBeViable.Format(), viable.Message);
        Assert.Equal("Fuera del ámbito.", sheet.EligibilityReason);
    }

    [Fact]
    public void RecordSheet_AdjustedCostDifferentFromTheEstimate_NeedsAJustification()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, Viable(1, 1, 1, 1, 1) with { AdjustedCost = Money.FromSoles(210_000m) }));
        var sameAsEstimate = Record(review, cycle, Ana, Viable(1, 1, 1, 1, 1) with { AdjustedCost = Estimate });

        Assert.Equal(Messages.CostJustificationRequired.Format(), error.Message);
        Assert.Null(sameAsEstimate.CostJustification);
    }

    [Fact]
    public void RecordSheet_ViableWithAnAdjustedCostAboveTheCycleMaximum_IsRefused()
    {
        var cycle = Cycle(r => r with { MinimumCost = Money.FromSoles(50_000m), MaximumCost = Money.FromSoles(300_000m) });
        var review = Review(cycle, 11, Ana);
        var input = Viable(1, 1, 1, 1, 1) with { AdjustedCost = Money.FromSoles(300_000.01m), CostJustification = "Metrado real." };

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, input));
        var notViable = Record(review, cycle, Ana, NotViable() with { AdjustedCost = Money.FromSoles(300_000.01m), CostJustification = "Metrado real." });

        Assert.Equal(Messages.AdjustedCostOutsideBounds.Format(Money.FromSoles(50_000m), Money.FromSoles(300_000m)), error.Message);
        Assert.Equal(Viability.NotViable, notViable.Viability);
    }

    [Fact]
    public void RecordSheet_OutsideConcertation_IsRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);
        cycle.AdvanceTo(Phase.Coordination, Manager, TestCycles.AllGatesHold, Now);

        var error = Assert.Throws<DomainException>(() => Record(review, cycle, Ana, Viable(1, 1, 1, 1, 1)));

        Assert.Equal(Messages.EvaluationNotInConcertation.Format(), error.Message);
    }

    [Fact]
    public void Status_FollowsTheReviewFromUnassignedToEvaluated()
    {
        var cycle = Cycle();
        var review = ProposalReview.For(cycle, 11);
        var unassigned = review.Outcome(cycle, null, Estimate, Today).Status;
        review.Assign(cycle, Manager, Ana, "Ana Flores", Now);
        review.Assign(cycle, Manager, Beto, "Beto Rojas", Now);
        Record(review, cycle, Ana, Viable(2, 2, 2, 2, 2));
        var halfway = review.Outcome(cycle, null, Estimate, Today).Status;
        Record(review, cycle, Beto, Viable(3, 2, 2, 1, 2));

        var outcome = review.Outcome(cycle, null, Estimate, Today);

        Assert.Equal(ReviewStatus.Unassigned, unassigned);
        Assert.Equal(ReviewStatus.InProgress, halfway);
        Assert.Equal(ReviewStatus.Evaluated, outcome.Status);
        Assert.True(review.IsEvaluated(cycle, Today));
        Assert.Equal(Viability.Viable, outcome.Verdict);
        // Means 2.5, 2, 2, 1.5, 2 on 0–3: 25 × 2.5/3 + 25 × 2/3 + 20 × 2/3 + 20 × 1.5/3 + 10 × 2/3 = 67.5
        Assert.Equal(67.5m, outcome.Score);
        Assert.Equal(Estimate, outcome.FinalCost);
    }

    [Fact]
    public void Outcome_EvaluatorsAdjustingTheCost_UsesTheHighestAdjustedCost()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana, Beto, Carla);
        Record(review, cycle, Ana, Viable(2, 2, 2, 2, 2) with { AdjustedCost = Money.FromSoles(150_000m), CostJustification = "Menos metrado." });
        Record(review, cycle, Beto, Viable(2, 2, 2, 2, 2) with { AdjustedCost = Money.FromSoles(230_000m), CostJustification = "Precios actuales." });
        Record(review, cycle, Carla, Viable(2, 2, 2, 2, 2));

        Assert.Equal(Money.FromSoles(230_000m), review.Outcome(cycle, null, Estimate, Today).FinalCost);
    }

    [Fact]
    public void Observation_ObservedSheet_SendsTheReasonToTheProposerWithTheCycleDeadline()
    {
        var cycle = Cycle(r => r with { ObservationAnswerDays = 7 });
        var review = Review(cycle, 11, Ana);

        Record(review, cycle, Ana, Observed("Adjunte el plano de ubicación."));

        var observation = Assert.Single(review.Observations);
        Assert.Equal("Adjunte el plano de ubicación.", observation.Question);
        Assert.Equal(Today.AddDays(7), observation.Deadline);
        Assert.True(review.HasOpenObservation(Today));
        Assert.Equal(ReviewStatus.Observed, review.Outcome(cycle, null, Estimate, Today).Status);
        Assert.False(review.IsEvaluated(cycle, Today));
    }

    [Fact]
    public void Observation_AnsweredInTime_ClosesAndTheEvaluatorRecordsAgain()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);
        Record(review, cycle, Ana, Observed());
        var lastDay = Today.AddDays(5);

        review.Answer(ProposerUser, " Plano adjunto en la ficha. ", lastDay, Now.AddDays(5));
        var afterAnswer = review.Outcome(cycle, null, Estimate, lastDay).Status;
        Record(review, cycle, Ana, Viable(2, 2, 2, 2, 2), lastDay.AddDays(1), Now.AddDays(6));

        var observation = Assert.Single(review.Observations);
        Assert.Equal("Plano adjunto en la ficha.", observation.Answer);
        Assert.Equal(ProposerUser, observation.AnsweredByUserId);
        Assert.False(review.HasOpenObservation(lastDay));
        Assert.Equal(ReviewStatus.InProgress, afterAnswer);
        Assert.True(review.IsEvaluated(cycle, lastDay.AddDays(1)));
    }

    [Fact]
    public void Observation_AnswerAfterTheDeadline_IsRefusedGivingTheDeadline()
    {
        using var culture = CultureScope.Spanish();
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);
        Record(review, cycle, Ana, Observed());

        var error = Assert.Throws<DomainException>(() => review.Answer(ProposerUser, "Tarde.", Today.AddDays(6), Now.AddDays(6)));

        Assert.Equal("El plazo para responder la observación venció el 19/05/2025.", error.Message);
        Assert.Null(review.Observations[0].Answer);
    }

    [Fact]
    public void Observation_DeadlinePassedUnanswered_LeavesTheEvaluatorToDecide()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);
        Record(review, cycle, Ana, Observed());
        var afterDeadline = Today.AddDays(6);

        var waiting = review.Outcome(cycle, null, Estimate, afterDeadline).Status;
        Record(review, cycle, Ana, NotViable("No respondió la observación."), afterDeadline, Now.AddDays(6));

        Assert.True(review.Observations[0].HasLapsed(afterDeadline));
        Assert.Equal(ReviewStatus.InProgress, waiting);
        var outcome = review.Outcome(cycle, null, Estimate, afterDeadline);
        Assert.Equal(Viability.NotViable, outcome.Verdict);
        Assert.Equal("No respondió la observación.", outcome.Reason);
        Assert.Null(outcome.Score);
    }

    [Fact]
    public void Observation_AnswerWhenNoneIsOpen_IsRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);
        Record(review, cycle, Ana, Observed());
        review.Answer(ProposerUser, "Listo.", Today, Now);

        var error = Assert.Throws<DomainException>(() => review.Answer(ProposerUser, "Otra vez.", Today, Now));

        Assert.Equal(Messages.NoOpenObservation.Format(), error.Message);
    }

    [Fact]
    public void Observation_TwoEvaluatorsObserving_AreBothAnsweredAtOnce_AndRecordingAgainRephrases()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana, Beto);
        Record(review, cycle, Ana, Observed("¿Quién opera el local?"));
        Record(review, cycle, Ana, Observed("¿Quién opera y mantiene el local?"));
        Record(review, cycle, Beto, Observed("Falta el presupuesto desagregado."));

        review.Answer(ProposerUser, "La municipalidad; presupuesto adjunto.", Today, Now);

        Assert.Equal(["¿Quién opera y mantiene el local?", "Falta el presupuesto desagregado."], review.Observations.Select(o => o.Question));
        Assert.All(review.Observations, o => Assert.True(o.IsAnswered));
    }

    [Fact]
    public void Disagreement_FlaggedUntilTheConsolidationMeetingSettlesIt()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana, Beto);
        Record(review, cycle, Ana, Viable(3, 2, 2, 2, 2));
        Record(review, cycle, Beto, Viable(1, 2, 2, 2, 2));
        var flagged = review.Outcome(cycle, null, Estimate, Today);

        review.RecordConsolidation(cycle, Manager, Viability.Viable, Money.FromSoles(190_000m), "Se acordó el costo y el puntaje.", Today, Now.AddDays(1));
        var settled = review.Outcome(cycle, null, Estimate, Today);

        Assert.Equal(ReviewStatus.Disagreement, flagged.Status);
        Assert.False(flagged.IsEvaluated);
        Assert.Equal(ReviewStatus.Evaluated, settled.Status);
        Assert.True(settled.SettledByConsolidation);
        Assert.Equal(Viability.Viable, settled.Verdict);
        Assert.Equal(Money.FromSoles(190_000m), settled.FinalCost);
        Assert.Equal("Se acordó el costo y el puntaje.", settled.Reason);
        Assert.True(settled.Consolidated.Disagreement);
        Assert.Equal("Rosa Quispe", review.ConsolidatedBy);
    }

    [Fact]
    public void Disagreement_OnTheVerdict_IsSettledByTheMeetingsVerdict()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana, Beto);
        Record(review, cycle, Ana, Viable(2, 2, 2, 2, 2));
        Record(review, cycle, Beto, NotViable());

        review.RecordConsolidation(cycle, Manager, Viability.NotViable, null, "Duplica un proyecto en ejecución.", Today, Now);

        var outcome = review.Outcome(cycle, null, Estimate, Today);
        Assert.Equal(Viability.NotViable, outcome.Verdict);
        Assert.Null(outcome.Score);
    }

    [Fact]
    public void Disagreement_ASheetRecordedAfterTheMeeting_ReopensIt()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana, Beto);
        Record(review, cycle, Ana, Viable(3, 2, 2, 2, 2));
        Record(review, cycle, Beto, Viable(1, 2, 2, 2, 2));
        review.RecordConsolidation(cycle, Manager, Viability.Viable, null, "Acta 1.", Today, Now);

        Record(review, cycle, Beto, Viable(0, 2, 2, 2, 2), now: Now.AddDays(1));

        Assert.False(review.HasCurrentConsolidation);
        Assert.Equal(ReviewStatus.Disagreement, review.Outcome(cycle, null, Estimate, Today).Status);
    }

    [Fact]
    public void Consolidation_BeforeEveryAssignedSheet_IsRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana, Beto);
        Record(review, cycle, Ana, Viable(3, 2, 2, 2, 2));

        var error = Assert.Throws<DomainException>(() => review.RecordConsolidation(cycle, Manager, Viability.Viable, null, "Acta.", Today, Now));

        Assert.Equal(Messages.ConsolidationNeedsAllSheets.Format(), error.Message);
    }

    [Fact]
    public void Consolidation_ViableWithoutAnyEvaluatorsScores_IsRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana, Beto);
        Record(review, cycle, Ana, NotViable());
        Record(review, cycle, Beto, NotViable("Otro motivo."));

        var error = Assert.Throws<DomainException>(() => review.RecordConsolidation(cycle, Manager, Viability.Viable, null, "Acta.", Today, Now));

        Assert.Equal(Messages.ConsolidationViableNeedsScores.Format(), error.Message);
    }

    [Fact]
    public void Consolidation_WithoutMinutesOrAsObserved_IsRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);
        Record(review, cycle, Ana, NotViable());

        var noMinutes = Assert.Throws<DomainException>(() => review.RecordConsolidation(cycle, Manager, Viability.NotViable, null, " ", Today, Now));
        var observed = Assert.Throws<DomainException>(() => review.RecordConsolidation(cycle, Manager, Viability.Observed, null, "Acta.", Today, Now));

        Assert.Equal(Messages.ConsolidationMinutesRequired.Format(), noMinutes.Message);
        Assert.Equal(Messages.ConsolidationVerdictObserved.Format(), observed.Message);
    }

    [Fact]
    public void Consolidation_ByAnEvaluatorWhoIsNotAManager_IsRefused()
    {
        var cycle = Cycle();
        var review = Review(cycle, 11, Ana);
        Record(review, cycle, Ana, NotViable());

        var error = Assert.Throws<DomainException>(() => review.RecordConsolidation(cycle, TestCycles.NoJurisdiction, Viability.NotViable, null, "Acta.", Today, Now));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
        Assert.Null(review.ConsolidatedVerdict);
    }
}
