using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests;

[Trait("Capability", "Foundation")]
public class CriteriaTests
{
    private static readonly IReadOnlyList<ScaleLevelInput> Scale = [new(0, "Nada"), new(1, "Algo"), new(2, "Mucho")];

    [Fact]
    public void DefaultCriteria_WeightsSumToHundred()
    {
        Assert.Equal(100, DefaultCriteria.All.Sum(c => c.WeightPercent));
    }

    [Fact]
    public void DefaultCriteria_HaveDistinctNamesAndScalesOfDistinctScores()
    {
        Assert.Equal(5, DefaultCriteria.All.Select(c => c.Name).Distinct().Count());
        Assert.All(DefaultCriteria.All, c =>
        {
            Assert.True(c.Levels.Count >= 2);
            Assert.Equal(c.Levels.Count, c.Levels.Select(l => l.Score).Distinct().Count());
        });
    }

    [Fact]
    public void Create_StartsWithTheDefaultCriteriaInOrder()
    {
        var cycle = TestCycles.NewDraft();

        Assert.Equal(DefaultCriteria.All.Select(c => (c.Name, c.WeightPercent)), cycle.Criteria.Select(c => (c.Name, c.WeightPercent)));
        Assert.Equal([1, 2, 3, 4, 5], cycle.Criteria.Select(c => c.Position));
        Assert.Equal(100, cycle.Criteria.Sum(c => c.WeightPercent));
        Assert.Equal([0, 1, 2, 3], cycle.Criteria[0].Levels.Select(l => l.Score));
    }

    [Fact]
    public void SetCriteria_WithValidCriteria_ReplacesThemInOrderWithLevelsByScore()
    {
        var cycle = TestCycles.NewDraft();

        cycle.SetCriteria(
        [
            new("Brecha", "Cierra brechas.", 70, [new(3, "Alta"), new(1, "Baja"), new(2, "Media")]),
            new("Cofinanciamiento", "", 30, Scale),
        ], TestCycles.Manager);

        Assert.Equal([("Brecha", 70, 1), ("Cofinanciamiento", 30, 2)], cycle.Criteria.Select(c => (c.Name, c.WeightPercent, c.Position)));
        Assert.Equal([1, 2, 3], cycle.Criteria[0].Levels.Select(l => l.Score));
        Assert.Equal(["Baja", "Media", "Alta"], cycle.Criteria[0].Levels.Select(l => l.Descriptor));
    }

    [Theory]
    [InlineData("Cofinanciamiento", "Cofinanciamiento")]
    [InlineData("Cofinanciamiento", "  COFINANCIAMIENTO ")]
    public void SetCriteria_WhenANameRepeats_IsRefused(string first, string second)
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetCriteria(
            [new(first, "", 50, Scale), new(second, "", 50, Scale)], TestCycles.Manager));

        Assert.Equal(["El criterio «Cofinanciamiento» está repetido."], error.Reasons);
        Assert.Equal(DefaultCriteria.All.Select(c => c.Name), cycle.Criteria.Select(c => c.Name));
    }

    [Fact]
    public void SetCriteria_WhenAScaleRepeatsAScore_IsRefused()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetCriteria(
            [new("Brecha", "", 100, [new(0, "Nada"), new(1, "Algo"), new(1, "Otra vez algo")])], TestCycles.Manager));

        Assert.Equal(["La escala del criterio «Brecha» repite un puntaje."], error.Reasons);
    }

    [Fact]
    public void SetCriteria_WhenAScaleHasOneLevel_IsRefused()
    {
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetCriteria(
            [new("Brecha", "", 100, [new(1, "Sí")])], TestCycles.Manager));

        Assert.Equal([Messages.ScaleTooShort.Format("Brecha")], error.Reasons);
    }

    [Theory]
    [InlineData(60, 30, 90)]
    [InlineData(60, 50, 110)]
    public void SetCriteria_WhenWeightsDoNotSumToHundred_IsRefusedWithTheSum(int first, int second, int sum)
    {
        using var culture = CultureScope.English();
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetCriteria(
            [new("Brecha", "", first, Scale), new("Cofinanciamiento", "", second, Scale)], TestCycles.Manager));

        Assert.Equal([$"The criteria weights add up to {sum} %; they must add up to 100 %."], error.Reasons);
    }

    [Fact]
    public void SetCriteria_WhenAWeightIsZero_IsRefusedEvenIfTheSumIsHundred()
    {
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetCriteria(
            [new("Brecha", "", 100, Scale), new("Cofinanciamiento", "", 0, Scale)], TestCycles.Manager));

        Assert.Equal([Messages.WeightOutOfRange.Format("Cofinanciamiento")], error.Reasons);
    }

    [Fact]
    public void SetCriteria_WhenEmpty_IsRefused()
    {
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetCriteria([], TestCycles.Manager));

        Assert.Equal([Messages.NoCriteria.Format()], error.Reasons);
    }

    [Fact]
    public void SetCriteria_WithSeveralProblems_ListsThemAll()
    {
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetCriteria(
        [
            new("Brecha", "", 50, [new(1, "Sí"), new(1, "También sí")]),
            new("brecha", "", 40, [new(0, "No")]),
        ], TestCycles.Manager));

        Assert.Equal(
        [
            Messages.WeightsNotHundred.Format(90),
            Messages.ScaleScoresRepeated.Format("Brecha"),
            Messages.ScaleTooShort.Format("brecha"),
            Messages.DuplicateCriterion.Format("Brecha"),
        ], error.Reasons);
    }
}
