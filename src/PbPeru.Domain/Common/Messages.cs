using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Common;

/// <summary>Every message the domain shows a person, in Spanish and English.</summary>
public static partial class Messages
{
    // Money
    public static readonly Text MoneyTooPrecise = new("El monto {0} tiene más de dos decimales.", "The amount {0} has more than two decimals.");
    public static readonly Text MoneyOutOfRange = new("El monto {0} está fuera del rango permitido.", "The amount {0} is out of range.");

    // Phases
    public static readonly Text PhaseDraft = new("En configuración", "Being configured");
    public static readonly Text PhasePreparation = new("Preparación", "Preparation");
    public static readonly Text PhaseConcertation = new("Concertación", "Concertation");
    public static readonly Text PhaseCoordination = new("Coordinación", "Coordination");
    public static readonly Text PhaseFormalization = new("Formalización", "Formalization");
    public static readonly Text PhasePublished = new("Resultados publicados", "Results published");
    public static readonly Text PhaseClosed = new("Cerrado", "Closed");

    public static readonly Text PhaseOnlyForward = new(
        "No se puede pasar de {0} a {1}: las fases solo avanzan.",
        "Cannot move from {0} to {1}: phases only move forward.");
    public static readonly Text PhaseOneAtATime = new(
        "No se puede pasar de {0} a {1}: las fases avanzan de una en una; la siguiente es {2}.",
        "Cannot move from {0} to {1}: phases move one at a time; the next one is {2}.");
    public static readonly Text CycleClosed = new("El ciclo está cerrado y ya no admite cambios.", "The cycle is closed and accepts no more changes.");
    public static readonly Text NotManagerOfJurisdiction = new(
        "Solo un responsable del ciclo de esta jurisdicción puede hacer este cambio.",
        "Only a cycle manager of this jurisdiction can make this change.");
    public static readonly Text RulesFrozen = new(
        "Ya no se permiten cambios en {0}: la fase de {1} ya empezó.",
        "No more changes to {0}: the {1} phase has started.");
    public static readonly Text CeilingBelowMaximumCost = new(
        "El techo presupuestal no puede ser menor que el costo máximo de una propuesta ({0}); ajuste primero ese costo máximo.",
        "The budget ceiling cannot be below the maximum cost of a proposal ({0}); lower that maximum first.");

    // Gates
    public static readonly Text GateConfigurationComplete = new("Configuración completa", "Configuration complete");
    public static readonly Text GateAccreditationComplete = new("Acreditación concluida", "Accreditation complete");
    public static readonly Text GateEvaluationComplete = new("Evaluación técnica concluida", "Technical evaluation complete");
    public static readonly Text GateCoordinationComplete = new("Coordinación concluida", "Coordination complete");
    public static readonly Text GateFormalizationComplete = new("Formalización concluida", "Formalization complete");
    public static readonly Text GateAlways = new("Sin requisitos adicionales", "No further requirements");

