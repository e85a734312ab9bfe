namespace PbPeru.Domain.Common;

/// <summary>Messages of the technical evaluation, consolidation, recommendation and report.</summary>
public static partial class Messages
{
    // Assignments
    public static readonly Text NoEvaluators = new("Elija al menos un miembro del equipo técnico.", "Choose at least one technical team member.");
    public static readonly Text EvaluatorsPerProposalOutOfRange = new(
        "Los evaluadores por propuesta deben estar entre {0} y {1}.", "Evaluators per proposal must be between {0} and {1}.");
    public static readonly Text EvaluatorAlreadyAssigned = new("{0} ya evalúa esta propuesta.", "{0} already evaluates this proposal.");
    public static readonly Text EvaluatorNotAssigned = new("Esta propuesta no le está asignada.", "This proposal is not assigned to this evaluator.");
    public static readonly Text EvaluatorAlreadyRecorded = new(
        "{0} ya registró su ficha de evaluación: la asignación no se puede retirar.",
        "{0} has already recorded an evaluation sheet: the assignment cannot be withdrawn.");

    // Evaluation sheets
    public static readonly Text EvaluationNotInConcertation = new(
        "La evaluación técnica solo es posible durante la fase de concertación.", "The technical evaluation is only possible during the concertation phase.");
    public static readonly Text ViabilityReasonRequired = new("Explique el motivo de la viabilidad.", "Explain the reason for the viability verdict.");
    public static readonly Text EligibilityReasonRequired = new("Explique por qué la propuesta no es elegible.", "Explain why the proposal is not eligible.");
    public static readonly Text IneligibleCannotBeViable = new(
        "Una propuesta no elegible no puede ser viable: márquela como observada o no viable.",
        "An ineligible proposal cannot be viable: mark it observed or not viable.");
    public static readonly Text AdjustedCostNotPositive = new("El costo ajustado debe ser mayor que cero.", "The adjusted cost must be greater than zero.");
    public static readonly Text CostJustificationRequired = new(
        "Justifique el costo ajustado: difiere del costo estimado por el proponente.",
        "Justify the adjusted cost: it differs from the proposer's estimated cost.");
    public static readonly Text AdjustedCostOutsideBounds = new(
        "Con el costo ajustado la propuesta queda fuera del rango del ciclo ({0} a {1}): no puede ser viable.",
        "With the adjusted cost the proposal falls outside the cycle's range ({0} to {1}): it cannot be viable.");
    public static readonly Text AdjustedCostBelowMinimum = new(
        "Con el costo ajustado la propuesta queda por debajo del costo mínimo del ciclo ({0}): no puede ser viable.",
        "With the adjusted cost the proposal falls below the cycle's minimum cost ({0}): it cannot be viable.");
    public static readonly Text ScoresOnlyWhenViable = new(
        "Solo se puntúa una propuesta viable: quite los puntajes o márquela como viable.",
        "Only a viable proposal is scored: remove the scores or mark it viable.");
    public static readonly Text ScoreForUnknownCriterion = new(
        "Hay un puntaje para un criterio que no está en la matriz del ciclo.", "There is a score for a criterion that is not in the cycle's matrix.");
    public static readonly Text ScoreForThemePriorityCriterion = new(
        "El criterio «{0}» se calcula con la priorización de ejes: no se puntúa a mano.",
        "The criterion “{0}” is computed from the theme prioritization: it is not scored by hand.");
    public static readonly Text ScoresMissing = new("Falta el puntaje de: {0}.", "Missing score for: {0}.");
    public static readonly Text ScoreOutsideScale = new(
        "El puntaje {0} no está en la escala del criterio «{1}» ({2}).", "The score {0} is not on the scale of “{1}” ({2}).");

    // Observations
    public static readonly Text NoOpenObservation = new(
        "Esta propuesta no tiene observaciones pendientes de respuesta.", "This proposal has no observation awaiting an answer.");
    public static readonly Text ObservationDeadlinePassed = new(
        "El plazo para responder la observación venció el {0}.", "The deadline to answer the observation was {0}.");
    public static readonly Text AnswerRequired = new("Escriba la respuesta a la observación.", "Write the answer to the observation.");

    // Consolidation
    public static readonly Text ConsolidationVerdictObserved = new(
        "La reunión de consolidación decide si la propuesta es viable o no viable.", "The consolidation meeting decides whether the proposal is viable or not.");
    public static readonly Text ConsolidationNeedsAllSheets = new(
        "Todos los evaluadores asignados deben registrar su ficha antes de la consolidación.",
        "Every assigned evaluator must record a sheet before the consolidation.");
    public static readonly Text ConsolidationWhileObserved = new(
        "Hay una observación esperando la respuesta del proponente: consolide después.",
        "An observation awaits the proposer's answer: consolidate afterwards.");
    public static readonly Text ConsolidationViableNeedsScores = new(
        "Para declararla viable, al menos un evaluador debe haberla puntuado como viable.",
        "To declare it viable, at least one evaluator must have scored it as viable.");
    public static readonly Text ConsolidationMinutesRequired = new("Registre el acta de la reunión de consolidación.", "Record the minutes of the consolidation meeting.");

    // Recommendation and report
    public static readonly Text LeftOutNotViable = new("No viable: {0}", "Not viable: {0}");
    public static readonly Text LeftOutDoesNotFit = new(
        "No alcanza el techo: requiere {0} y quedan {1}.", "Does not fit the ceiling: needs {0}, {1} remaining.");
    public static readonly Text TechnicalReportAlreadyPublished = new(
        "El informe técnico ya fue publicado: la evaluación no admite cambios.",
        "The technical report has been published: the evaluation accepts no more changes.");
}
