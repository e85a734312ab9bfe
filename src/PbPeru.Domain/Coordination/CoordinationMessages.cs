using PbPeru.Domain.Coordination;

namespace PbPeru.Domain.Common;

/// <summary>The messages of the Coordination phase: impact rules, reach, meetings, agreements and minutes.</summary>
public static partial class Messages
{
    // Impact rules
    public static readonly Text RuleImpact = new("las reglas de alcance de los proyectos", "the project reach rules");
    public static readonly Text ImpactMinimumAmountNegative = new("El monto mínimo de un proyecto no puede ser negativo.", "The minimum amount of a project cannot be negative.");
    public static readonly Text ImpactReachPercentOutOfRange = new(
        "La población mínima alcanzada debe estar entre {0} % y {1} %.",
        "The minimum population reached must be between {0} % and {1} %.");

    // Reach
    public static readonly Text ReachBelowMinimumAmount = new(
        "El monto {0} está por debajo del mínimo de {1} para los proyectos de esta lista.",
        "The amount {0} is below the minimum of {1} for the projects on this list.");
    public static readonly Text ReachBelowPopulationShare = new(
        "Los distritos del proyecto reúnen el {0} % de la población de la jurisdicción; el mínimo es {1} %.",
        "The project's districts hold {0} % of the jurisdiction's population; the minimum is {1} %.");
    public static readonly Text RegionalProjectOneProvince = new(
        "Un proyecto regional debe alcanzar más de una provincia; este alcanza solo una.",
        "A regional project must reach more than one province; this one reaches only one.");
    public static readonly Text ProvincialProjectOneDistrict = new(
        "Un proyecto provincial debe alcanzar más de un distrito; este alcanza solo uno.",
        "A provincial project must reach more than one district; this one reaches only one.");

    // Joining and meetings
    public static readonly Text NotInCoordination = new("Esto solo es posible durante la fase de coordinación.", "This is only possible during the coordination phase.");
    public static readonly Text CycleAlreadyCoordinating = new("Este ciclo ya participa en la coordinación.", "This cycle already takes part in the coordination.");
    public static readonly Text CoordinationClosedByMinutes = new(
        "El acta de coordinación ya fue registrada: la coordinación no admite más cambios.",
        "The coordination minutes were recorded: the coordination accepts no more changes.");
    public static readonly Text CoordinationMeetingPlaceInvalid = new("El lugar es obligatorio y tiene como máximo {0} caracteres.", "The place is required and has at most {0} characters.");
    public static readonly Text CoordinationMeetingNoAttendees = new("Registre al menos un asistente a la reunión.", "Record at least one attendee of the meeting.");
    public static readonly Text CoordinationAttendeeInvalid = new(
        "El nombre y el cargo de cada asistente son obligatorios y tienen como máximo {0} caracteres.",
        "Each attendee's name and office are required and have at most {0} characters.");
    public static readonly Text CoordinationAttendeeGovernmentUnknown = new(
        "{0} representa a un gobierno que no participa en esta coordinación.",
        "{0} speaks for a government that does not take part in this coordination.");
    public static readonly Text RecorderNotInMeeting = new(
        "Solo un responsable de un gobierno que participó en la reunión puede registrar esto.",
        "Only a manager of a government that took part in the meeting can record this.");
    public static readonly Text CoordinationMeetingUnknown = new("La reunión N.º {0} no existe en esta coordinación.", "Meeting no. {0} does not exist in this coordination.");

