namespace PbPeru.Domain.Common;

public static partial class Messages
{
    // Audit record
    public static readonly Text AuditSound = new(
        "Cadena íntegra: {0} asientos; cabeza n.º {1}, huella {2}.",
        "Chain intact: {0} entries; head no. {1}, hash {2}.");
    public static readonly Text AuditForeignLine = new(
        "El asiento n.º {0} pertenece a la cadena «{1}», no a «{2}».",
        "Entry no. {0} belongs to chain «{1}», not «{2}».");
    public static readonly Text AuditGap = new(
        "Falta el asiento n.º {0}: después del anterior viene el n.º {1} (se eliminó un asiento).",
        "Entry no. {0} is missing: the next one is no. {1} (an entry was removed).");
    public static readonly Text AuditSequenceBack = new(
        "El asiento n.º {0} llega después del n.º {1}: el orden fue alterado.",
        "Entry no. {0} comes after no. {1}: the order was altered.");
    public static readonly Text AuditSequenceLater = new(
        "El asiento n.º {0} aparece después del n.º {1}: el orden fue alterado.",
        "Entry no. {0} appears after no. {1}: the order was altered.");
    public static readonly Text AuditLinksForward = new(
        "El asiento n.º {0} enlaza con el n.º {1}, que está después: el orden fue alterado.",
        "Entry no. {0} links to no. {1}, which comes after it: the order was altered.");
    public static readonly Text AuditEdited = new(
        "El asiento n.º {0} fue modificado: su contenido ya no coincide con su huella.",
        "Entry no. {0} was edited: its content no longer matches its hash.");
    public static readonly Text AuditBrokenLink = new(
        "El asiento n.º {0} no enlaza con el anterior: se eliminó o sustituyó un asiento antes de él.",
        "Entry no. {0} does not link to the one before it: an entry before it was removed or replaced.");
    public static readonly Text AuditCutOff = new(
        "Falta el asiento n.º {0}: la cadena debía llegar hasta el n.º {1} (se eliminaron asientos del final).",
        "Entry no. {0} is missing: the chain should reach no. {1} (entries were removed from the end).");
    public static readonly Text AuditRecordedHeadMismatch = new(
        "La cabeza registrada (n.º {0}) no coincide con el último asiento (n.º {1}).",
        "The recorded head (no. {0}) does not match the last entry (no. {1}).");
    public static readonly Text AuditExpectedHeadMissing = new(
        "La huella {0} no aparece en la cadena: la cadena no es la que se publicó.",
        "The hash {0} is not in the chain: this is not the chain that was published.");
    public static readonly Text AuditFileNotJson = new("no es JSON válido ({0}).", "not valid JSON ({0}).");
    public static readonly Text AuditFileWrongFormat = new(
        "no es una cadena de auditoría exportada («format» debe ser «{0}»).",
        "not an exported audit chain (\"format\" must be \"{0}\").");
    public static readonly Text AuditFileMissing = new("falta «{0}» o no tiene el tipo esperado.", "\"{0}\" is missing or of the wrong type.");
    public static readonly Text AuditFileBadTime = new(
        "«{0}» («{1}») no es una hora UTC como 2026-01-02T03:04:05.006Z.",
        "\"{0}\" (\"{1}\") is not a UTC time like 2026-01-02T03:04:05.006Z.");
}
