namespace PbPeru.Domain.Common;

public static partial class Messages
{
    // Consensus records
    public static readonly Text ConsensusSubjectInvalid = new(
        "Elija sobre qué se tomó la decisión por consenso.", "Choose what the consensus decision was about.");
    public static readonly Text ConsensusNotInPhase = new(
        "Este consenso se registra en la fase de {0}.", "This consensus is recorded in the {0} phase.");
    public static readonly Text ConsensusNotNow = new(
        "Solo se registran consensos durante el proceso: no en un ciclo en configuración, publicado o cerrado.",
        "Consensus is recorded only during the process: not in a cycle being configured, published or closed.");
    public static readonly Text ConsensusFinalVoteNotTheRule = new(
        "La priorización final de este ciclo se decide con votos, no por consenso: cambie la regla de conteo en las reglas del ciclo si el taller decidió por consenso.",
        "This cycle's final prioritization is decided by votes, not by consensus: change the counting rule in the cycle's rules if the workshop decided by consensus.");
    public static readonly Text ConsensusMeetingNotOfCycle = new(
        "La reunión elegida no es de este ciclo.", "The chosen meeting is not of this cycle.");
    public static readonly Text ConsensusDecisionRequired = new(
        "Escriba la decisión tomada por consenso (hasta {0} caracteres).", "Write the decision taken by consensus (up to {0} characters).");
    public static readonly Text ConsensusRecordMinutesRequired = new(
        "Escriba el acta del consenso: cómo se llegó a la decisión (hasta {0} caracteres).",
        "Write the minutes of the consensus: how the decision was reached (up to {0} characters).");
    public static readonly Text ConsensusAlreadyRecorded = new(
        "Ya hay un consenso registrado sobre este tema en el ciclo; no se registra dos veces.",
        "A consensus on this subject is already recorded for the cycle; it is not recorded twice.");
}