    public static readonly Text FinalListNotPublished = new(
        "Falta publicar la lista final de agentes participantes acreditados.",
        "The final list of accredited participatory agents has not been published.");
    public static readonly Text TooFewAgents = new(
        "Hay {0} agentes acreditados; el ciclo exige al menos {1}.",
        "There are {0} accredited agents; the cycle requires at least {1}.");
    public static readonly Text HardQuotaNotMet = new(
        "Las mujeres son el {0} % de los agentes titulares; la cuota obligatoria exige al menos el {1} %.",
        "Women are {0} % of titular agents; the mandatory quota requires at least {1} %.");
    public static readonly Text SoftQuotaNotJustified = new(
        "Las mujeres son el {0} % de los agentes titulares, por debajo de la cuota del {1} %: registre la justificación.",
        "Women are {0} % of titular agents, below the {1} % quota: record the justification.");
    public static readonly Text ProposalNotEvaluatedOne = new(
        "Queda 1 propuesta sin evaluación técnica.",
        "1 proposal still awaits technical evaluation.");
    public static readonly Text ProposalsNotEvaluated = new(
        "Quedan {0} propuestas sin evaluación técnica.",
        "{0} proposals still await technical evaluation.");
    public static readonly Text RecommendationNotPublished = new(
        "El equipo técnico aún no ha publicado su recomendación priorizada.",
        "The technical team has not published its ranked recommendation.");
    public static readonly Text MinutesNotRecorded = new(
        "Falta registrar el acta de coordinación.",
        "The coordination minutes have not been recorded.");
    public static readonly Text OverlapUnresolvedOne = new(
        "Queda 1 superposición de proyectos sin resolver.",
        "1 project overlap is still unresolved.");
    public static readonly Text OverlapsUnresolved = new(
        "Quedan {0} superposiciones de proyectos sin resolver.",
        "{0} project overlaps are still unresolved.");
    public static readonly Text ResultNotComputed = new("Falta calcular el resultado de la votación final.", "The final vote's result has not been computed.");
    public static readonly Text CommitteeNotElected = new("Falta elegir el comité de vigilancia.", "The oversight committee has not been elected.");
    public static readonly Text ActaNotIssued = new("Falta emitir el Acta de Acuerdos y Compromisos.", "The Acta de Acuerdos y Compromisos has not been issued.");
    public static readonly Text ApprovalsNotRecorded = new(
        "Falta registrar la aprobación del consejo de coordinación y del concejo.",
        "The approvals of the coordination council and of the council have not been recorded.");

    // Configuration
    public static readonly Text NameInvalid = new("El nombre es obligatorio y tiene como máximo {0} caracteres.", "The name is required and has at most {0} characters.");
    public static readonly Text FiscalYearOutOfRange = new("El año fiscal debe estar entre {0} y {1}.", "The fiscal year must be between {0} and {1}.");
    public static readonly Text CeilingNotPositive = new("El techo presupuestal debe ser mayor que cero.", "The budget ceiling must be greater than zero.");
    public static readonly Text NoThemes = new("Registre al menos un eje temático del Plan de Desarrollo Concertado.", "Add at least one development-plan theme.");
    public static readonly Text DuplicateTheme = new("El eje «{0}» está repetido.", "The theme “{0}” appears twice.");
    public static readonly Text NoCriteria = new("Registre al menos un criterio de priorización.", "Add at least one prioritization criterion.");
    public static readonly Text WeightsNotHundred = new(
        "Los pesos de los criterios suman {0} %; deben sumar 100 %.",
        "The criteria weights add up to {0} %; they must add up to 100 %.");
    public static readonly Text WeightOutOfRange = new("El peso del criterio «{0}» debe estar entre 1 % y 100 %.", "The weight of “{0}” must be between 1 % and 100 %.");
    public static readonly Text ScaleTooShort = new("La escala del criterio «{0}» necesita al menos dos niveles.", "The scale of “{0}” needs at least two levels.");
    public static readonly Text ScaleScoresRepeated = new("La escala del criterio «{0}» repite un puntaje.", "The scale of “{0}” repeats a score.");
    public static readonly Text DuplicateCriterion = new("El criterio «{0}» está repetido.", "The criterion “{0}” appears twice.");
    public static readonly Text PhaseNotDated = new("Falta fijar las fechas de la fase de {0}.", "The dates of the {0} phase are missing.");
    public static readonly Text StepTwice = new("La etapa «{0}» aparece dos veces en el calendario.", "The step “{0}” appears twice in the calendar.");
    public static readonly Text StepEndsBeforeStart = new("La etapa «{0}» termina antes de empezar.", "The step “{0}” ends before it starts.");
    public static readonly Text PhasesOverlap = new(
        "La fase de {0} debe empezar después de que termine la de {1}.",
        "The {0} phase must start after the {1} phase ends.");
    public static readonly Text StepOutsidePhase = new(
        "La etapa «{0}» debe caer dentro de las fechas de la fase de {1}.",
        "The step “{0}” must fall within the dates of the {1} phase.");
    public static readonly Text PastPhaseDatesFrozen = new(
        "Las fechas de la fase de {0} ya no se pueden cambiar: esa fase terminó.",
        "The dates of the {0} phase can no longer change: that phase is over.");
    public static readonly Text TitularsOutOfRange = new("Los titulares por organización deben estar entre {0} y {1}.", "Titulars per organization must be between {0} and {1}.");
    public static readonly Text SuplentesOutOfRange = new("Los suplentes por organización deben estar entre {0} y {1}.", "Alternates per organization must be between {0} and {1}.");
    public static readonly Text MinimumAgentsTooLow = new("El mínimo de agentes acreditados debe ser al menos 1.", "The minimum of accredited agents must be at least 1.");
    public static readonly Text QuotaOutOfRange = new("La cuota de mujeres debe estar entre 1 % y 100 %.", "The women's quota must be between 1 % and 100 %.");
    public static readonly Text MinimumCostNegative = new("El costo mínimo no puede ser negativo.", "The minimum cost cannot be negative.");
    public static readonly Text MaximumCostNotAboveMinimum = new("El costo máximo debe ser mayor que el mínimo.", "The maximum cost must be greater than the minimum.");
    public static readonly Text MaximumCostAboveCeiling = new("El costo máximo no puede superar el techo presupuestal ({0}).", "The maximum cost cannot exceed the budget ceiling ({0}).");
    public static readonly Text ApprovalNeedsK = new("Indique cuántos proyectos puede marcar cada agente (al menos 1).", "Say how many projects each agent may approve (at least 1).");
    public static readonly Text CumulativeNeedsPoints = new("Indique cuántos puntos reparte cada agente (al menos 1).", "Say how many points each agent spreads (at least 1).");
    public static readonly Text CumulativeCapInvalid = new(
        "El tope de puntos por proyecto debe estar entre 1 y el total de puntos.",
        "The cap of points per project must be between 1 and the total points.");
    public static readonly Text RankingNeedsK = new("Indique cuántos proyectos ordena cada agente (al menos 1).", "Say how many projects each agent ranks (at least 1).");
    public static readonly Text ThresholdNeeded = new("La regla con umbral necesita un umbral de apoyo de al menos 1.", "The threshold rule needs a support threshold of at least 1.");

