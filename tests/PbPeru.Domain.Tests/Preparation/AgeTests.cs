using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Tests.Preparation;

[Trait("Capability", "Preparation")]
public class AgeTests
{
    private static readonly DateOnly Today = new(2025, 3, 15);

    [Theory]
    [InlineData("2007-03-15", 18)] // the birthday is today
    [InlineData("2007-03-16", 17)] // the birthday is tomorrow
    [InlineData("2007-03-14", 18)]
    [InlineData("1990-12-31", 34)]
    [InlineData("1991-01-01", 34)]
    [InlineData("2025-03-15", 0)]
    public void AgeOn_CountsWholeYearsUpToTheDay(string birthDate, int age) =>
        Assert.Equal(age, Agent.AgeOn(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Theory]
    [InlineData(17, AgeBand.Under18)]
    [InlineData(18, AgeBand.From18To29)]
    [InlineData(29, AgeBand.From18To29)]
    [InlineData(30, AgeBand.From30To44)]
    [InlineData(44, AgeBand.From30To44)]
    [InlineData(45, AgeBand.From45To59)]
    [InlineData(59, AgeBand.From45To59)]
    [InlineData(60, AgeBand.From60)]
    [InlineData(95, AgeBand.From60)]
    public void BandOf_OnTheBirthdayThatStartsAnAge_IsThatAgesBand(int age, AgeBand band) =>
        Assert.Equal(band, Agent.BandOf(Today.AddYears(-age), Today));

    [Theory]
    [InlineData(18, AgeBand.Under18)]
    [InlineData(30, AgeBand.From18To29)]
    [InlineData(45, AgeBand.From30To44)]
    [InlineData(60, AgeBand.From45To59)]
    public void BandOf_TheDayBeforeTheBirthdayThatStartsABand_IsStillTheBandBelow(int age, AgeBand band) =>
        Assert.Equal(band, Agent.BandOf(Today.AddYears(-age).AddDays(1), Today));
}
