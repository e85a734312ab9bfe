namespace PbPeru.Domain.Common;

public static partial class Messages
{
    // The approval chain: coordination council, council, MEF
    public static readonly Text ApprovalOnlyInFormalization = new(
        "Las aprobaciones del consejo de coordinación y del consejo se registran en la fase de Formalización.",
        "The coordination council's and the council's approvals are recorded in the Formalization phase.");
    public static readonly Text ApprovalNeedsActa = new(
        "Primero emita el Acta de Acuerdos y Compromisos: los consejos deciden sobre la lista que el acta recoge.",
        "Issue the Acta de Acuerdos y Compromisos first: the councils decide on the list the acta records.");
    public static readonly Text ApprovalNeedsCoordinationCouncil = new(
        "El consejo decide después de que el consejo de coordinación apruebe la lista.",
        "The council decides after the coordination council approves the list.");
    public static readonly Text ApprovalAlreadyApproved = new(
        "Este órgano ya aprobó la lista: su decisión queda registrada y no se repite.",
        "This body has already approved the list: its decision stays on record and is not repeated.");
    public static readonly Text ApprovalBodyInvalid = new(
        "Elija qué órgano decide: el consejo de coordinación o el consejo.",
        "Choose which body decides: the coordination council or the council.");
    public static readonly Text ApprovalOutcomeInvalid = new(
        "Elija la decisión: aprobada, observada o rechazada.", "Choose the decision: approved, observed or rejected.");
    public static readonly Text ApprovalDateInFuture = new(
        "La fecha de la decisión no puede ser posterior a hoy.", "The decision's date cannot be after today.");
    public static readonly Text ApprovalDateBeforePrevious = new(
        "La fecha no puede ser anterior a la decisión que la precede ({0}).",
        "The date cannot be before the decision it follows ({0}).");
    public static readonly Text ApprovalNumberRequired = new(
        "Indique el número del acuerdo o de la resolución (hasta {0} caracteres).",
        "Give the agreement or resolution number (up to {0} characters).");
    public static readonly Text ApprovalObservationsRequired = new(
        "Una lista observada necesita sus observaciones (hasta {0} caracteres).",
        "An observed list needs its observations (up to {0} characters).");
    public static readonly Text ApprovalReasonRequired = new(
        "Un rechazo necesita su motivo (hasta {0} caracteres).", "A rejection needs its reason (up to {0} characters).");
    public static readonly Text ApprovalNoteTooLong = new(
        "El texto de la decisión admite hasta {0} caracteres.", "The decision's text allows up to {0} characters.");
    public static readonly Text ApprovalNotOfCycle = new(
        "Estas aprobaciones no pertenecen a este ciclo.", "These approvals do not belong to this cycle.");

    // MEF submission
    public static readonly Text MefNeedsCouncilApproval = new(
        "La lista se remite al MEF después de que el consejo la apruebe.",
        "The list is sent to the MEF after the council approves it.");
    public static readonly Text MefAlreadySubmitted = new(
        "La remisión al MEF ya está registrada.", "The submission to the MEF is already recorded.");
    public static readonly Text MefReferenceRequired = new(
        "Indique la referencia de la remisión al MEF: oficio o número de registro (hasta {0} caracteres).",
        "Give the reference of the submission to the MEF: letter or registry number (up to {0} characters).");
    public static readonly Text MefDateInFuture = new(
        "La fecha de remisión no puede ser posterior a hoy.", "The submission date cannot be after today.");
    public static readonly Text MefDateBeforeApproval = new(
        "La remisión no puede ser anterior a la aprobación del consejo ({0}).",
        "The submission cannot be before the council's approval ({0}).");
    public static readonly Text MefOnlyInFormalizationOrPublished = new(
        "La remisión al MEF se registra en las fases de Formalización o Publicado.",
        "The submission to the MEF is recorded in the Formalization or Published phases.");
}