    // Registration and accreditation
    public static readonly Text NotInPreparation = new("Esto solo es posible durante la fase de preparación.", "This is only possible during the preparation phase.");
    public static readonly Text RegistrationNotScheduled = new(
        "El ciclo aún no tiene fechas de inscripción.", "The cycle has no registration dates yet.");
    public static readonly Text RegistrationClosed = new(
        "La inscripción está cerrada: las fechas de inscripción son del {0} al {1}.",
        "Registration is closed: the registration dates are {0} to {1}.");
    public static readonly Text OrganizationNotEditable = new(
        "La inscripción ya fue enviada y no se puede modificar mientras está en revisión o ya fue resuelta.",
        "The registration was sent and cannot change while under review or once decided.");
    public static readonly Text RucInvalid = new(
        "El RUC no es válido: debe tener 11 dígitos y un dígito verificador correcto.",
        "The RUC is not valid: it must have 11 digits and a correct check digit.");
    public static readonly Text DistrictUbigeoInvalid = new("Elija el distrito de la organización.", "Choose the organization's district.");
    public static readonly Text DniInvalid = new("El DNI debe tener exactamente 8 dígitos.", "The DNI must have exactly 8 digits.");
    public static readonly Text DniAlreadyRegistered = new(
        "El DNI {0} ya está inscrito en este ciclo.", "The DNI {0} is already registered in this cycle.");
    public static readonly Text AgentNamesRequired = new("Escriba los nombres y apellidos del agente.", "Write the agent's given names and surnames.");
    public static readonly Text AgentContactRequired = new("Indique un teléfono o un correo del agente.", "Give a phone or an email for the agent.");
    public static readonly Text AgentTooYoung = new("El agente debe tener al menos {0} años.", "The agent must be at least {0} years old.");
    public static readonly Text TooManyTitulars = new(
        "La organización ya tiene {0} titular(es), el máximo del ciclo.", "The organization already has {0} titular(s), the cycle's maximum.");
    public static readonly Text TooManySuplentes = new(
        "La organización ya tiene {0} suplente(s), el máximo del ciclo.", "The organization already has {0} alternate(s), the cycle's maximum.");
    public static readonly Text AgentNotFound = new("Ese agente no pertenece a la organización.", "That agent does not belong to the organization.");
    public static readonly Text TooManyDocuments = new("Se admiten como máximo {0} documentos por organización.", "At most {0} documents per organization.");
    public static readonly Text DocumentNotFound = new("Ese documento no pertenece a la organización.", "That document does not belong to the organization.");
    public static readonly Text NeedsTitular = new("Inscriba al menos un agente titular antes de enviar.", "Register at least one titular agent before sending.");
    public static readonly Text NeedsDocument = new("Adjunte al menos un documento de sustento antes de enviar.", "Attach at least one supporting document before sending.");
    public static readonly Text NotAwaitingReview = new("Esta inscripción no está pendiente de revisión.", "This registration is not awaiting review.");
    public static readonly Text ObservationNeedsText = new("Indique qué debe corregir la organización.", "Say what the organization must fix.");
    public static readonly Text RejectionNeedsReason = new("Indique el motivo del rechazo.", "Give the reason for the rejection.");
    public static readonly Text NoteTooLong = new("El texto admite como máximo {0} caracteres.", "The text has at most {0} characters.");
    public static readonly Text AgentNotAccredited = new("El agente no está acreditado.", "The agent is not accredited.");
    public static readonly Text AgentAlreadyHasAccount = new("El agente ya tiene una cuenta.", "The agent already has an account.");
    public static readonly Text WrongCycle = new("El registro no pertenece a este ciclo.", "The record does not belong to this cycle.");
    public static readonly Text PreliminaryAlreadyPublished = new("La lista preliminar ya fue publicada.", "The preliminary list was already published.");
    public static readonly Text ReviewsPending = new(
        "Quedan {0} inscripciones por revisar: resuélvalas antes de publicar la lista preliminar.",
        "{0} registrations still await review: decide them before publishing the preliminary list.");
    public static readonly Text PreliminaryNotPublished = new("Primero publique la lista preliminar.", "Publish the preliminary list first.");
    public static readonly Text FinalAlreadyPublished = new("La lista final ya fue publicada.", "The final list was already published.");
    public static readonly Text ReviewPendingOne = new(
        "Queda 1 inscripción por revisar: resuélvala antes de publicar la lista preliminar.",
        "1 registration still awaits review: decide it before publishing the preliminary list.");
    public static readonly Text ChallengePendingOne = new("Queda 1 impugnación sin resolver.", "1 challenge is still unresolved.");
    public static readonly Text ChallengesPending = new(
        "Quedan {0} impugnaciones sin resolver.", "{0} challenges are still unresolved.");
    public static readonly Text HardQuotaShort = new(
        "No se puede publicar la lista final: las mujeres son el {0} % de los titulares ({1} de {2}) y la cuota obligatoria exige el {3} %. Mujeres titulares que faltan: {4}.",
        "The final list cannot be published: women are {0} % of titulars ({1} of {2}) and the mandatory quota requires {3} %. Women titulars missing: {4}.");
    public static readonly Text SoftQuotaNeedsJustification = new(
        "Las mujeres son el {0} % de los titulares, por debajo de la cuota referencial del {1} %: registre la justificación para publicar la lista final.",
        "Women are {0} % of titulars, below the advisory quota of {1} %: record the justification to publish the final list.");
    public static readonly Text ChallengesNotOpen = new(
        "Las impugnaciones solo se presentan contra la lista preliminar publicada, antes de la lista final.",
        "Challenges are only filed against the published preliminary list, before the final list.");
    public static readonly Text ChallengeWindowClosed = new(
        "El plazo de impugnaciones es del {0} al {1}.", "The challenge period is {0} to {1}.");
    public static readonly Text ChallengeWindowStillOpen = new(
        "La lista final se publica cuando termina el plazo de impugnaciones, el {0}: hasta ese día cualquier persona puede impugnar.",
        "The final list is published once the challenge period ends on {0}: until that day anyone may file a challenge.");
    public static readonly Text ChallengeTargetNotListed = new(
        "Esa persona no figura en la lista de agentes acreditados.", "That person is not on the list of accredited agents.");
    public static readonly Text ChallengeNeedsGrounds = new("Explique el fundamento de la impugnación.", "Explain the grounds of the challenge.");
    public static readonly Text ChallengeAlreadyRuled = new("Esta impugnación ya fue resuelta.", "This challenge was already ruled on.");
    public static readonly Text RulingNeedsReasons = new("Explique los motivos de la resolución.", "Explain the reasons for the ruling.");
    public static readonly Text MeetingNotNow = new(
        "No se pueden programar reuniones en un ciclo en configuración o cerrado.", "Meetings cannot be scheduled in a cycle being configured or closed.");
    public static readonly Text MeetingDetailsInvalid = new(
        "El título (hasta {0} caracteres) y el lugar (hasta {1}) son obligatorios.", "The title (up to {0} characters) and the place (up to {1}) are required.");
    public static readonly Text AttendeeNotAccredited = new(
        "Solo se registra la asistencia de agentes acreditados del ciclo.", "Only accredited agents of the cycle have their attendance recorded.");
    public static readonly Text InvitationUsed = new("Este enlace de invitación ya fue usado.", "This invitation link was already used.");
    public static readonly Text InvitationExpired = new(
        "Este enlace de invitación venció. Pida uno nuevo al equipo de conducción.", "This invitation link has expired. Ask the cycle's staff for a new one.");