    // Agreements
    public static readonly Text GovernmentNotInMeeting = new(
        "El acuerdo cambia la lista de {0}, que no participó en la reunión.",
        "The agreement changes the list of {0}, which did not take part in the meeting.");
    public static readonly Text AgreementBreaksCeiling = new(
        "Con este acuerdo, {0} comprometería {1}, por encima de su techo presupuestal de {2}.",
        "With this agreement, {0} would commit {1}, above its budget ceiling of {2}.");
    public static readonly Text AgreementProjectTwice = new("El acuerdo menciona dos veces el mismo proyecto.", "The agreement names the same project twice.");
    public static readonly Text CoordinationProjectUnknown = new("El proyecto N.º {0} no existe en esta coordinación.", "Project no. {0} does not exist in this coordination.");
    public static readonly Text CoordinationProjectNotActive = new(
        "El proyecto «{0}» ya no está en ninguna lista.",
        "The project “{0}” is no longer on any list.");
    public static readonly Text AgreementReasonRequired = new("Indique el motivo (hasta {0} caracteres).", "Give the reason (up to {0} characters).");
    public static readonly Text CofinancingNeedsTwoGovernments = new(
        "Un cofinanciamiento reparte el costo entre al menos dos gobiernos.",
        "A co-financing splits the cost among at least two governments.");
    public static readonly Text CofinancingGovernmentTwice = new("Cada gobierno aparece una sola vez en el cofinanciamiento.", "Each government appears only once in the co-financing.");
    public static readonly Text CofinancingOutsideHierarchy = new(
        "Solo cofinancian gobiernos de la misma jerarquía que {0} (su región, su provincia o sus distritos).",
        "Only governments in the same hierarchy as {0} (its region, its province or its districts) can co-finance.");
    public static readonly Text CofinancingShareNotPositive = new("La parte de {0} debe ser mayor que cero.", "The share of {0} must be greater than zero.");
    public static readonly Text CofinancingSharesDoNotAddUp = new(
        "Las partes suman {0}; deben sumar exactamente el costo del proyecto, {1}.",
        "The shares add up to {0}; they must add up to exactly the project's cost, {1}.");
    public static readonly Text TransferToSameList = new("El proyecto ya está en la lista de {0}.", "The project is already on the list of {0}.");
    public static readonly Text TransferOutsideHierarchy = new(
        "Un proyecto de {0} solo puede pasar a la lista de un gobierno de su jerarquía (su región, su provincia o sus distritos).",
        "A project of {0} can only move to the list of a government in its hierarchy (its region, its province or its districts).");
    public static readonly Text MergeNeedsTwo = new("Una fusión une al menos dos proyectos.", "A merge joins at least two projects.");
    public static readonly Text MergeOwnerOutsideHierarchy = new(
        "El proyecto fusionado debe quedar en la lista de un gobierno de la jerarquía de cada proyecto que une.",
        "The merged project must go on the list of a government in the hierarchy of every project it joins.");
    public static readonly Text MergeTitleInvalid = new(
        "El título del proyecto fusionado es obligatorio y tiene como máximo {0} caracteres.",
        "The merged project's title is required and has at most {0} characters.");
    public static readonly Text MergeCostNotPositive = new("El costo del proyecto fusionado debe ser mayor que cero.", "The merged project's cost must be greater than zero.");
    public static readonly Text KeepSeparateNeedsTwo = new("Indique los dos proyectos que se mantienen separados.", "Name the two projects that stay separate.");
    public static readonly Text KeepSeparateNotAnOverlap = new(
        "«{0}» y «{1}» no se superponen: no hay nada que resolver.",
        "“{0}” and “{1}” do not overlap: there is nothing to resolve.");
    public static readonly Text AgreementUnknown = new("El acuerdo N.º {0} no existe en esta coordinación.", "Agreement no. {0} does not exist in this coordination.");
    public static readonly Text RevokeOfRevoke = new(
        "Una revocación no se revoca: registre de nuevo el acuerdo.",
        "A revocation cannot be revoked: record the agreement again.");
    public static readonly Text AgreementAlreadyRevoked = new("El acuerdo N.º {0} ya fue revocado.", "Agreement no. {0} was already revoked.");
    public static readonly Text RevokeHasDependents = new(
        "El acuerdo N.º {0} no se puede revocar mientras sigan vigentes acuerdos posteriores sobre los mismos proyectos: N.º {1}.",
        "Agreement no. {0} cannot be revoked while later agreements on the same projects are in effect: no. {1}.");

    // Minutes
    public static readonly Text MinutesTextInvalid = new("El texto del acta es obligatorio y tiene como máximo {0} caracteres.", "The minutes' text is required and has at most {0} characters.");
    public static readonly Text MinutesNeedMeetings = new(
        "Indique las reuniones de coordinación que recoge el acta.",
        "Name the coordination meetings the minutes cover.");

    // Names
    public static readonly Text AgreementCofinancing = new("Cofinanciamiento", "Co-financing");
    public static readonly Text AgreementTransfer = new("Transferencia", "Transfer");
    public static readonly Text AgreementMerge = new("Fusión", "Merge");
    public static readonly Text AgreementRejectForReach = new("Rechazo por alcance", "Rejection for reach");
    public static readonly Text AgreementKeepSeparate = new("Se mantienen separados", "Kept separate");
    public static readonly Text AgreementRevoke = new("Revocación", "Revocation");
    public static readonly Text OverlapSameCui = new("mismo CUI", "same CUI");
    public static readonly Text OverlapSameDistrictTheme = new("mismo distrito, eje y título similar", "same district, theme and similar title");
}

public static class AgreementKindNames
{
    public static string Of(AgreementKind kind) => (kind switch
    {
        AgreementKind.Cofinancing => Messages.AgreementCofinancing,
        AgreementKind.Transfer => Messages.AgreementTransfer,
        AgreementKind.Merge => Messages.AgreementMerge,
        AgreementKind.RejectForReach => Messages.AgreementRejectForReach,
        AgreementKind.KeepSeparate => Messages.AgreementKeepSeparate,
        _ => Messages.AgreementRevoke,
    }).Format();
}

public static class OverlapReasonNames
{
    /// <summary>The reasons in words, joined with “; ”.</summary>
    public static string Of(OverlapReason reason) => string.Join("; ", new[]
    {
        reason.HasFlag(OverlapReason.SameCui) ? Messages.OverlapSameCui.Format() : null,
        reason.HasFlag(OverlapReason.SameDistrictThemeAndTitle) ? Messages.OverlapSameDistrictTheme.Format() : null,
    }.OfType<string>());
}
