using PbPeru.Domain.Common;

namespace PbPeru.Cli;

/// <summary>What the command line says, in Spanish (the default) and English (<c>--lang en</c>).</summary>
internal static class CliText
{
    public static readonly Text Usage = new(
        """
        Uso:
          PbPeru.Cli count ARCHIVO.pb [--rule REGLA] [--threshold N] [--json] [--lang es|en]
          PbPeru.Cli verify-audit ARCHIVO.json [--head HUELLA] [--lang es|en]
          PbPeru.Cli help

        Recuenta los votos de un archivo .pb publicado (formato pabulib).
          --rule REGLA    greedy, greedy-no-skip, greedy-threshold, mes, mes-add1,
                          mes-add1-comparison, phragmen, o file: la regla que nombra el META
                          del archivo, con su umbral. Por defecto: file.
          --threshold N   apoyo mínimo para ser elegible; solo para greedy, greedy-no-skip y
                          greedy-threshold (que sin él usa el umbral del archivo, o 0).
          --json          el resultado como JSON (claves en inglés).
          --lang es|en    idioma de los mensajes; por defecto, español.

        Códigos de salida: 0 listo; 1 la orden está mal escrita; 2 el archivo no se puede leer o contar.
        Desde el repositorio: dotnet run --project src/PbPeru.Cli -- count ARCHIVO.pb --rule mes-add1

        verify-audit verifica una cadena de auditoría exportada (JSON, desde la pestaña Auditoría
        del ciclo): recalcula cada huella y cada enlace y señala el primer asiento modificado,
        eliminado o reordenado.
          --head HUELLA   la huella de cabeza impresa en el acta o publicada en los datos abiertos:
                          la cadena debe pasar por ella.
        Códigos de salida de verify-audit: 0 íntegra; 1 alterada (o la orden está mal escrita);
        2 el archivo no se puede leer.
        """,
        """
        Usage:
          PbPeru.Cli count FILE.pb [--rule RULE] [--threshold N] [--json] [--lang es|en]
          PbPeru.Cli verify-audit FILE.json [--head HASH] [--lang es|en]
          PbPeru.Cli help

        Recounts the votes of a published .pb file (pabulib format).
          --rule RULE     greedy, greedy-no-skip, greedy-threshold, mes, mes-add1,
                          mes-add1-comparison, phragmen, or file: the rule the file's META
                          names, with its threshold. Default: file.
          --threshold N   least support a project needs to be eligible; only for greedy,
                          greedy-no-skip and greedy-threshold (which without it uses the
                          file's threshold, or 0).
          --json          the result as JSON.
          --lang es|en    language of the messages; Spanish by default.

        Exit codes: 0 done; 1 the command is wrong; 2 the file cannot be read or counted.
        From the repository: dotnet run --project src/PbPeru.Cli -- count FILE.pb --rule mes-add1

        verify-audit checks an exported audit chain (JSON, from the cycle's Audit tab): it
        recomputes every hash and link and names the first entry edited, removed or reordered.
          --head HASH     the head hash printed in the acta or published in the open data:
                          the chain must pass through it.
        Exit codes of verify-audit: 0 intact; 1 tampered (or the command is wrong);
        2 the file cannot be read.
        """);

    public static readonly Text Error = new("Error: {0}", "Error: {0}");
    public static readonly Text UnknownCommand = new("no existe la orden «{0}».", "there is no command «{0}».");
    public static readonly Text UnknownOption = new("no existe la opción «{0}».", "there is no option «{0}».");
    public static readonly Text MissingValue = new("falta el valor de {0}.", "{0} needs a value.");
    public static readonly Text UnknownLanguage = new("el idioma «{0}» no existe; use es o en.", "there is no language «{0}»; use es or en.");
    public static readonly Text MissingFile = new("falta el archivo .pb que recontar.", "the .pb file to recount is missing.");
    public static readonly Text TwoFiles = new("solo se recuenta un archivo a la vez («{0}» sobra).", "one file at a time («{0}» is one too many).");
    public static readonly Text UnknownRule = new(
        "la regla «{0}» no existe; use greedy, greedy-no-skip, greedy-threshold, mes, mes-add1, mes-add1-comparison, phragmen o file.",
        "there is no rule «{0}»; use greedy, greedy-no-skip, greedy-threshold, mes, mes-add1, mes-add1-comparison, phragmen or file.");
    public static readonly Text BadThreshold = new(
        "el umbral «{0}» debe ser un número entero mayor o igual que 0.", "the threshold «{0}» must be a whole number, 0 or more.");
    public static readonly Text ThresholdNotApplicable = new(
        "--threshold solo se aplica a greedy, greedy-no-skip y greedy-threshold.",
        "--threshold only applies to greedy, greedy-no-skip and greedy-threshold.");
    public static readonly Text FileNotFound = new("no se encuentra el archivo «{0}».", "the file «{0}» does not exist.");
    public static readonly Text FileUnreadable = new("no se puede leer «{0}»: {1}", "cannot read «{0}»: {1}");
    public static readonly Text FileProblem = new("{0}: {1}", "{0}: {1}");

    public static readonly Text MissingAuditFile = new("falta el archivo .json de la cadena de auditoría.", "the audit chain .json file is missing.");
    public static readonly Text AuditIntact = new("OK: {0}", "OK: {0}");
    public static readonly Text AuditTampered = new("ALTERADA: {0}", "TAMPERED: {0}");
    public static readonly Text AuditChainName = new("Cadena: {0}", "Chain: {0}");
    public static readonly Text AuditHeadLine = new("Cabeza: n.º {0} {1}", "Head: no. {0} {1}");
    public static readonly Text AuditProblemAt = new("Primer problema: asiento n.º {0} ({1})", "First problem: entry no. {0} ({1})");

    public static readonly Text Heading = new("Recuento de {0}", "Recount of {0}");
    public static readonly Text Rule = new("Regla: {0}", "Rule: {0}");
    public static readonly Text RuleWithThreshold = new("Regla: {0} (umbral: {1} de apoyo)", "Rule: {0} (threshold: {1} support)");
    public static readonly Text Budget = new("Presupuesto: {0}", "Budget: {0}");
    public static readonly Text Voters = new("Votantes: {0}", "Voters: {0}");
    public static readonly Text SelectedCount = new("Proyectos seleccionados: {0}", "Selected projects: {0}");
    public static readonly Text ColumnProject = new("proyecto", "project");
    public static readonly Text ColumnCost = new("costo", "cost");
    public static readonly Text ColumnSupport = new("apoyo", "support");
    public static readonly Text ColumnName = new("nombre", "name");
    public static readonly Text Payment = new(
        "cuota igual {0} (la pagaron completa: {1}", "equal share {0} (paid in full: {1}");
    public static readonly Text PartialPayment = new(
        "; pagaron lo que les quedaba: {0}, {1} en total", "; paid what they had left: {0}, {1} together");
    public static readonly Text TotalCost = new("Costo total: {0}", "Total cost: {0}");
    public static readonly Text LeftOver = new("Sobrante: {0}", "Left over: {0}");
}
