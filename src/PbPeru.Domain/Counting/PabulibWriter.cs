namespace PbPeru.Domain.Counting;

/// <summary>Writes META, PROJECTS and VOTES back in the pabulib <c>.pb</c> format.</summary>
public static class PabulibWriter
{
    public static string Write(PabulibFile file)
    {
        using var writer = new StringWriter();
        Write(file, writer);
        return writer.ToString();
    }

    public static void Write(PabulibFile file, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("META\n");
        WriteRow(writer, ["key", "value"]);
        foreach (var pair in file.Meta)
        {
            WriteRow(writer, [pair.Key, pair.Value]);
        }

        writer.Write("PROJECTS\n");
        WriteRow(writer, file.ProjectColumns);
        foreach (var project in file.Projects)
        {
            WriteRow(writer, [.. file.ProjectColumns.Select((column, i) => i == 0 ? project.Id : project.Fields.GetValueOrDefault(column, ""))]);
        }

        writer.Write("VOTES\n");
        WriteRow(writer, file.VoteColumns);
        foreach (var vote in file.Votes)
        {
            WriteRow(writer, [.. file.VoteColumns.Select((column, i) => i == 0 ? vote.VoterId : VoteField(vote, column))]);
        }
    }

    private static string VoteField(PabulibVote vote, string column) =>
        column.ToLowerInvariant() switch
        {
            "vote" => string.Join(",", vote.ProjectIds),
            "points" when vote.Points is { } points => string.Join(",", points),
            _ => vote.Fields.GetValueOrDefault(column, ""),
        };

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> fields)
    {
        writer.Write(string.Join(";", fields.Select(Quote)));
        writer.Write('\n');
    }

    private static string Quote(string field) =>
        field.Contains(';') || field.Contains('"') || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"") + "\""
            : field;
}
