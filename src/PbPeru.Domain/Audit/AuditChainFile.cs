using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PbPeru.Domain.Common;

namespace PbPeru.Domain.Audit;

/// <summary>A file that cannot be read as an exported chain; the message says where and why.</summary>
public sealed class AuditFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>An exported chain as read back: its name, the head the store recorded, its lines in file order.</summary>
public sealed record AuditChainExport(string Chain, AuditHead? RecordedHead, IReadOnlyList<AuditEntry> Entries);

/// <summary>
/// The JSON a chain is exported as, which the command-line verifier reads:
/// <code>
/// { "format": "pbperu-audit-chain/1", "chain": "cycle:12",
///   "head": { "sequence": 42, "hash": "…" },
///   "entries": [ { "sequence": 1, "at": "2026-01-02T03:04:05.006Z", "actor": "…", "action": "phase.moved",
///                  "subject": "cycle:12", "detail": "…", "previousHash": "…", "hash": "…" }, … ] }
/// </code>
/// Every field of a line is there, so anyone can recompute its hash (<see cref="AuditHash"/>).
/// </summary>
public static class AuditChainFile
{
    public const string Format = "pbperu-audit-chain/1";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream output, string chain, AuditHead head, IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(entries);
        using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("chain", chain);
        json.WriteStartObject("head");
        json.WriteNumber("sequence", head.Sequence);
        json.WriteString("hash", head.Hash);
        json.WriteEndObject();
        json.WriteStartArray("entries");
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", entry.Sequence);
            json.WriteString("at", AuditHash.FormatTime(entry.At));
            json.WriteString("actor", entry.Actor);
            json.WriteString("action", entry.Action);
            json.WriteString("subject", entry.Subject);
            json.WriteString("detail", entry.Detail);
            json.WriteString("previousHash", entry.PreviousHash);
            json.WriteString("hash", entry.Hash);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <exception cref="AuditFileException">Not JSON, not this format, or a line lacks a field.</exception>
    public static AuditChainExport Read(Stream input)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input);
        }
        catch (JsonException e)
        {
            throw new AuditFileException(Messages.AuditFileNotJson.Format(e.Message), e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "format") != Format)
            {
                throw new AuditFileException(Messages.AuditFileWrongFormat.Format(Format));
            }

            var chain = String(root, "chain") ?? throw new AuditFileException(Messages.AuditFileMissing.Format("chain"));
            AuditHead? head = null;
            if (root.TryGetProperty("head", out var headElement) && headElement.ValueKind == JsonValueKind.Object)
            {
                head = new AuditHead(chain, Number(headElement, "sequence", "head"), Required(headElement, "hash", "head"));
            }

            if (!root.TryGetProperty("entries", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new AuditFileException(Messages.AuditFileMissing.Format("entries"));
            }

            var entries = new List<AuditEntry>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"entries[{index++}]");
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new AuditFileException(Messages.AuditFileMissing.Format(where));
                }

                var at = Required(item, "at", where);
                if (!DateTimeOffset.TryParseExact(at, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    throw new AuditFileException(Messages.AuditFileBadTime.Format($"{where}.at", at));
                }

                entries.Add(AuditEntry.Restore(
                    chain,
                    Number(item, "sequence", where),
                    time,
                    Required(item, "actor", where),
                    Required(item, "action", where),
                    Required(item, "subject", where),
                    Required(item, "detail", where),
                    Required(item, "previousHash", where),
                    Required(item, "hash", where)));
            }

            return new AuditChainExport(chain, head, entries);
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Required(JsonElement element, string name, string where) =>
        String(element, name) ?? throw new AuditFileException(Messages.AuditFileMissing.Format($"{where}.{name}"));

    private static long Number(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new AuditFileException(Messages.AuditFileMissing.Format($"{where}.{name}"));
}
