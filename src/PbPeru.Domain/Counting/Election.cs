namespace PbPeru.Domain.Counting;

/// <summary>A project to count: its id and its whole cost.</summary>
public sealed record ElectionProject(string Id, long Cost);

/// <summary>One voter's ballot: the projects it names and, for cumulative or ranking ballots, their points.</summary>
public sealed record Ballot(IReadOnlyList<string> ProjectIds, IReadOnlyList<long>? Points = null)
{
    public static Ballot Approval(IReadOnlyList<string> projectIds) => new(projectIds);

    public static Ballot Approval(params string[] projectIds) => new(projectIds);
}

/// <summary>What a count works on: the budget, the projects and every ballot, empty ones included.</summary>
public sealed class Election
{
    public Election(long budget, IReadOnlyList<ElectionProject> projects, IReadOnlyList<Ballot> ballots)
    {
        Budget = budget;
        Projects = projects;
        Ballots = ballots;
        var index = projects.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        Support = new long[projects.Count];
        ApprovalSets = new int[ballots.Count][];
        for (var v = 0; v < ballots.Count; v++)
        {
            var ballot = ballots[v];
            ApprovalSets[v] = [.. ballot.ProjectIds.Select(id => index[id]).Distinct().Order()];
            for (var j = 0; j < ballot.ProjectIds.Count; j++)
            {
                Support[index[ballot.ProjectIds[j]]] += ballot.Points is { } points ? points[j] : 1;
            }
        }
    }

    private IReadOnlyList<(int[] Projects, long Count)>? _groups;

    public long Budget { get; }

    public IReadOnlyList<ElectionProject> Projects { get; }

    public IReadOnlyList<Ballot> Ballots { get; }

    /// <summary>Per project (same order as <see cref="Projects"/>): approvals, or total points.</summary>
    internal long[] Support { get; }

    /// <summary>Per ballot: the indices of the projects it names, ascending.</summary>
    internal int[][] ApprovalSets { get; }

    /// <summary>Non-empty ballots grouped by the set they approve, with how many voters cast each.</summary>
    internal IReadOnlyList<(int[] Projects, long Count)> BallotGroups => _groups ??= [.. ApprovalSets
        .Where(set => set.Length > 0)
        .GroupBy(set => string.Join(",", set))
        .Select(g => (g.First(), (long)g.Count()))];

    public long SupportOf(string projectId) =>
        Support[Projects.Select((p, i) => (p, i)).Single(x => x.p.Id == projectId).i];
}
