using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Concertation;

/// <summary>
/// What an agent says about the themes: a full order of the cycle's themes (first = most important),
/// or points per theme, as the cycle's <see cref="ProposalRules.ThemeVoting"/> says.
/// </summary>
public sealed record ThemeBallot
{
    private ThemeBallot(ThemeVoteMethod method, IReadOnlyList<int> order, IReadOnlyDictionary<int, int> points)
    {
        Method = method;
        Order = order;
        PointsByTheme = points;
    }

    public ThemeVoteMethod Method { get; }

    /// <summary>The theme ids, most important first (ranking ballots).</summary>
    public IReadOnlyList<int> Order { get; }

    /// <summary>Points by theme id (points ballots).</summary>
    public IReadOnlyDictionary<int, int> PointsByTheme { get; }

    public static ThemeBallot Ranking(IReadOnlyList<int> themeIdsMostImportantFirst) =>
        new(ThemeVoteMethod.Ranking, themeIdsMostImportantFirst, new Dictionary<int, int>());

    public static ThemeBallot Points(IReadOnlyDictionary<int, int> pointsByThemeId) =>
        new(ThemeVoteMethod.Points, [], pointsByThemeId);
}

/// <summary>
/// An accredited agent's theme prioritization in a cycle: one per agent (the caller changes the
/// existing vote rather than casting a second; a unique index on cycle and agent is the last line).
/// Cast and changed only in Concertation, on the days of the calendar's theme prioritization step
/// when it is dated. Each entry keeps the points the theme gets from this vote: Borda points for a
/// ranking (n − 1 for the first of n themes … 0 for the last), the given points otherwise.
/// </summary>
/// <remarks>
/// Suplentes vote as titulars do: the workshop is of all accredited agents. The training rule is the
/// final vote's and does not apply here. That the acting user is the agent's account is the web's check.
/// </remarks>
public sealed class ThemeVote
{
    private readonly List<ThemeVoteEntry> _entries = [];

    private ThemeVote()
    {
    }

    public int Id { get; private set; }

    public int CycleId { get; private set; }

    public int AgentId { get; private set; }

    public ThemeVoteMethod Method { get; private set; }

    public DateTimeOffset CastAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ThemeVoteEntry> Entries => _entries.OrderBy(e => e.Rank ?? 0).ThenByDescending(e => e.Points).ThenBy(e => e.ThemeId).ToList();

    /// <summary>The theme ids in the agent's order (ranking votes; empty for points votes).</summary>
    public IReadOnlyList<int> Ranking => _entries.Where(e => e.Rank is not null).OrderBy(e => e.Rank).Select(e => e.ThemeId).ToList();

    /// <summary>The points this vote gives each theme (Borda points for a ranking).</summary>
    public IReadOnlyDictionary<int, int> Points => _entries.ToDictionary(e => e.ThemeId, e => e.Points);

    public static ThemeVote Cast(Cycle cycle, Agent agent, ThemeBallot ballot, DateOnly today, DateTimeOffset now)
    {
        EnsureMayVote(cycle, agent, today);
        var vote = new ThemeVote
        {
            CycleId = cycle.Id,
            AgentId = agent.Id,
            CastAt = now.ToUniversalTime(),
        };
        vote.Apply(cycle, ballot, now);
        return vote;
    }

    /// <summary>Replaces the agent's vote with a new ballot, while the prioritization is open.</summary>
    public void Change(Cycle cycle, Agent agent, ThemeBallot ballot, DateOnly today, DateTimeOffset now)
    {
        if (cycle.Id != CycleId)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        if (agent.Id != AgentId)
        {
            throw new DomainException(Messages.ThemeVoteNotOwn.Format());
        }

        EnsureMayVote(cycle, agent, today);
        Apply(cycle, ballot, now);
    }

    /// <summary>Every problem with <paramref name="ballot"/> under the cycle's rules; empty when it may be cast.</summary>
    public static IReadOnlyList<string> Problems(Cycle cycle, ThemeBallot ballot)
    {
        var method = cycle.ProposalRules.ThemeVoting;
        if (ballot.Method != method)
        {
            return [method == ThemeVoteMethod.Ranking ? Messages.ThemeVoteMustRank.Format() : Messages.ThemeVoteMustSpreadPoints.Format(cycle.ProposalRules.ThemePointsPerAgent)];
        }

        var themeIds = cycle.Themes.Select(t => t.Id).ToHashSet();
        var problems = new List<string>();
        if (method == ThemeVoteMethod.Ranking)
        {
            if (ballot.Order.Count != themeIds.Count || ballot.Order.Distinct().Count() != ballot.Order.Count || !ballot.Order.All(themeIds.Contains))
            {
                problems.Add(Messages.ThemeRankingIncomplete.Format(themeIds.Count));
            }

            return problems;
        }

        if (!ballot.PointsByTheme.Keys.All(themeIds.Contains))
        {
            problems.Add(Messages.ThemePointsUnknownTheme.Format());
        }

        if (ballot.PointsByTheme.Values.Any(p => p < 0))
        {
            problems.Add(Messages.ThemePointsNegative.Format());
        }

        var total = ballot.PointsByTheme.Values.Sum(p => (long)p);
        if (total != cycle.ProposalRules.ThemePointsPerAgent)
        {
            problems.Add(Messages.ThemePointsNotSumming.Format(total, cycle.ProposalRules.ThemePointsPerAgent));
        }

        return problems;
    }

    private static void EnsureMayVote(Cycle cycle, Agent agent, DateOnly today)
    {
        if (agent.CycleId != cycle.Id)
        {
            throw new DomainException(Messages.WrongCycle.Format());
        }

        if (!agent.IsAccredited)
        {
            throw new DomainException(Messages.ThemeVoteAgentNotAccredited.Format());
        }

        ConcertationWindow.Ensure(cycle, CalendarStep.ThemePrioritization, today);
    }

    private void Apply(Cycle cycle, ThemeBallot ballot, DateTimeOffset now)
    {
        var problems = Problems(cycle, ballot);
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }

        _entries.Clear();
        if (ballot.Method == ThemeVoteMethod.Ranking)
        {
            var n = ballot.Order.Count;
            _entries.AddRange(ballot.Order.Select((themeId, i) => new ThemeVoteEntry(themeId, i + 1, n - 1 - i)));
        }
        else
        {
            // Themes given no points are kept with zero, so the vote says the agent saw them.
            _entries.AddRange(cycle.Themes.Select(t => new ThemeVoteEntry(t.Id, null, ballot.PointsByTheme.GetValueOrDefault(t.Id))));
        }

        Method = ballot.Method;
        UpdatedAt = now.ToUniversalTime();
    }
}

/// <summary>What one vote gives one theme.</summary>
public sealed class ThemeVoteEntry
{
    private ThemeVoteEntry()
    {
    }

    internal ThemeVoteEntry(int themeId, int? rank, int points)
    {
        ThemeId = themeId;
        Rank = rank;
        Points = points;
    }

    public int Id { get; private set; }

    public int ThemeId { get; private set; }

    /// <summary>The theme's place in a ranking vote (1 = first); none in a points vote.</summary>
    public int? Rank { get; private set; }

    /// <summary>The points the theme gets from this vote: Borda points for a ranking, the given points otherwise.</summary>
    public int Points { get; private set; }
}
