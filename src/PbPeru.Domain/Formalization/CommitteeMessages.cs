namespace PbPeru.Domain.Common;

public static partial class Messages
{
    // The oversight committee election: setting it up
    public static readonly Text CommitteeOnlyInFormalization = new(
        "La elección del comité de vigilancia se prepara y se realiza en la fase de Formalización.",
        "The oversight committee election is prepared and held in the Formalization phase.");
    public static readonly Text CommitteeSeatsOutOfRange = new(
        "El comité debe tener entre {0} y {1} miembros.", "The committee must have between {0} and {1} members.");
    public static readonly Text CommitteeSettingsFrozen = new(
        "La elección ya se abrió: el número de miembros y la regla de sexo ya no cambian.",
        "The election has opened: the number of members and the sex rule can no longer change.");
    public static readonly Text CommitteeTimesInvalid = new(
        "El cierre de la elección debe ser posterior a su apertura.", "The election must close after it opens.");
    public static readonly Text CommitteeCloseInPast = new(
        "La hora de cierre ya pasó: elija una hora futura o cierre la elección ahora.",
        "The closing time has passed: choose a future time or close the election now.");
    public static readonly Text CommitteeAlreadyOpened = new(
        "La elección ya se abrió: su apertura no puede cambiarse.", "The election has opened: its opening cannot change.");
    public static readonly Text CommitteeAlreadyClosed = new(
        "La elección del comité ya se cerró.", "The committee election has closed.");
    public static readonly Text CommitteeNotOpenYet = new(
        "La elección del comité aún no se ha abierto.", "The committee election has not opened yet.");
    public static readonly Text CommitteeNeedsCandidates = new(
        "La elección necesita al menos un candidato para abrirse.", "The election needs at least one candidate to open.");

    // Candidacies
    public static readonly Text CandidateNotOfCycle = new(
        "Solo los agentes participantes de este ciclo pueden ser candidatos.", "Only participatory agents of this cycle can stand.");
    public static readonly Text CandidateNotAccredited = new(
        "Solo los agentes acreditados en la lista final pueden ser candidatos.", "Only agents accredited on the final list can stand.");
    public static readonly Text CandidateAlready = new(
        "Este agente ya es candidato.", "This agent is already a candidate.");
    public static readonly Text CandidateNotFound = new(
        "Este agente no es candidato.", "This agent is not a candidate.");
    public static readonly Text CandidacyClosed = new(
        "Las candidaturas se reciben y se retiran solo antes de que se abra la elección.",
        "Candidacies are received and withdrawn only before the election opens.");

    // Who votes and the ballot
    public static readonly Text CommitteeVoterNotOfCycle = new(
        "Usted no es agente participante de este ciclo.", "You are not a participatory agent of this cycle.");
    public static readonly Text CommitteeVoterNotAccredited = new(
        "Solo votan los agentes acreditados en la lista final.", "Only agents accredited on the final list vote.");
    public static readonly Text CommitteeVoterTitularAbsent = new(
        "Usted fue registrado como ausente en la votación final: vota su suplente.",
        "You were recorded as absent at the final vote: your suplente votes.");
    public static readonly Text CommitteeVoterSuplenteNotCalled = new(
        "Un suplente vota solo cuando su titular fue registrado como ausente en la votación final.",
        "A suplente votes only when the titular was recorded as absent at the final vote.");
    public static readonly Text CommitteeVoterTitularVoted = new(
        "Su titular ya votó en esta elección: su organización tiene un solo voto.",
        "Your titular has already voted in this election: your organization has one vote.");
    public static readonly Text CommitteeBallotNotOpen = new(
        "La elección del comité no está abierta en este momento: no se guardó el voto.",
        "The committee election is not open right now: the vote was not saved.");
    public static readonly Text CommitteeBallotEmpty = new(
        "Marque al menos un candidato.", "Mark at least one candidate.");
    public static readonly Text CommitteeBallotNotACandidate = new(
        "La cédula incluye a alguien que no es candidato: no se guardó el voto.",
        "The ballot includes someone who is not a candidate: the vote was not saved.");
    public static readonly Text CommitteeBallotDuplicate = new(
        "Un candidato aparece dos veces en la cédula.", "A candidate appears twice on the ballot.");
    public static readonly Text CommitteeBallotTooMany = new(
        "Puede marcar hasta {0} candidatos y marcó {1}: quite alguno.", "You may mark up to {0} candidates and marked {1}: remove some.");
    public static readonly Text CommitteeBallotStale = new(
        "Su voto cambió en otra ventana mientras votaba. Revise su voto y vuelva a enviarlo.",
        "Your vote changed in another window while you were voting. Check it and send it again.");

    // The count
    public static readonly Text CommitteeCountNeedsClose = new(
        "El conteo se hace cuando la elección se ha cerrado.", "The count is made once the election has closed.");
    public static readonly Text CommitteeAlreadyCounted = new(
        "La elección del comité ya fue contada.", "The committee election has already been counted.");
}
