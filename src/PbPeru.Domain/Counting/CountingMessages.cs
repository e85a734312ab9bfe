namespace PbPeru.Domain.Common;

public static partial class Messages
{
    // Counting: reading .pb files
    public static readonly Text PabulibLineProblem = new("Línea {0}: {1}", "Line {0}: {1}");
    public static readonly Text PabulibMissingSection = new(
        "falta la sección {0}.", "the {0} section is missing.");
    public static readonly Text PabulibOutsideSection = new(
        "hay datos antes de la primera sección (META, PROJECTS o VOTES).",
        "there is data before the first section (META, PROJECTS or VOTES).");
    public static readonly Text PabulibMissingColumn = new(
        "falta la columna «{0}» en la cabecera de {1}.", "the {1} header has no «{0}» column.");
    public static readonly Text PabulibFieldCount = new(
        "se esperaban {0} campos y hay {1}.", "expected {0} fields but found {1}.");
    public static readonly Text PabulibUnclosedQuote = new(
        "una comilla no se cierra.", "a quote is never closed.");
    public static readonly Text PabulibNotANumber = new(
        "«{0}» no es un número válido para {1}.", "«{0}» is not a valid number for {1}.");
    public static readonly Text PabulibNotWhole = new(
        "el costo «{0}» debe ser un número entero.", "the cost «{0}» must be a whole number.");
    public static readonly Text PabulibDuplicateProject = new(
        "el proyecto «{0}» ya apareció antes.", "project «{0}» appears twice.");
    public static readonly Text PabulibUnknownProject = new(
        "el voto menciona el proyecto «{0}», que no está en PROJECTS.",
        "the vote names project «{0}», which is not in PROJECTS.");
    public static readonly Text PabulibPointsMismatch = new(
        "el voto tiene {0} proyectos y {1} puntajes.", "the vote has {0} projects but {1} points.");
    public static readonly Text PabulibTooFewProjects = new(
        "el mínimo de proyectos por voto (min_length) es {1} y este voto tiene {0}.",
        "the fewest projects a vote may name (min_length) is {1}; this vote names {0}.");
    public static readonly Text PabulibTooManyProjects = new(
        "el máximo de proyectos por voto (max_length) es {1} y este voto tiene {0}.",
        "the most projects a vote may name (max_length) is {1}; this vote names {0}.");
    public static readonly Text PabulibTooManyPoints = new(
        "el máximo de puntos por voto (max_sum_points) es {1} y este voto reparte {0}.",
        "the most points a vote may give (max_sum_points) is {1}; this vote gives {0}.");
    public static readonly Text PabulibMetaPair = new(
        "se esperaba «clave;valor».", "expected «key;value».");

    // Counting: rules
    public static readonly Text CountingUnknownRule = new(
        "La regla de conteo «{0}» no existe.", "There is no counting rule «{0}».");
    public static readonly Text CountingNeedsApproval = new(
        "La regla {0} solo cuenta votos de aprobación.", "The {0} rule only counts approval ballots.");
}
