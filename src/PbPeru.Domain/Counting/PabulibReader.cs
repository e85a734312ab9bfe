using System.Globalization;
using System.Text;
using PbPeru.Domain.Common;

namespace PbPeru.Domain.Counting;

/// <summary>
/// Reads the pabulib <c>.pb</c> format with its quirks: a byte-order mark, section names in any
/// case, quoted fields with <c>""</c>, trimmed fields, blank lines, and <c>,</c> as decimal separator.
/// </summary>
public static class PabulibReader
{
    private enum Section
    {
        None,
        Meta,
        Projects,
        Votes,
    }

    public static PabulibFile Parse(string text) => Parse(new StringReader(text));

    public static PabulibFile Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var meta = new List<KeyValuePair<string, string>>();
        var metaLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var projects = new List<PabulibProject>();
        var votes = new List<(int Line, string VoterId, List<string> Ids, List<long>? Points, Dictionary<string, string> Fields)>();
        var projectIds = new HashSet<string>(StringComparer.Ordinal);
        string[]? projectColumns = null;
        string[]? voteColumns = null;
        var seen = new HashSet<Section>();
        var section = Section.None;
        var expectHeader = false;
        var lineNumber = 0;

        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = lineNumber == 1 ? raw.TrimStart('\uFEFF') : raw;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var heading = line.Trim().ToUpperInvariant() switch
            {
                "META" => Section.Meta,
                "PROJECTS" => Section.Projects,
                "VOTES" => Section.Votes,
                _ => Section.None,
            };
            if (heading != Section.None)
            {
                section = heading;
                seen.Add(section);
                expectHeader = true;
                continue;
            }

            var fields = SplitFields(line, lineNumber);
            if (section == Section.None)
            {
                throw new PabulibFormatException(lineNumber, Messages.PabulibOutsideSection.Format());
            }

            if (expectHeader)
            {
                expectHeader = false;
                if (section == Section.Projects)
                {
                    projectColumns = fields;
                    RequireColumn(projectColumns, "cost", "PROJECTS", lineNumber);
                }
                else if (section == Section.Votes)
                {
                    voteColumns = fields;
                    RequireColumn(voteColumns, "vote", "VOTES", lineNumber);
                }

                continue;
            }