    // Names of rule sets and calendar steps
    public static readonly Text RuleAccreditation = new("las reglas de acreditación", "the accreditation rules");
    public static readonly Text RuleCeiling = new("el techo presupuestal", "the budget ceiling");
    public static readonly Text RuleThemes = new("los ejes temáticos", "the themes");
    public static readonly Text RuleCriteria = new("la matriz de criterios", "the criteria matrix");
    public static readonly Text RuleProposals = new("las reglas de propuestas", "the proposal rules");
    public static readonly Text RuleVoting = new("las reglas de votación", "the voting rules");
}

public static class RuleSetNames
{
    public static string Of(RuleSet rules) => (rules switch
    {
        RuleSet.Accreditation => Messages.RuleAccreditation,
        RuleSet.Ceiling => Messages.RuleCeiling,
        RuleSet.Themes => Messages.RuleThemes,
        RuleSet.Criteria => Messages.RuleCriteria,
        RuleSet.ProposalRules => Messages.RuleProposals,
        RuleSet.ImpactRules => Messages.RuleImpact,
        _ => Messages.RuleVoting,
    }).Format();
}

public static class StepNames
{
    private static readonly Dictionary<CalendarStep, Text> Names = new()
    {
        [CalendarStep.PreparationPhase] = new("Fase de preparación", "Preparation phase"),
        [CalendarStep.CallPublication] = new("Convocatoria", "Public call"),
        [CalendarStep.Registration] = new("Inscripción de organizaciones y agentes", "Registration of organizations and agents"),
        [CalendarStep.PreliminaryList] = new("Publicación de la lista preliminar", "Preliminary list published"),
        [CalendarStep.Challenges] = new("Impugnaciones", "Challenges"),
        [CalendarStep.FinalList] = new("Publicación de la lista final", "Final list published"),
        [CalendarStep.Training] = new("Capacitación de agentes", "Agent training"),
        [CalendarStep.ConcertationPhase] = new("Fase de concertación", "Concertation phase"),
        [CalendarStep.InformationWorkshop] = new("Taller informativo", "Information workshop"),
        [CalendarStep.ThemePrioritization] = new("Priorización de ejes", "Theme prioritization"),
        [CalendarStep.ProposalSubmission] = new("Presentación de propuestas", "Proposal submission"),
        [CalendarStep.TechnicalEvaluation] = new("Evaluación técnica", "Technical evaluation"),
        [CalendarStep.CoordinationPhase] = new("Fase de coordinación", "Coordination phase"),
        [CalendarStep.CoordinationMeetings] = new("Reuniones de coordinación", "Coordination meetings"),
        [CalendarStep.FormalizationPhase] = new("Fase de formalización", "Formalization phase"),
        [CalendarStep.FinalWorkshop] = new("Taller de priorización y votación final", "Final workshop and vote"),
        [CalendarStep.CouncilApproval] = new("Aprobación por el consejo y el concejo", "Council approval"),
    };

    public static string Of(CalendarStep step) => Names[step].Format();
}
