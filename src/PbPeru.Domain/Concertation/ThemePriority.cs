using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Concertation;

/// <summary>One theme's result in the prioritization.</summary>
/// <param name="ThemeId">The theme.</param>
/// <param name="Position">The theme's position in the development plan's list.</param>
/// <param name="Name">The theme's name.</param>
/// <param name="Points">Borda points summed over the votes (ranking), or the points given (points).</param>
/// <param name="Voters">How many votes give the theme at least one point.</param>
/// <param name="Rank">1 for the top theme; themes with equal points are ordered by their position in the plan.</param>
/// <param name="Tied">Whether another theme has the same points (its rank then comes from the position alone).</param>
/// <param name="Priority">
/// Normalized priority in [0, 1]: (points − least) / (most − least), so 1 for the top theme and 0 for
/// the last; tied themes share it; every theme has 1 when there are no votes or all are tied.
/// </param>
public sealed record ThemeTally(int ThemeId, int Position, string Name, long Points, int Voters, int Rank, bool Tied, decimal Priority);

/// <summary>
/// The count of a cycle's theme prioritization, shown to all and used by the technical evaluation
/// (<see cref="ThemePriorityUse"/>). Pure: computed from the themes and the votes whenever needed.
/// </summary>
public sealed class ThemePriority
{
    private readonly Dictionary<int, ThemeTally> _byTheme;

    private ThemePriority(IReadOnlyList<ThemeTally> rows, int votes)
    {
        Rows = rows;
        Votes = votes;
        _byTheme = rows.ToDictionary(r => r.ThemeId);
    }

    /// <summary>One row per theme, by rank.</summary>
    public IReadOnlyList<ThemeTally> Rows { get; }

    /// <summary>How many votes were counted.</summary>
    public int Votes { get; }

    /// <summary>The normalized priority of each theme, by theme id.</summary>
    public IReadOnlyDictionary<int, decimal> Priorities => _byTheme.ToDictionary(p => p.Key, p => p.Value.Priority);

    /// <summary>The normalized priority of a theme of the cycle, in [0, 1].</summary>
    public decimal PriorityOf(int themeId) => _byTheme.TryGetValue(themeId, out var row)
        ? row.Priority
        : throw new ArgumentException($"Theme {themeId} is not one of the tallied themes.", nameof(themeId));

    /// <summary>
    /// Counts <paramref name="votes"/> cast with <paramref name="method"/> (the cycle's, frozen from
    /// Concertation, so every vote has it). Entries for themes not in <paramref name="themes"/> are ignored.
    /// </summary>
    public static ThemePriority Tally(IReadOnlyList<Theme> themes, IEnumerable<ThemeVote> votes, ThemeVoteMethod method)
    {
        var counted = votes.ToList();
        if (counted.Any(v => v.Method != method))
        {
            throw new ArgumentException("Every vote must be cast with the tallied method.", nameof(votes));
        }

        var totals = themes.ToDictionary(t => t.Id, _ => (Points: 0L, Voters: 0));
        foreach (var entry in counted.SelectMany(v => v.Entries))
        {
            if (totals.TryGetValue(entry.ThemeId, out var total))
            {
                totals[entry.ThemeId] = (total.Points + entry.Points, total.Voters + (entry.Points > 0 ? 1 : 0));
            }
        }

        var most = totals.Count == 0 ? 0 : totals.Values.Max(t => t.Points);
        var least = totals.Count == 0 ? 0 : totals.Values.Min(t => t.Points);
        var rows = themes
            .OrderByDescending(t => totals[t.Id].Points)
            .ThenBy(t => t.Position)
            .ThenBy(t => t.Id)
            .Select((t, i) =>
            {
                var points = totals[t.Id].Points;
                return new ThemeTally(
                    t.Id,
                    t.Position,
                    t.Name,
                    points,
                    totals[t.Id].Voters,
                    Rank: i + 1,
                    Tied: totals.Count(x => x.Value.Points == points) > 1,
                    Priority: most == least ? 1m : (decimal)(points - least) / (most - least));
            })
            .ToList();
        return new ThemePriority(rows, counted.Count);
    }
}
