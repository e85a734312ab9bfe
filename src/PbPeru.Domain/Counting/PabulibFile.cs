namespace PbPeru.Domain.Counting;

/// <summary>One project row: its id (first column), its cost, and every column as read.</summary>
public sealed record PabulibProject(string Id, long Cost, IReadOnlyDictionary<string, string> Fields);

/// <summary>One ballot row: the ids it names (rank order for ordinal ballots) and, where present, its points.</summary>
public sealed record PabulibVote(
    string VoterId,
    IReadOnlyList<string> ProjectIds,
    IReadOnlyList<long>? Points,
    IReadOnlyDictionary<string, string> Fields);

/// <summary>A participatory-budgeting election in the pabulib <c>.pb</c> format.</summary>
public sealed record PabulibFile(
    IReadOnlyList<KeyValuePair<string, string>> Meta,
    IReadOnlyList<string> ProjectColumns,
    IReadOnlyList<PabulibProject> Projects,
    IReadOnlyList<string> VoteColumns,
    IReadOnlyList<PabulibVote> Votes)
{
    public string? MetaValue(string key) =>
        Meta.Where(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair.Value)
            .FirstOrDefault();

    /// <summary>The META <c>budget</c>, rounded down to a whole unit (costs are whole units).</summary>
    public long Budget => (long)decimal.Floor(PabulibReader.ParseNumber(MetaValue("budget") ?? "0"));

    /// <summary>The META <c>vote_type</c>; choose-1 reads as approval.</summary>
    public string VoteType
    {
        get
        {
            var type = (MetaValue("vote_type") ?? "approval").Trim().ToLowerInvariant();
            return type == "choose-1" ? "approval" : type;
        }
    }

    public long? Threshold =>
        MetaValue("min_project_score_threshold") is { Length: > 0 } value
            ? (long)decimal.Ceiling(PabulibReader.ParseNumber(value))
            : null;

    /// <summary>
    /// The election to count: approval ballots stay approvals; cumulative and scoring ballots
    /// carry their points; ordinal ballots without points give k points to the first of k down to 1.
    /// </summary>
    public Election ToElection()
    {
        var projects = Projects.Select(p => new ElectionProject(p.Id, p.Cost)).ToList();
        var ballots = Votes.Select(v => ToBallot(v)).ToList();
        return new Election(Budget, projects, ballots);
    }

    private Ballot ToBallot(PabulibVote vote)
    {
        if (VoteType == "approval")
        {
            return Ballot.Approval(vote.ProjectIds);
        }

        if (vote.Points is { } points)
        {
            return new Ballot(vote.ProjectIds, points);
        }

        if (VoteType == "ordinal")
        {
            var k = vote.ProjectIds.Count;
            return new Ballot(vote.ProjectIds, [.. Enumerable.Range(0, k).Select(i => (long)(k - i))]);
        }

        return Ballot.Approval(vote.ProjectIds);
    }
}
