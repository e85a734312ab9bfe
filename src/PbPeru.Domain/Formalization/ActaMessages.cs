namespace PbPeru.Domain.Common;

public static partial class Messages
{
    // Commitments of the acta
    public static readonly Text CommitmentOnlyInFormalization = new(
        "Los compromisos del acta se registran en la fase de Formalización.",
        "The acta's commitments are recorded in the Formalization phase.");
    public static readonly Text CommitmentTextRequired = new(
        "Escriba el compromiso (hasta {0} caracteres).", "Write the commitment (up to {0} characters).");
    public static readonly Text CommitmentResponsibleRequired = new(
        "Indique el responsable del compromiso (hasta {0} caracteres).", "Name who is responsible for the commitment (up to {0} characters).");
    public static readonly Text CommitmentPartyInvalid = new(
        "Elija quién asume el compromiso: el gobierno o la sociedad civil.", "Choose who makes the commitment: the government or civil society.");
    public static readonly Text CommitmentNotOfCycle = new(
        "El compromiso no pertenece a este ciclo.", "The commitment does not belong to this cycle.");

    // The acta
    public static readonly Text ActaOnlyInFormalization = new(
        "El acta se emite y se corrige en la fase de Formalización.",
        "The acta is issued and corrected in the Formalization phase.");
    public static readonly Text ActaNeedsResult = new(
        "Falta el resultado de la priorización: calcule o registre el resultado de la votación final antes de emitir el acta.",
        "The prioritization result is missing: compute or record the final vote's result before issuing the acta.");
    public static readonly Text ActaNeedsCommittee = new(
        "Falta elegir el comité de vigilancia: el acta lo nombra.",
        "The oversight committee has not been elected: the acta names it.");
    public static readonly Text ActaPlaceRequired = new(
        "Indique el lugar del taller de formalización (hasta {0} caracteres).",
        "Give the place of the formalization workshop (up to {0} characters).");
    public static readonly Text ActaReasonRequired = new(
        "Una corrección emite una nueva versión con su motivo: escriba el motivo (hasta {0} caracteres).",
        "A correction issues a new version with its reason: write the reason (up to {0} characters).");
    public static readonly Text ActaFirstHasNoReason = new(
        "La primera versión del acta no lleva motivo de corrección.",
        "The acta's first version carries no correction reason.");
    public static readonly Text ActaContentRequired = new(
        "El acta no tiene contenido.", "The acta has no content.");
    public static readonly Text ActaContentTooLong = new(
        "El acta es demasiado extensa para guardarse.", "The acta is too long to be stored.");
    public static readonly Text ActaNotOfCycle = new(
        "El acta no pertenece a este ciclo.", "The acta does not belong to this cycle.");
}
