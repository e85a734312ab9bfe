namespace PbPeru.Domain.Counting;

public enum TieBreak
{
    LowerCost,
    HigherCost,
    MoreSupport,
    LessSupport,
    ProjectId,
}

/// <summary>
/// How projects that a rule rates the same are ordered. The project id (ordinal) always ends the
/// order, so every tie is decided.
/// </summary>
public sealed record TieOrder(IReadOnlyList<TieBreak> Steps)
{
    /// <summary>Lower cost first, then more support, then the project id.</summary>
    public static TieOrder Default { get; } = new([TieBreak.LowerCost, TieBreak.MoreSupport, TieBreak.ProjectId]);

    internal int Compare(Election election, int a, int b)
    {
        var pa = election.Projects[a];
        var pb = election.Projects[b];
        foreach (var step in Steps)
        {
            var result = step switch
            {
                TieBreak.LowerCost => pa.Cost.CompareTo(pb.Cost),
                TieBreak.HigherCost => pb.Cost.CompareTo(pa.Cost),
                TieBreak.MoreSupport => election.Support[b].CompareTo(election.Support[a]),
                TieBreak.LessSupport => election.Support[a].CompareTo(election.Support[b]),
                _ => string.CompareOrdinal(pa.Id, pb.Id),
            };
            if (result != 0)
            {
                return result;
            }
        }

        return string.CompareOrdinal(pa.Id, pb.Id);
    }
}
