using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Survey;

namespace PbPeru.Domain.Tests.Survey;

[Trait("Capability", "PublicResults")]
public sealed class SurveySettingsTests
{
    [Theory]
    [InlineData(9, 10, false)]
    [InlineData(10, 10, true)]
    [InlineData(11, 10, true)]
    [InlineData(0, 5, false)]
    public void MayPublish_OnlyFromTheThresholdOn(int answers, int threshold, bool expected) =>
        Assert.Equal(expected, SurveySettings.MayPublish(answers, threshold));

    [Fact]
    public void Create_ByTheManager_KeepsTheThreshold_AndTheDefaultIsTen()
    {
        var settings = SurveySettings.Create(TestCycles.InPhase(Phase.Published), TestCycles.Manager, 25);

        Assert.Equal(25, settings.Threshold);
        Assert.Equal(10, SurveySettings.DefaultThreshold);
    }

    [Theory]
    [InlineData(SurveySettings.MinThreshold - 1)]
    [InlineData(SurveySettings.MaxThreshold + 1)]
    public void ChangeThreshold_OutOfRange_IsRefused(int threshold)
    {
        using var _ = CultureScope.Spanish();

        var error = Assert.Throws<DomainException>(() => SurveySettings.Create(TestCycles.InPhase(Phase.Published), TestCycles.Manager, threshold));

        Assert.Equal(Messages.SurveyThresholdOutOfRange.Format(SurveySettings.MinThreshold, SurveySettings.MaxThreshold), error.Message);
    }

    [Fact]
    public void ChangeThreshold_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => SurveySettings.Create(TestCycles.InPhase(Phase.Published), TestCycles.OtherManager, 12));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
    }

    [Fact]
    public void Tally_CountsEveryGradeOfEveryAspect_WithShares()
    {
        SurveyGrades Same(SurveyGrade g) => new(g, g, g, g, g, g);
        var tally = SurveyTally.Of([Same(SurveyGrade.Good), Same(SurveyGrade.Good), Same(SurveyGrade.Poor), Same(SurveyGrade.Good) with { Voting = SurveyGrade.Excellent }]);

        Assert.Equal(4, tally.Answers);
        Assert.Equal(3, tally.Count(SurveyAspect.Overall, SurveyGrade.Good));
        Assert.Equal(1, tally.Count(SurveyAspect.Overall, SurveyGrade.Poor));
        Assert.Equal(2, tally.Count(SurveyAspect.Voting, SurveyGrade.Good));
        Assert.Equal(1, tally.Count(SurveyAspect.Voting, SurveyGrade.Excellent));
        Assert.Equal(0, tally.Count(SurveyAspect.Training, SurveyGrade.Fair));
        Assert.Equal(75.0m, tally.Percent(SurveyAspect.Overall, SurveyGrade.Good));
        Assert.Equal(25.0m, tally.Percent(SurveyAspect.Voting, SurveyGrade.Excellent));
    }
}
