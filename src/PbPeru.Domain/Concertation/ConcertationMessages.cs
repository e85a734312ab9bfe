namespace PbPeru.Domain.Common;

/// <summary>The messages of the Concertation phase: proposal rules, the information workshop, theme prioritization and proposals.</summary>
public static partial class Messages
{
    // Proposal rules
    public static readonly Text MinimumBeneficiariesNegative = new(
        "El mínimo de población beneficiaria no puede ser negativo.",
        "The minimum population benefited cannot be negative.");
    public static readonly Text ThemeVotingUnknown = new("Elija cómo se priorizan los ejes: por orden o por puntos.", "Choose how themes are prioritized: by ranking or by points.");
    public static readonly Text ThemePointsOutOfRange = new(
        "Los puntos que reparte cada agente entre los ejes deben estar entre {0} y {1}.",
        "The points each agent spreads over the themes must be between {0} and {1}.");
    public static readonly Text ThemePriorityUseUnknown = new(
        "Elija cómo usa la evaluación la priorización de ejes: no la usa, como criterio o como peso.",
        "Choose how the evaluation uses the theme prioritization: not at all, as a criterion or as a weight.");
    public static readonly Text ThemeBonusOutOfRange = new(
        "La bonificación por prioridad del eje debe estar entre {0} % y {1} %.",
        "The theme priority bonus must be between {0} % and {1} %.");
    public static readonly Text DisagreementLevelsTooLow = new(
        "La diferencia entre evaluadores que se señala debe ser de al menos 1 nivel de la escala.",
        "The evaluators' spread that is flagged must be at least 1 scale level.");
    public static readonly Text ObservationAnswerDaysOutOfRange = new(
        "El plazo para absolver una observación debe estar entre {0} y {1} días.",
        "The deadline to answer an observation must be between {0} and {1} days.");

    // Concertation windows
    public static readonly Text NotInConcertation = new("Esto solo es posible durante la fase de concertación.", "This is only possible during the concertation phase.");
    public static readonly Text ProposalSubmissionClosed = new(
        "La presentación de propuestas está cerrada: las fechas son del {0} al {1}.",
        "Proposal submission is closed: the dates are {0} to {1}.");
    public static readonly Text ThemePrioritizationClosed = new(
        "La priorización de ejes está cerrada: las fechas son del {0} al {1}.",
        "Theme prioritization is closed: the dates are {0} to {1}.");

    // Proposals
    public static readonly Text ProposerOrganizationNotAccepted = new(
        "Solo una organización acreditada en el ciclo puede presentar propuestas.",
        "Only an organization accredited in the cycle can submit proposals.");
    public static readonly Text ProposerNotOfOrganization = new(
        "Solo el representante de la organización o uno de sus agentes acreditados puede presentar sus propuestas.",
        "Only the organization's representative or one of its accredited agents can submit its proposals.");
    public static readonly Text ProposalTitleInvalid = new("El título es obligatorio y tiene como máximo {0} caracteres.", "The title is required and has at most {0} characters.");
    public static readonly Text ProposalDescriptionInvalid = new(
        "La descripción es obligatoria y tiene como máximo {0} caracteres.",
        "The description is required and has at most {0} characters.");
    public static readonly Text ProposalThemeUnknown = new("Elija uno de los ejes temáticos del ciclo.", "Choose one of the cycle's themes.");
    public static readonly Text ProposalNoDistricts = new("Elija al menos un distrito donde se ejecuta el proyecto.", "Choose at least one district where the project takes place.");
    public static readonly Text ProposalTooManyDistricts = new("Se admiten como máximo {0} distritos por propuesta.", "At most {0} districts per proposal.");
    public static readonly Text ProposalDistrictOutsideJurisdiction = new(
        "El distrito {0} no pertenece al ámbito del ciclo.",
        "The district {0} is outside the cycle's jurisdiction.");
    public static readonly Text ProposalDistrictUnknown = new("El distrito {0} no figura en la lista de ubigeos.", "The district {0} is not in the ubigeo list.");
    public static readonly Text ProposalCostNotPositive = new("El costo estimado debe ser mayor que cero.", "The estimated cost must be greater than zero.");
    public static readonly Text ProposalCostBelowMinimum = new(
        "El costo estimado está por debajo del mínimo del ciclo ({0}).",
        "The estimated cost is below the cycle's minimum ({0}).");
    public static readonly Text ProposalCostAboveMaximum = new(
        "El costo estimado supera el máximo del ciclo ({0}).",
        "The estimated cost exceeds the cycle's maximum ({0}).");
    public static readonly Text BeneficiariesNotPositive = new("La población beneficiaria debe ser mayor que cero.", "The population benefited must be greater than zero.");
    public static readonly Text BeneficiariesBelowMinimum = new(
        "La población beneficiaria está por debajo del mínimo del ciclo ({0} personas).",
        "The population benefited is below the cycle's minimum ({0} people).");
    public static readonly Text BeneficiariesAbovePopulation = new(
        "La población beneficiaria ({0}) supera la población de los distritos elegidos ({1}).",
        "The population benefited ({0}) exceeds the population of the chosen districts ({1}).");
    public static readonly Text CuiInvalid = new(
        "El código único de inversión (CUI) debe tener exactamente {0} dígitos.",
        "The investment code (CUI) must have exactly {0} digits.");
    public static readonly Text TooManyCofinancingLines = new("Se admiten como máximo {0} líneas de cofinanciamiento.", "At most {0} co-financing lines.");
    public static readonly Text CofinancingEntityInvalid = new(
        "Cada cofinanciador necesita un nombre de como máximo {0} caracteres.",
        "Each co-financer needs a name of at most {0} characters.");
    public static readonly Text CofinancingAmountNotPositive = new("El aporte de «{0}» debe ser mayor que cero.", "The contribution of “{0}” must be greater than zero.");
    public static readonly Text CofinancingNotBelowCost = new(
        "El cofinanciamiento ({0}) debe ser menor que el costo estimado ({1}).",
        "The co-financing ({0}) must be less than the estimated cost ({1}).");
    public static readonly Text TooManyYears = new("La programación multianual admite como máximo {0} años.", "The multi-year split has at most {0} years.");
    public static readonly Text YearOutOfRange = new(
        "El año {0} de la programación multianual debe estar entre {1} y {2}.",
        "The year {0} of the multi-year split must be between {1} and {2}.");
    public static readonly Text YearRepeated = new("El año {0} aparece dos veces en la programación multianual.", "The year {0} appears twice in the multi-year split.");
    public static readonly Text YearAmountNotPositive = new("El monto del año {0} debe ser mayor que cero.", "The amount for {0} must be greater than zero.");
    public static readonly Text YearsNotSummingToCost = new(
        "Los montos por año suman {0}; deben sumar el costo estimado ({1}).",
        "The yearly amounts add up to {0}; they must add up to the estimated cost ({1}).");
    public static readonly Text TooManyProposalDocuments = new("Se admiten como máximo {0} archivos por propuesta.", "At most {0} files per proposal.");
    public static readonly Text ProposalDocumentNotFound = new("Ese archivo no pertenece a la propuesta.", "That file does not belong to the proposal.");
    public static readonly Text ProposalAlreadySubmitted = new("La propuesta ya fue presentada.", "The proposal has already been submitted.");
    public static readonly Text ProposalWithdrawn = new("La propuesta fue retirada y ya no admite cambios.", "The proposal was withdrawn and accepts no more changes.");
    public static readonly Text ProposalNotSubmitted = new(
        "Solo una propuesta presentada puede corregirse para absolver una observación.",
        "Only a submitted proposal can be corrected to answer an observation.");

