namespace PbPeru.Domain.Common;

public static partial class Messages
{
    // Oversight of execution
    public static readonly Text ExecutionNotAllowed = new(
        "Solo el comité de vigilancia de este ciclo y el personal que gestiona su jurisdicción registran la ejecución.",
        "Only this cycle's oversight committee and the staff who manage its jurisdiction record the execution.");
    public static readonly Text ExecutionOnlyOncePublished = new(
        "La ejecución se registra cuando los resultados del ciclo están publicados.",
        "The execution is recorded once the cycle's results are published.");
    public static readonly Text ExecutionNotOfCycle = new(
        "Este seguimiento no pertenece a este ciclo.", "This follow-up does not belong to this cycle.");
    public static readonly Text ExecutionStateInvalid = new(
        "Elija el estado del proyecto.", "Choose the project's state.");
    public static readonly Text ExecutionProgressOutOfRange = new(
        "El avance físico va de 0 % a 100 %.", "The physical progress goes from 0 % to 100 %.");
    public static readonly Text ExecutionSpentNegative = new(
        "El monto ejecutado no puede ser negativo.", "The amount spent cannot be negative.");
    public static readonly Text ExecutionNotStartedWithProgress = new(
        "Un proyecto no iniciado no puede tener avance físico.", "A project not started cannot have physical progress.");
    public static readonly Text ExecutionStartRequired = new(
        "Indique la fecha de inicio: el proyecto está en ejecución o terminado.",
        "Give the start date: the project is under way or finished.");
    public static readonly Text ExecutionActualEndRequired = new(
        "Indique la fecha real de término de un proyecto terminado.", "Give the actual end date of a finished project.");
    public static readonly Text ExecutionTenderAfterStart = new(
        "La convocatoria no puede ser posterior al inicio.", "The tender cannot be after the start.");
    public static readonly Text ExecutionPlannedEndBeforeStart = new(
        "El término previsto no puede ser anterior al inicio.", "The planned end cannot be before the start.");
    public static readonly Text ExecutionActualEndBeforeStart = new(
        "El término real no puede ser anterior al inicio.", "The actual end cannot be before the start.");
    public static readonly Text ExecutionDateInFuture = new(
        "Las fechas de convocatoria, inicio y término real no pueden ser posteriores a hoy.",
        "The tender, start and actual end dates cannot be after today.");
    public static readonly Text ExecutionObservationsTooLong = new(
        "Las observaciones admiten hasta {0} caracteres.", "The observations allow up to {0} characters.");
    public static readonly Text ExecutionSuspendedNeedsReason = new(
        "Un proyecto paralizado necesita observaciones: el motivo de la paralización.",
        "A suspended project needs observations: why it stopped.");
    public static readonly Text ExecutionTooManyFiles = new(
        "Adjunte hasta {0} archivos por actualización.", "Attach up to {0} files per update.");

    // The committee's periodic report
    public static readonly Text ExecutionReportOnlyCommittee = new(
        "El informe periódico lo emite el comité de vigilancia de este ciclo.",
        "The periodic report is issued by this cycle's oversight committee.");
    public static readonly Text ExecutionReportPeriodOrder = new(
        "El inicio del periodo no puede ser posterior a su fin.", "The period's start cannot be after its end.");
    public static readonly Text ExecutionReportPeriodInFuture = new(
        "El periodo del informe no puede terminar después de hoy.", "The report's period cannot end after today.");
    public static readonly Text ExecutionReportSummaryTooLong = new(
        "Las conclusiones admiten hasta {0} caracteres.", "The conclusions allow up to {0} characters.");
    public static readonly Text ExecutionReportSummaryRequired = new(
        "Escriba las conclusiones del comité (hasta {0} caracteres).", "Write the committee's conclusions (up to {0} characters).");
}
