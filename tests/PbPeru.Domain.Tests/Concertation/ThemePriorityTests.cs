using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using static PbPeru.Domain.Tests.Concertation.ProposalFixtures;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class ThemePriorityTests
{
    private static List<ThemeVote> Rankings(ConcertationSetup setup, params int[][] orders) =>
        orders.Select((order, i) => Vote(setup, ThemeBallot.Ranking(order), i == 0 ? setup.Agent : SecondAgent(setup))).ToList();

    private static List<ThemeVote> Spreads(ConcertationSetup setup, params Dictionary<int, int>[] points) =>
        points.Select((p, i) => Vote(setup, ThemeBallot.Points(p), i == 0 ? setup.Agent : SecondAgent(setup))).ToList();

    [Fact]
    public void Tally_Rankings_SumsBordaPointsAndRanksByThem()
    {
        var setup = Setup();
        var votes = Rankings(
            setup,
            [ThirdThemeId, FirstThemeId, SecondThemeId],
            [ThirdThemeId, SecondThemeId, FirstThemeId],
            [FirstThemeId, ThirdThemeId, SecondThemeId]);

        var result = ThemePriority.Tally(setup.Cycle.Themes, votes, ThemeVoteMethod.Ranking);

        Assert.Equal(3, result.Votes);
        Assert.Equal([ThirdThemeId, FirstThemeId, SecondThemeId], result.Rows.Select(r => r.ThemeId));
        Assert.Equal([5L, 3L, 1L], result.Rows.Select(r => r.Points));
        Assert.Equal([1, 2, 3], result.Rows.Select(r => r.Rank));
        Assert.Equal([3, 2, 1], result.Rows.Select(r => r.Voters));
        Assert.All(result.Rows, r => Assert.False(r.Tied));
        Assert.Equal("Infraestructura", result.Rows[0].Name);
    }

    [Fact]
    public void Tally_NormalizesPriorityFromTopOneToLastZero()
    {
        var setup = Setup();
        var votes = Rankings(
            setup,
            [ThirdThemeId, FirstThemeId, SecondThemeId],
            [ThirdThemeId, SecondThemeId, FirstThemeId],
            [FirstThemeId, ThirdThemeId, SecondThemeId]);

        var result = ThemePriority.Tally(setup.Cycle.Themes, votes, ThemeVoteMethod.Ranking);

        Assert.Equal(1m, result.PriorityOf(ThirdThemeId));
        Assert.Equal(0.5m, result.PriorityOf(FirstThemeId));
        Assert.Equal(0m, result.PriorityOf(SecondThemeId));
        Assert.Equal(3, result.Priorities.Count);
    }

    [Fact]
    public void Tally_AllThemesTied_AreRankedByTheirPositionWithPriorityOne()
    {
        var setup = Setup();
        var votes = Rankings(
            setup,
            [ThirdThemeId, SecondThemeId, FirstThemeId],
            [FirstThemeId, SecondThemeId, ThirdThemeId]);

        var result = ThemePriority.Tally(setup.Cycle.Themes, votes, ThemeVoteMethod.Ranking);

        // Opposite orders: every theme has 2 points, so the plan's order decides the ranks.
        Assert.Equal([FirstThemeId, SecondThemeId, ThirdThemeId], result.Rows.Select(r => r.ThemeId));
        Assert.Equal([1, 2, 3], result.Rows.Select(r => r.Rank));
        Assert.Equal([2L, 2L, 2L], result.Rows.Select(r => r.Points));
        Assert.All(result.Rows, r => Assert.True(r.Tied));
        Assert.All(result.Rows, r => Assert.Equal(1m, r.Priority));
    }

    [Fact]
    public void Tally_ATieForTheLead_RanksByPositionAndGivesBothPriorityOne()
    {
        var setup = PointsSetup();
        var votes = Spreads(
            setup,
            new() { [SecondThemeId] = 6, [ThirdThemeId] = 4 },
            new() { [ThirdThemeId] = 6, [SecondThemeId] = 4 });

        var result = ThemePriority.Tally(setup.Cycle.Themes, votes, ThemeVoteMethod.Points);

        Assert.Equal([SecondThemeId, ThirdThemeId, FirstThemeId], result.Rows.Select(r => r.ThemeId));
        Assert.Equal([1, 2, 3], result.Rows.Select(r => r.Rank));
        Assert.Equal([true, true, false], result.Rows.Select(r => r.Tied));
        Assert.Equal([1m, 1m, 0m], result.Rows.Select(r => r.Priority));
    }

    [Fact]
    public void Tally_Points_SumsThemAndCountsOnlyVotersWhoGaveSome()
    {
        var setup = PointsSetup();
        var votes = Spreads(
            setup,
            new() { [SecondThemeId] = 5, [ThirdThemeId] = 5 },
            new() { [ThirdThemeId] = 10 },
            new() { [FirstThemeId] = 1, [SecondThemeId] = 5, [ThirdThemeId] = 4 });

        var result = ThemePriority.Tally(setup.Cycle.Themes, votes, ThemeVoteMethod.Points);

        Assert.Equal([ThirdThemeId, SecondThemeId, FirstThemeId], result.Rows.Select(r => r.ThemeId));
        Assert.Equal([19L, 10L, 1L], result.Rows.Select(r => r.Points));
        Assert.Equal([3, 2, 1], result.Rows.Select(r => r.Voters));
        Assert.Equal(1m, result.PriorityOf(ThirdThemeId));
        Assert.Equal(0.5m, result.PriorityOf(SecondThemeId));
        Assert.Equal(0m, result.PriorityOf(FirstThemeId));
    }

    [Fact]
    public void Tally_WithoutVotes_RanksByPositionAndGivesEveryThemePriorityOne()
    {
        var setup = Setup();

        var result = ThemePriority.Tally(setup.Cycle.Themes, [], ThemeVoteMethod.Ranking);

        Assert.Equal(0, result.Votes);
        Assert.Equal([FirstThemeId, SecondThemeId, ThirdThemeId], result.Rows.Select(r => r.ThemeId));
        Assert.Equal([1, 2, 3], result.Rows.Select(r => r.Rank));
        Assert.All(result.Rows, r => Assert.Equal(0L, r.Points));
        Assert.All(result.Rows, r => Assert.Equal(1m, r.Priority));
    }

    [Fact]
    public void Tally_WithoutThemes_IsEmpty()
    {
        var result = ThemePriority.Tally([], [], ThemeVoteMethod.Points);

        Assert.Empty(result.Rows);
        Assert.Empty(result.Priorities);
    }

    [Fact]
    public void Tally_VotesOfAnotherMethod_IsAProgrammingError()
    {
        var setup = Setup();
        var votes = Rankings(setup, [FirstThemeId, SecondThemeId, ThirdThemeId]);

        Assert.Throws<ArgumentException>(() => ThemePriority.Tally(setup.Cycle.Themes, votes, ThemeVoteMethod.Points));
    }

    [Fact]
    public void PriorityOf_AThemeNotTallied_IsAProgrammingError()
    {
        var setup = Setup();
        var result = ThemePriority.Tally(setup.Cycle.Themes, [], ThemeVoteMethod.Ranking);

        Assert.Throws<ArgumentException>(() => result.PriorityOf(99));
    }

    private static ConcertationSetup PointsSetup() =>
        Setup(r => r with { ThemeVoting = ThemeVoteMethod.Points, ThemePointsPerAgent = 10 });
}