            switch (section)
            {
                case Section.Meta:
                    if (fields.Length < 2)
                    {
                        throw new PabulibFormatException(lineNumber, Messages.PabulibMetaPair.Format());
                    }

                    meta.Add(new(fields[0], string.Join(";", fields.Skip(1))));
                    metaLines.TryAdd(fields[0], lineNumber);
                    break;
                case Section.Projects:
                    var project = ReadProject(projectColumns!, fields, lineNumber);
                    if (!projectIds.Add(project.Id))
                    {
                        throw new PabulibFormatException(lineNumber, Messages.PabulibDuplicateProject.Format(project.Id));
                    }

                    projects.Add(project);
                    break;
                default:
                    var row = Row(voteColumns!, fields, lineNumber);
                    var ids = SplitList(row["vote"]);
                    List<long>? points = null;
                    if (row.TryGetValue("points", out var pointsText))
                    {
                        points = [.. SplitList(pointsText).Select(p => (long)ParseNumber(p, "points", lineNumber))];
                        if (points.Count != ids.Count)
                        {
                            throw new PabulibFormatException(lineNumber, Messages.PabulibPointsMismatch.Format(ids.Count, points.Count));
                        }
                    }

                    votes.Add((lineNumber, fields[0], ids, points, row));
                    break;
            }
        }

        foreach (var (required, name) in new[] { (Section.Meta, "META"), (Section.Projects, "PROJECTS"), (Section.Votes, "VOTES") })
        {
            if (!seen.Contains(required))
            {
                throw new PabulibFormatException(lineNumber, Messages.PabulibMissingSection.Format(name));
            }
        }

        var limits = BallotLimits.Read(meta, metaLines);
        foreach (var vote in votes)
        {
            if (vote.Ids.FirstOrDefault(id => !projectIds.Contains(id)) is { } unknown)
            {
                throw new PabulibFormatException(vote.Line, Messages.PabulibUnknownProject.Format(unknown));
            }

            limits.Check(vote.Line, vote.Ids.Count, vote.Points);
        }

        return new PabulibFile(
            meta,
            projectColumns ?? [],
            projects,
            voteColumns ?? [],
            [.. votes.Select(v => new PabulibVote(v.VoterId, v.Ids, v.Points, v.Fields))]);
    }

    /// <summary>
    /// The ballot sizes META allows: <c>min_length</c> and <c>max_length</c> (projects on a vote)
    /// and <c>max_sum_points</c>. A vote that breaks them makes the file unreadable: the count
    /// would rest on ballots the city's own rules did not allow. All 13 reference files keep
    /// their own limits, so the check applies to every file.
    /// <para>
    /// An empty vote is allowed whatever <c>min_length</c> says: it is a voter who chose nothing
    /// (pabulib counts it in n, and MES gives it a share of the budget), not a malformed ballot;
    /// none of the 13 reference files has one, so no file decides otherwise.
    /// </para>
    /// </summary>
    private sealed record BallotLimits(decimal? MinLength, decimal? MaxLength, decimal? MaxSumPoints)
    {
        public static BallotLimits Read(List<KeyValuePair<string, string>> meta, Dictionary<string, int> lines)
        {
            decimal? Limit(string key)
            {
                var value = meta.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
                return string.IsNullOrWhiteSpace(value) ? null : ParseNumber(value, key, lines[key]);
            }

            return new(Limit("min_length"), Limit("max_length"), Limit("max_sum_points"));
        }

        public void Check(int line, int length, IReadOnlyList<long>? points)
        {
            if (length > 0 && length < MinLength)
            {
                throw new PabulibFormatException(line, Messages.PabulibTooFewProjects.Format(length, MinLength));
            }

            if (length > MaxLength)
            {
                throw new PabulibFormatException(line, Messages.PabulibTooManyProjects.Format(length, MaxLength));
            }

            if (points is not null && MaxSumPoints is { } maxSum && points.Sum() is var sum && sum > maxSum)
            {
                throw new PabulibFormatException(line, Messages.PabulibTooManyPoints.Format(sum, maxSum));
            }
        }
    }

    /// <summary>A number as pabulib writes it: <c>.</c> or <c>,</c> as decimal separator.</summary>
    public static decimal ParseNumber(string text) =>
        decimal.Parse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);

    private static decimal ParseNumber(string text, string what, int lineNumber) =>
        decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PabulibFormatException(lineNumber, Messages.PabulibNotANumber.Format(text, what));

    private static PabulibProject ReadProject(string[] columns, string[] fields, int lineNumber)
    {
        var row = Row(columns, fields, lineNumber);
        var costText = row["cost"];
        var cost = ParseNumber(costText, "cost", lineNumber);
        if (cost != decimal.Truncate(cost))
        {
            throw new PabulibFormatException(lineNumber, Messages.PabulibNotWhole.Format(costText));
        }

        return new PabulibProject(fields[0], (long)cost, row);
    }

    private static Dictionary<string, string> Row(string[] columns, string[] fields, int lineNumber)
    {
        if (fields.Length != columns.Length)
        {
            throw new PabulibFormatException(lineNumber, Messages.PabulibFieldCount.Format(columns.Length, fields.Length));
        }

        var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Length; i++)
        {
            row[columns[i]] = fields[i];
        }

        return row;
    }

    private static void RequireColumn(string[] columns, string column, string section, int lineNumber)
    {
        if (!columns.Contains(column, StringComparer.OrdinalIgnoreCase))
        {
            throw new PabulibFormatException(lineNumber, Messages.PabulibMissingColumn.Format(column, section));
        }
    }

    private static List<string> SplitList(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string[] SplitFields(string line, int lineNumber)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new PabulibFormatException(lineNumber, Messages.PabulibUnclosedQuote.Format());
        }

        fields.Add(current.ToString().Trim());
        return [.. fields];
    }
}