    // Information workshop
    public static readonly Text BriefingBodyTooLong = new("El texto admite como máximo {0} caracteres.", "The text has at most {0} characters.");
    public static readonly Text BriefingBodyRequired = new(
        "Escriba el texto del taller de información antes de publicarlo.",
        "Write the information workshop's text before publishing it.");
    public static readonly Text BriefingAlreadyPublished = new("El taller de información ya fue publicado.", "The information workshop has already been published.");
    public static readonly Text TooManyAgreements = new("Se admiten como máximo {0} acuerdos anteriores.", "At most {0} previous agreements.");
    public static readonly Text AgreementDescriptionInvalid = new(
        "Cada acuerdo anterior necesita una descripción de como máximo {0} caracteres.",
        "Each previous agreement needs a description of at most {0} characters.");
    public static readonly Text AgreementStateUnknown = new("Indique el estado del acuerdo «{0}».", "Give the state of the agreement “{0}”.");
    public static readonly Text AgreementNoteTooLong = new("La nota de un acuerdo admite como máximo {0} caracteres.", "An agreement's note has at most {0} characters.");
    public static readonly Text TooManyBriefingDocuments = new("Se admiten como máximo {0} archivos en el taller de información.", "At most {0} files in the information workshop.");
    public static readonly Text BriefingDocumentNotFound = new("Ese archivo no pertenece al taller de información.", "That file does not belong to the information workshop.");

    // Theme prioritization
    public static readonly Text ThemeVoteAgentNotAccredited = new(
        "Solo los agentes participantes acreditados priorizan los ejes.",
        "Only accredited participatory agents prioritize the themes.");
    public static readonly Text ThemeVoteNotOwn = new("Ese voto de priorización es de otro agente.", "That prioritization vote is another agent's.");
    public static readonly Text ThemeVoteMustRank = new(
        "En este ciclo los ejes se priorizan ordenándolos todos.",
        "In this cycle the themes are prioritized by ordering them all.");
    public static readonly Text ThemeVoteMustSpreadPoints = new(
        "En este ciclo los ejes se priorizan repartiendo {0} puntos.",
        "In this cycle the themes are prioritized by spreading {0} points.");
    public static readonly Text ThemeRankingIncomplete = new(
        "Ordene los {0} ejes del ciclo, cada uno una sola vez.",
        "Order the cycle's {0} themes, each exactly once.");
    public static readonly Text ThemePointsUnknownTheme = new("Solo se reparten puntos entre los ejes del ciclo.", "Points go only to the cycle's themes.");
    public static readonly Text ThemePointsNegative = new("Los puntos de un eje no pueden ser negativos.", "A theme's points cannot be negative.");
    public static readonly Text ThemePointsNotSumming = new(
        "Los puntos repartidos suman {0}; deben sumar exactamente {1}.",
        "The points given add up to {0}; they must add up to exactly {1}.");
}
