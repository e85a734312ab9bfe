namespace PbPeru.Domain.Common;

public static partial class Messages
{
    // The participants' evaluation (survey)
    public static readonly Text SurveyNotOpenYet = new(
        "La evaluación de los participantes se abre cuando se publican los resultados del ciclo.",
        "The participants' evaluation opens when the cycle's results are published.");
    public static readonly Text SurveyClosed = new(
        "El ciclo está cerrado: la evaluación de los participantes ya no recibe respuestas.",
        "The cycle is closed: the participants' evaluation no longer accepts answers.");
    public static readonly Text SurveyNotParticipant = new(
        "Esta evaluación es para los agentes participantes acreditados y los representantes de las organizaciones de este ciclo.",
        "This evaluation is for the accredited participatory agents and the organizations' representatives of this cycle.");
    public static readonly Text SurveyAlreadyAnswered = new(
        "Usted ya respondió esta evaluación: se admite una sola respuesta por persona.",
        "You have already answered this evaluation: one answer per person.");
    public static readonly Text SurveyGradeMissing = new(
        "Califique: {0}.", "Grade: {0}.");
    public static readonly Text SurveyCommentTooLong = new(
        "El comentario puede tener hasta {0} caracteres; tiene {1}.",
        "The comment can have up to {0} characters; it has {1}.");
    public static readonly Text SurveyThresholdOutOfRange = new(
        "El mínimo de respuestas para publicar los resultados debe estar entre {0} y {1}.",
        "The minimum number of answers to publish the results must be between {0} and {1}.");

    // What is graded
    public static readonly Text SurveyAspectOverall = new("El proceso en general", "The process overall");
    public static readonly Text SurveyAspectInformation = new("La información", "Information");
    public static readonly Text SurveyAspectTraining = new("La capacitación", "Training");
    public static readonly Text SurveyAspectTechnicalEvaluation = new("La evaluación técnica", "Technical evaluation");
    public static readonly Text SurveyAspectVoting = new("La votación", "Voting");
    public static readonly Text SurveyAspectTransparency = new("La transparencia", "Transparency");

    // The grades
    public static readonly Text SurveyGradePoor = new("Deficiente", "Poor");
    public static readonly Text SurveyGradeFair = new("Regular", "Fair");
    public static readonly Text SurveyGradeGood = new("Bueno", "Good");
    public static readonly Text SurveyGradeExcellent = new("Excelente", "Excellent");
}
