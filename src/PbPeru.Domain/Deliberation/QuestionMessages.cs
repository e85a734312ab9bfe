namespace PbPeru.Domain.Common;

/// <summary>Messages of the questions and answers on proposals and of their moderation.</summary>
public static partial class Messages
{
    public static readonly Text QuestionProposalNotPublic = new(
        "Solo se pueden hacer preguntas sobre propuestas publicadas: esta propuesta no es pública.",
        "Questions can only be asked on published proposals: this proposal is not public.");
    public static readonly Text QuestionTextRequired = new("Escriba su pregunta.", "Write your question.");
    public static readonly Text QuestionTextTooLong = new(
        "La pregunta admite como máximo {0} caracteres; la suya tiene {1}.",
        "A question has at most {0} characters; yours has {1}.");
    public static readonly Text AnswerTextRequired = new("Escriba su respuesta.", "Write your answer.");
    public static readonly Text AnswerTextTooLong = new(
        "La respuesta admite como máximo {0} caracteres; la suya tiene {1}.",
        "An answer has at most {0} characters; yours has {1}.");
    public static readonly Text AnswerRoleInvalid = new(
        "Indique si responde como proponente o como equipo técnico.",
        "Say whether you answer as the proposer or as the technical team.");
    public static readonly Text OfficialOnlyTechnicalTeam = new(
        "Solo el equipo técnico puede marcar una respuesta como oficial.",
        "Only the technical team can mark an answer as official.");
    public static readonly Text QuestionHiddenNoAnswer = new(
        "Esta pregunta fue ocultada por moderación y ya no admite respuestas.",
        "This question was hidden by moderation and takes no more answers.");
    public static readonly Text AnswerNotOfQuestion = new(
        "Esa respuesta no pertenece a la pregunta.", "That answer does not belong to the question.");
    public static readonly Text ReportAlreadyHidden = new(
        "Ese contenido ya está oculto por moderación.", "That content is already hidden by moderation.");
    public static readonly Text ModerationAlreadyHidden = new(
        "Ese contenido ya está oculto.", "That content is already hidden.");
    public static readonly Text ModerationNotHidden = new(
        "Ese contenido no está oculto.", "That content is not hidden.");
    public static readonly Text ModerationReasonRequired = new(
        "Indique el motivo por el que se oculta: se mostrará en su lugar.",
        "Give the reason for hiding it: it is shown in its place.");
    public static readonly Text ModerationReasonTooLong = new(
        "El motivo admite como máximo {0} caracteres; el suyo tiene {1}.",
        "The reason has at most {0} characters; yours has {1}.");
    public static readonly Text NoOpenReports = new(
        "No hay reportes pendientes sobre ese contenido.", "There are no open reports on that content.");
    public static readonly Text FormExpired = new(
        "El formulario caducó. Recargue la página y vuelva a enviarlo.",
        "The form has expired. Reload the page and send it again.");
}
