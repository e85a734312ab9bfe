namespace PbPeru.Domain.Common;

public static partial class Messages
{
    // The final vote: preparing it
    public static readonly Text VoteOnlyInFormalization = new(
        "La votación final se prepara y se realiza en la fase de Formalización.",
        "The final vote is prepared and held in the Formalization phase.");
    public static readonly Text VoteAlreadyPrepared = new(
        "La votación de este ciclo ya está preparada.", "This cycle's vote is already prepared.");
    public static readonly Text BallotNeedsProjects = new(
        "La cédula necesita al menos un proyecto: no hay proyectos en la lista del ciclo.",
        "The ballot needs at least one project: the cycle's list has none.");
    public static readonly Text VoteTimesInvalid = new(
        "El cierre de la votación debe ser posterior a su apertura.", "The vote must close after it opens.");
    public static readonly Text VoteCloseInPast = new(
        "La hora de cierre ya pasó: elija una hora futura o cierre la votación ahora.",
        "The closing time has passed: choose a future time or close the vote now.");
    public static readonly Text VoteAlreadyOpened = new(
        "La votación ya se abrió: su apertura no puede cambiarse.", "The vote has opened: its opening cannot change.");
    public static readonly Text VoteAlreadyClosed = new(
        "La votación ya se cerró.", "The vote has closed.");
    public static readonly Text VoteNotOpenYet = new(
        "La votación aún no se ha abierto.", "The vote has not opened yet.");
    public static readonly Text VoteIsConsensus = new(
        "Este ciclo decide por consenso del taller: no hay votación en línea.",
        "This cycle decides by the workshop's consensus: there is no online vote.");
    public static readonly Text VoteIsTechnicalRanking = new(
        "Este ciclo prioriza por el orden técnico: no hay votación en línea.",
        "This cycle prioritizes by the technical ranking: there is no online vote.");
    public static readonly Text RuleNeedsApprovalBallots = new(
        "Las reglas de partes iguales y de Phragmén necesitan cédulas de aprobación o de presupuesto (mochila).",
        "The equal-shares and Phragmén rules need approval or knapsack ballots.");

    // Who votes
    public static readonly Text VoterNotOfCycle = new(
        "Usted no es agente participante de este ciclo.", "You are not a participatory agent of this cycle.");
    public static readonly Text VoterNotAccredited = new(
        "Solo votan los agentes acreditados en la lista final.", "Only agents accredited on the final list vote.");
    public static readonly Text VoterTitularAbsent = new(
        "Usted fue registrado como ausente: vota su suplente.", "You were recorded as absent: your suplente votes.");
    public static readonly Text VoterSuplenteNotCalled = new(
        "Un suplente vota solo cuando su titular es registrado como ausente.",
        "A suplente votes only when the titular is recorded as absent.");
    public static readonly Text VoterNeedsTraining = new(
        "Para votar debe haber asistido a una capacitación del ciclo.",
        "To vote you must have attended one of the cycle's training sessions.");

    // Substitutions
    public static readonly Text SubstitutionNotSameOrganization = new(
        "El suplente debe ser de la misma organización que el titular.",
        "The suplente must belong to the titular's organization.");
    public static readonly Text SubstitutionRoles = new(
        "Elija un titular ausente y un suplente acreditados.", "Choose an absent titular and a suplente, both accredited.");
    public static readonly Text SubstitutionTitularTaken = new(
        "Ese titular ya fue registrado como ausente.", "That titular is already recorded as absent.");
    public static readonly Text SubstitutionSuplenteTaken = new(
        "Ese suplente ya reemplaza a otro titular.", "That suplente already replaces another titular.");
    public static readonly Text SubstitutionTitularVoted = new(
        "El titular ya votó: no puede registrarse como ausente.", "The titular has voted: they cannot be recorded as absent.");
    public static readonly Text SubstitutionSuplenteVoted = new(
        "El suplente ya votó: el reemplazo no puede deshacerse.", "The suplente has voted: the replacement cannot be undone.");
    public static readonly Text SubstitutionNotFound = new(
        "No hay un reemplazo registrado para ese titular.", "No replacement is recorded for that titular.");

    // Ballots
    public static readonly Text BallotEmpty = new(
        "Marque al menos un proyecto.", "Mark at least one project.");
    public static readonly Text BallotUnknownProject = new(
        "La cédula menciona un proyecto que no está en ella.", "The ballot names a project that is not on it.");
    public static readonly Text BallotDuplicateProject = new(
        "Cada proyecto puede marcarse una sola vez.", "Each project can be marked once.");
    public static readonly Text BallotTooManyApprovals = new(
        "Puede marcar hasta {0} proyectos; marcó {1}.", "You may mark up to {0} projects; you marked {1}.");
    public static readonly Text BallotOverCeiling = new(
        "Los proyectos elegidos suman {0}, más que el presupuesto de {1}. Quite alguno.",
        "The chosen projects add up to {0}, more than the budget of {1}. Remove some.");
    public static readonly Text BallotPointsInvalid = new(
        "Cada proyecto recibe de 1 a {0} puntos.", "Each project gets 1 to {0} points.");
    public static readonly Text BallotTooManyPoints = new(
        "Repartió {1} puntos; tiene {0}.", "You spread {1} points; you have {0}.");
    public static readonly Text BallotRankingInvalid = new(
        "Ordene hasta {0} proyectos con los puestos 1, 2, 3… sin repetir ni saltar puestos.",
        "Rank up to {0} projects as 1, 2, 3… without repeating or skipping places.");
    public static readonly Text BallotNotOpen = new(
        "La votación no está abierta en este momento: no se guardó el voto.", "The vote is not open at this moment: the ballot was not saved.");
    public static readonly Text BallotStale = new(
        "Su cédula cambió en otra ventana mientras votaba. Revise su voto y vuelva a enviarlo.",
        "Your ballot changed in another window while you voted. Check your vote and send it again.");

    // Result and consensus
    public static readonly Text ResultNeedsClosedVote = new(
        "El resultado se calcula cuando la votación se ha cerrado.", "The result is computed once the vote has closed.");
    public static readonly Text ResultAlreadyComputed = new(
        "El resultado ya fue calculado.", "The result has already been computed.");
    public static readonly Text ConsensusNeedsProjects = new(
        "Elija, en orden, los proyectos que el taller priorizó por consenso.",
        "Choose, in order, the projects the workshop prioritized by consensus.");
    public static readonly Text ConsensusOverCeiling = new(
        "Los proyectos priorizados suman {0}, más que el presupuesto de {1}.",
        "The prioritized projects add up to {0}, more than the budget of {1}.");
    public static readonly Text ConsensusMinutesRequired = new(
        "Escriba el acta del consenso (hasta {0} caracteres).", "Write the minutes of the consensus (up to {0} characters).");
    public static readonly Text ConsensusNotTheRule = new(
        "La regla de este ciclo no es el consenso: el resultado sale del conteo.",
        "This cycle's rule is not consensus: the result comes from the count.");
}
