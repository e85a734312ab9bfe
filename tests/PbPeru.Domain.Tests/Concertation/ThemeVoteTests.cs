using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Tests.Preparation;
using static PbPeru.Domain.Tests.Concertation.ProposalFixtures;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class ThemeVoteTests
{
    private static ConcertationSetup PointsCycle(int points = 10) =>
        Setup(r => r with { ThemeVoting = ThemeVoteMethod.Points, ThemePointsPerAgent = points });

    [Fact]
    public void Cast_AFullRanking_GivesBordaPoints()
    {
        var setup = Setup();

        var vote = ThemeVote.Cast(setup.Cycle, setup.Agent, ThemeBallot.Ranking([ThirdThemeId, FirstThemeId, SecondThemeId]), PrioritizationDay, Now);

        Assert.Equal(setup.Cycle.Id, vote.CycleId);
        Assert.Equal(setup.Agent.Id, vote.AgentId);
        Assert.Equal(ThemeVoteMethod.Ranking, vote.Method);
        Assert.Equal([ThirdThemeId, FirstThemeId, SecondThemeId], vote.Ranking);
        Assert.Equal(2, vote.Points[ThirdThemeId]);
        Assert.Equal(1, vote.Points[FirstThemeId]);
        Assert.Equal(0, vote.Points[SecondThemeId]);
        Assert.Equal(Now, vote.CastAt);
        Assert.Equal(TimeSpan.Zero, vote.CastAt.Offset);
    }

    public static TheoryData<int[]> IncompleteRankings => new()
    {
        new[] { FirstThemeId, SecondThemeId },
        new[] { FirstThemeId, SecondThemeId, SecondThemeId },
        new[] { FirstThemeId, SecondThemeId, ThirdThemeId, 99 },
        new[] { FirstThemeId, SecondThemeId, 99 },
        Array.Empty<int>(),
    };

    [Theory]
    [MemberData(nameof(IncompleteRankings))]
    public void Cast_ARankingThatIsNotAFullOrderOfTheThemes_IsRefused(int[] order)
    {
        var setup = Setup();

        var error = Assert.Throws<DomainException>(() => Vote(setup, ThemeBallot.Ranking(order)));

        Assert.Equal([Messages.ThemeRankingIncomplete.Format(3)], error.Reasons);
    }

    [Fact]
    public void Cast_PointsSummingExactly_KeepsThemAndZeroForTheRest()
    {
        var setup = PointsCycle();

        var vote = Vote(setup, ThemeBallot.Points(new Dictionary<int, int> { [FirstThemeId] = 7, [ThirdThemeId] = 3 }));

        Assert.Equal(ThemeVoteMethod.Points, vote.Method);
        Assert.Empty(vote.Ranking);
        Assert.Equal(new Dictionary<int, int> { [FirstThemeId] = 7, [SecondThemeId] = 0, [ThirdThemeId] = 3 }, vote.Points);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    public void Cast_PointsNotSummingToTheCyclesPoints_IsRefusedGivingBoth(int first)
    {
        var setup = PointsCycle();

        var error = Assert.Throws<DomainException>(() => Vote(setup, ThemeBallot.Points(new Dictionary<int, int> { [FirstThemeId] = first })));

        Assert.Equal([Messages.ThemePointsNotSumming.Format((long)first, 10)], error.Reasons);
    }

    [Fact]
    public void Cast_NegativePoints_IsRefusedEvenWhenTheSumIsRight()
    {
        var setup = PointsCycle();

        var error = Assert.Throws<DomainException>(() => Vote(setup, ThemeBallot.Points(new Dictionary<int, int> { [FirstThemeId] = 12, [SecondThemeId] = -2 })));

        Assert.Equal([Messages.ThemePointsNegative.Format()], error.Reasons);
    }

    [Fact]
    public void Cast_PointsToAThemeNotOfTheCycle_IsRefused()
    {
        var setup = PointsCycle();

        var error = Assert.Throws<DomainException>(() => Vote(setup, ThemeBallot.Points(new Dictionary<int, int> { [FirstThemeId] = 5, [99] = 5 })));

        Assert.Equal([Messages.ThemePointsUnknownTheme.Format()], error.Reasons);
    }

    [Fact]
    public void Cast_ARankingWhereTheCycleSpreadsPoints_IsRefusedSayingHow()
    {
        var setup = PointsCycle(points: 12);

        var error = Assert.Throws<DomainException>(() => Vote(setup, ThemeBallot.Ranking([FirstThemeId, SecondThemeId, ThirdThemeId])));

        Assert.Equal([Messages.ThemeVoteMustSpreadPoints.Format(12)], error.Reasons);
    }

    [Fact]
    public void Cast_PointsWhereTheCycleRanks_IsRefusedSayingHow()
    {
        var setup = Setup();

        var error = Assert.Throws<DomainException>(() => Vote(setup, ThemeBallot.Points(new Dictionary<int, int> { [FirstThemeId] = 10 })));

        Assert.Equal([Messages.ThemeVoteMustRank.Format()], error.Reasons);
    }

    [Fact]
    public void Cast_ByAnAgentNotAccredited_IsRefused()
    {
        var setup = Setup();
        typeof(Agent).GetProperty(nameof(Agent.IsAccredited))!.SetValue(setup.Agent, false);

        var error = Assert.Throws<DomainException>(() => Vote(setup, ThemeBallot.Ranking([FirstThemeId, SecondThemeId, ThirdThemeId])));

        Assert.Equal(Messages.ThemeVoteAgentNotAccredited.Format(), error.Message);
    }

    [Fact]
    public void Cast_ByAnAgentOfAnotherCycle_IsRefused()
    {
        var setup = Setup();
        var other = Setup();
        Registrations.WithId(other.Cycle, 2);

        var error = Assert.Throws<DomainException>(() => ThemeVote.Cast(other.Cycle, setup.Agent, ThemeBallot.Ranking([FirstThemeId, SecondThemeId, ThirdThemeId]), PrioritizationDay, Now));

        Assert.Equal(Messages.WrongCycle.Format(), error.Message);
    }

    [Theory]
    [InlineData("2025-04-11")]
    [InlineData("2025-04-13")]
    public void Cast_OutsideThePrioritizationDay_IsRefusedGivingTheDates(string day)
    {
        var setup = Setup();
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<DomainException>(() => ThemeVote.Cast(setup.Cycle, setup.Agent, ThemeBallot.Ranking([FirstThemeId, SecondThemeId, ThirdThemeId]), today, Now));

        var date = PrioritizationDay.ToString("d", System.Globalization.CultureInfo.CurrentCulture);
        Assert.Equal(Messages.ThemePrioritizationClosed.Format(date, date), error.Message);
    }

    [Fact]
    public void Cast_WhenTheCalendarDoesNotDatePrioritization_IsAcceptedAnyDayOfConcertation()
    {
        var setup = Setup(calendar: CalendarWithout(CalendarStep.ThemePrioritization));

        var vote = ThemeVote.Cast(setup.Cycle, setup.Agent, ThemeBallot.Ranking([FirstThemeId, SecondThemeId, ThirdThemeId]), AfterSubmission, Now);

        Assert.Equal(3, vote.Ranking.Count);
    }

    [Fact]
    public void Cast_OutsideConcertation_IsRefused()
    {
        var setup = Setup();
        setup.Cycle.AdvanceTo(Phase.Coordination, setup.Manager, TestCycles.AllGatesHold, Now.AddDays(50));

        var error = Assert.Throws<DomainException>(() => Vote(setup, ThemeBallot.Ranking([FirstThemeId, SecondThemeId, ThirdThemeId])));

        Assert.Equal(Messages.NotInConcertation.Format(), error.Message);
    }

    [Fact]
    public void Change_InTheWindow_ReplacesTheVote()
    {
        var setup = Setup();
        var vote = Vote(setup, ThemeBallot.Ranking([FirstThemeId, SecondThemeId, ThirdThemeId]));

        vote.Change(setup.Cycle, setup.Agent, ThemeBallot.Ranking([SecondThemeId, ThirdThemeId, FirstThemeId]), PrioritizationDay, Now.AddHours(1));

        Assert.Equal([SecondThemeId, ThirdThemeId, FirstThemeId], vote.Ranking);
        Assert.Equal(3, vote.Entries.Count);
        Assert.Equal(Now, vote.CastAt);
        Assert.Equal(Now.AddHours(1), vote.UpdatedAt);
    }

    [Fact]
    public void Change_AfterTheWindow_IsRefusedAndTheVoteStays()
    {
        var setup = Setup();
        var vote = Vote(setup, ThemeBallot.Ranking([FirstThemeId, SecondThemeId, ThirdThemeId]));

        Assert.Throws<DomainException>(() => vote.Change(setup.Cycle, setup.Agent, ThemeBallot.Ranking([SecondThemeId, ThirdThemeId, FirstThemeId]), PrioritizationDay.AddDays(1), Now));

        Assert.Equal([FirstThemeId, SecondThemeId, ThirdThemeId], vote.Ranking);
    }

    [Fact]
    public void Change_ByAnotherAgent_IsRefused()
    {
        var setup = Setup();
        var vote = Vote(setup, ThemeBallot.Ranking([FirstThemeId, SecondThemeId, ThirdThemeId]));

        var error = Assert.Throws<DomainException>(() => vote.Change(setup.Cycle, SecondAgent(setup), ThemeBallot.Ranking([SecondThemeId, ThirdThemeId, FirstThemeId]), PrioritizationDay, Now));

        Assert.Equal(Messages.ThemeVoteNotOwn.Format(), error.Message);
    }

    [Fact]
    public void Change_WithAnInvalidBallot_IsRefusedAndTheVoteStays()
    {
        var setup = PointsCycle();
        var vote = Vote(setup, ThemeBallot.Points(new Dictionary<int, int> { [FirstThemeId] = 10 }));

        Assert.Throws<DomainException>(() => vote.Change(setup.Cycle, setup.Agent, ThemeBallot.Points(new Dictionary<int, int> { [FirstThemeId] = 4 }), PrioritizationDay, Now));

        Assert.Equal(10, vote.Points[FirstThemeId]);
    }
}
