using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Preparation;

[Trait("Capability", "Preparation")]
public class AccreditationListTests
{
    private static readonly DateTimeOffset PublishedAt = new(2025, 2, 17, 9, 0, 0, TimeSpan.FromHours(-5));
    private static readonly DateOnly FinalListDay = new(2025, 2, 28);

    private static readonly QuotaCount QuotaMet = new(Titulars: 10, WomenTitulars: 5);

    [Fact]
    public void For_BelongsToTheCycleAndStartsUnpublished()
    {
        var cycle = NewCycle(id: 7);

        var list = AccreditationList.For(cycle);

        Assert.Equal(7, list.CycleId);
        Assert.False(list.IsPreliminaryPublished);
        Assert.False(list.IsFinalPublished);
        Assert.Null(list.QuotaJustification);
    }

    [Fact]
    public void PublishPreliminary_WithEveryReviewDone_RecordsWhoAndWhenInUtc()
    {
        var cycle = NewCycle();
        var list = AccreditationList.For(cycle);

        list.PublishPreliminary(cycle, TestCycles.Manager, organizationsAwaitingReview: 0, PublishedAt);

        Assert.True(list.IsPreliminaryPublished);
        Assert.Equal(PublishedAt, list.PreliminaryPublishedAt);
        Assert.Equal(TimeSpan.Zero, list.PreliminaryPublishedAt!.Value.Offset);
        Assert.Equal("Rosa Quispe", list.PreliminaryPublishedBy);
        Assert.False(list.IsFinalPublished);
    }

    [Theory]
    [InlineData(1, "Queda 1 inscripción por revisar: resuélvala antes de publicar la lista preliminar.")]
    [InlineData(12, "Quedan 12 inscripciones por revisar: resuélvalas antes de publicar la lista preliminar.")]
    public void PublishPreliminary_WhileReviewsArePending_IsRefusedWithTheirNumber(int pending, string expected)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();
        var list = AccreditationList.For(cycle);

        var error = Assert.Throws<DomainException>(() => list.PublishPreliminary(cycle, TestCycles.Manager, pending, PublishedAt));

        Assert.Equal(expected, error.Message);
        Assert.False(list.IsPreliminaryPublished);
    }

    [Fact]
    public void PublishPreliminary_Twice_IsRefusedAndKeepsTheFirstDate()
    {
        var cycle = NewCycle();
        var list = PreliminaryList(cycle);
        var first = list.PreliminaryPublishedAt;

        var error = Assert.Throws<DomainException>(() => list.PublishPreliminary(cycle, TestCycles.Manager, 0, PublishedAt.AddDays(1)));

        Assert.Equal(Messages.PreliminaryAlreadyPublished.Format(), error.Message);
        Assert.Equal(first, list.PreliminaryPublishedAt);
    }

    [Fact]
    public void PublishPreliminary_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var cycle = NewCycle();
        var list = AccreditationList.For(cycle);

        var error = Assert.Throws<DomainException>(() => list.PublishPreliminary(cycle, TestCycles.OtherManager, 0, PublishedAt));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
        Assert.False(list.IsPreliminaryPublished);
    }

    [Fact]
    public void PublishPreliminary_OfAnotherCyclesList_IsRefused()
    {
        var cycle = NewCycle();
        var list = AccreditationList.For(OtherCycle());

        var error = Assert.Throws<DomainException>(() => list.PublishPreliminary(cycle, TestCycles.Manager, 0, PublishedAt));

        Assert.Equal(Messages.WrongCycle.Format(), error.Message);
    }

    [Fact]
    public void PublishPreliminary_OutsidePreparation_IsRefused()
    {
        var cycle = NewCycle();
        var list = AccreditationList.For(cycle);
        cycle.AdvanceTo(Phase.Concertation, TestCycles.Manager, TestCycles.AllGatesHold, PublishedAt.AddMonths(2));

        var error = Assert.Throws<DomainException>(() => list.PublishPreliminary(cycle, TestCycles.Manager, 0, PublishedAt));

        Assert.Equal(Messages.NotInPreparation.Format(), error.Message);
    }

    [Fact]
    public void PublishFinal_BeforeThePreliminaryList_IsRefused()
    {
        var cycle = NewCycle();
        var list = AccreditationList.For(cycle);

        var error = Assert.Throws<DomainException>(() => list.PublishFinal(cycle, TestCycles.Manager, 0, QuotaMet, null, FinalListDay, PublishedAt));

        Assert.Equal(Messages.PreliminaryNotPublished.Format(), error.Message);
        Assert.False(list.IsFinalPublished);
    }

    [Fact]
    public void PublishFinal_WhenEverythingHolds_RecordsWhoAndWhenInUtc()
    {
        var cycle = NewCycle();
        var list = PreliminaryList(cycle);

        list.PublishFinal(cycle, TestCycles.Manager, 0, QuotaMet, null, FinalListDay, PublishedAt.AddDays(11));

        Assert.True(list.IsFinalPublished);
        Assert.Equal(PublishedAt.AddDays(11), list.FinalPublishedAt);
        Assert.Equal(TimeSpan.Zero, list.FinalPublishedAt!.Value.Offset);
        Assert.Equal("Rosa Quispe", list.FinalPublishedBy);
        Assert.Null(list.QuotaJustification);
    }

    [Theory]
    [InlineData("2025-02-17")] // the preliminary list's day, before the window opens
    [InlineData("2025-02-20")]
    [InlineData("2025-02-24")] // the window's last day
    public void PublishFinal_BeforeTheChallengeWindowEnds_IsRefusedWithItsLastDay(string day)
    {
        var cycle = NewCycle();
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() => list.PublishFinal(cycle, TestCycles.Manager, 0, QuotaMet, null, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), PublishedAt));

        Assert.Equal(Messages.ChallengeWindowStillOpen.Format(new DateOnly(2025, 2, 24).ToString("d", System.Globalization.CultureInfo.CurrentCulture)), error.Message);
        Assert.False(list.IsFinalPublished);
    }

    [Fact]
    public void PublishFinal_TheDayAfterTheChallengeWindow_IsAllowed()
    {
        var cycle = NewCycle();
        var list = PreliminaryList(cycle);

        list.PublishFinal(cycle, TestCycles.Manager, 0, QuotaMet, null, new DateOnly(2025, 2, 25), PublishedAt);

        Assert.True(list.IsFinalPublished);
    }

    [Fact]
    public void PublishFinal_Twice_IsRefused()
    {
        var cycle = NewCycle();
        var list = PreliminaryList(cycle);
        list.PublishFinal(cycle, TestCycles.Manager, 0, QuotaMet, null, FinalListDay, PublishedAt);

        var error = Assert.Throws<DomainException>(() => list.PublishFinal(cycle, TestCycles.Manager, 0, QuotaMet, null, FinalListDay, PublishedAt.AddDays(1)));

        Assert.Equal(Messages.FinalAlreadyPublished.Format(), error.Message);
        Assert.Equal(PublishedAt, list.FinalPublishedAt);
    }

    [Fact]
    public void PublishFinal_WithChallengesPending_IsRefusedWithTheirNumber()
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() => list.PublishFinal(cycle, TestCycles.Manager, 2, QuotaMet, null, FinalListDay, PublishedAt));

        Assert.Equal("Quedan 2 impugnaciones sin resolver.", error.Message);
        Assert.False(list.IsFinalPublished);
    }

    [Fact]
    public void PublishFinal_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var cycle = NewCycle();
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() => list.PublishFinal(cycle, TestCycles.OtherManager, 0, QuotaMet, null, FinalListDay, PublishedAt));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
        Assert.False(list.IsFinalPublished);
    }

    [Fact]
    public void PublishFinal_WhenAHardQuotaFallsShort_SaysHowManyWomenAreMissing()
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 40, WomenQuotaIsHard = true });
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() =>
            list.PublishFinal(cycle, TestCycles.Manager, 0, new QuotaCount(10, 3), "Pocas organizaciones de mujeres.", FinalListDay, PublishedAt));

        Assert.Equal(
            "No se puede publicar la lista final: las mujeres son el 30 % de los titulares (3 de 10) y la cuota obligatoria exige el 40 %. Mujeres titulares que faltan: 1.",
            error.Message);
        Assert.False(list.IsFinalPublished);
        Assert.Null(list.QuotaJustification);
    }

    [Fact]
    public void PublishFinal_WhenAHardQuotaFallsShortByAFraction_GivesTheShareWithOneDecimal()
    {
        using var culture = CultureScope.English();
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 34, WomenQuotaIsHard = true });
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() => list.PublishFinal(cycle, TestCycles.Manager, 0, new QuotaCount(3, 1), null, FinalListDay, PublishedAt));

        Assert.Equal(
            "The final list cannot be published: women are 33.3 % of titulars (1 of 3) and the mandatory quota requires 34 %. Women titulars missing: 1.",
            error.Message);
    }

    [Fact]
    public void PublishFinal_WhenAHardQuotaMeetsAnEmptyList_SaysAtLeastOneWomanIsMissing()
    {
        using var culture = CultureScope.English();
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 30, WomenQuotaIsHard = true });
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() => list.PublishFinal(cycle, TestCycles.Manager, 0, new QuotaCount(0, 0), null, FinalListDay, PublishedAt));

        Assert.Equal(
            "The final list cannot be published: women are 0 % of titulars (0 of 0) and the mandatory quota requires 30 %. Women titulars missing: 1.",
            error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PublishFinal_WhenTheQuotaIsExactlyMet_NeedsNoJustification(bool hard)
    {
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 30, WomenQuotaIsHard = hard });
        var list = PreliminaryList(cycle);

        list.PublishFinal(cycle, TestCycles.Manager, 0, new QuotaCount(10, 3), null, FinalListDay, PublishedAt);

        Assert.True(list.IsFinalPublished);
        Assert.Null(list.QuotaJustification);
    }

    [Fact]
    public void PublishFinal_WhenTheQuotaIsMet_DoesNotKeepAJustificationGivenAnyway()
    {
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 30, WomenQuotaIsHard = false });
        var list = PreliminaryList(cycle);

        list.PublishFinal(cycle, TestCycles.Manager, 0, new QuotaCount(10, 4), "Sin comentario.", FinalListDay, PublishedAt);

        Assert.True(list.IsFinalPublished);
        Assert.Null(list.QuotaJustification);
    }

    [Fact]
    public void PublishFinal_WithoutAQuota_PublishesWhateverTheShareOfWomen()
    {
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = null });
        var list = PreliminaryList(cycle);

        list.PublishFinal(cycle, TestCycles.Manager, 0, new QuotaCount(10, 0), null, FinalListDay, PublishedAt);

        Assert.True(list.IsFinalPublished);
        Assert.Null(list.QuotaJustification);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void PublishFinal_WhenASoftQuotaFallsShortWithoutJustification_AsksForIt(string? justification)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 30, WomenQuotaIsHard = false });
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() =>
            list.PublishFinal(cycle, TestCycles.Manager, 0, new QuotaCount(10, 2), justification, FinalListDay, PublishedAt));

        Assert.Equal(
            "Las mujeres son el 20 % de los titulares, por debajo de la cuota referencial del 30 %: registre la justificación para publicar la lista final.",
            error.Message);
        Assert.False(list.IsFinalPublished);
    }

    [Fact]
    public void PublishFinal_WhenASoftQuotaFallsShortWithAJustification_PublishesAndKeepsIt()
    {
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 30, WomenQuotaIsHard = false });
        var list = PreliminaryList(cycle);

        list.PublishFinal(cycle, TestCycles.Manager, 0, new QuotaCount(10, 2), "  Solo dos organizaciones de mujeres se inscribieron. ", FinalListDay, PublishedAt);

        Assert.True(list.IsFinalPublished);
        Assert.Equal("Solo dos organizaciones de mujeres se inscribieron.", list.QuotaJustification);
    }

    [Fact]
    public void PublishFinal_WithAJustificationOfTheMaximumLength_KeepsIt()
    {
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 30, WomenQuotaIsHard = false });
        var list = PreliminaryList(cycle);
        var text = new string('j', AccreditationList.MaxJustificationLength);

        list.PublishFinal(cycle, TestCycles.Manager, 0, new QuotaCount(10, 2), text, FinalListDay, PublishedAt);

        Assert.Equal(text, list.QuotaJustification);
    }

    [Fact]
    public void PublishFinal_WithAJustificationTooLong_IsRefused()
    {
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 30, WomenQuotaIsHard = false });
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() => list.PublishFinal(
            cycle, TestCycles.Manager, 0, new QuotaCount(10, 2), new string('j', AccreditationList.MaxJustificationLength + 1), FinalListDay, PublishedAt));

        Assert.Equal(Messages.NoteTooLong.Format(AccreditationList.MaxJustificationLength), error.Message);
        Assert.False(list.IsFinalPublished);
        Assert.Null(list.QuotaJustification);
    }
}

[Trait("Capability", "Preparation")]
public class QuotaCountTests
{
    [Theory]
    [InlineData(3, 10, 40, 1)]
    [InlineData(4, 10, 40, 0)]
    [InlineData(0, 10, 30, 3)]
    [InlineData(2, 10, 25, 1)] // 25 % of 10 is 2.5: three women are needed
    [InlineData(1, 3, 34, 1)]
    [InlineData(1, 3, 33, 0)]
    [InlineData(9, 10, 100, 1)]
    [InlineData(10, 10, 100, 0)]
    [InlineData(299, 1000, 30, 1)]
    [InlineData(7, 10, 30, 0)] // more than enough is never negative
    [InlineData(0, 1, 1, 1)]
    [InlineData(0, 0, 30, 1)] // an empty list meets no quota: it needs a woman titular
    public void WomenShort_IsHowManyMoreWomenTitularsTheQuotaNeeds(int women, int titulars, int quota, int missing) =>
        Assert.Equal(missing, new QuotaCount(titulars, women).WomenShort(quota));

    [Fact]
    public void WomenShort_IsZeroExactlyWhenTheQuotaIsMet()
    {
        for (var titulars = 0; titulars <= 40; titulars++)
        {
            for (var women = 0; women <= titulars; women++)
            {
                foreach (var quota in new[] { 1, 25, 30, 33, 34, 40, 50, 100 })
                {
                    var count = new QuotaCount(titulars, women);
                    Assert.True(
                        count.Meets(quota) == (count.WomenShort(quota) == 0),
                        $"{women} of {titulars} at {quota} %: meets {count.Meets(quota)}, short {count.WomenShort(quota)}");
                }
            }
        }
    }

    [Fact]
    public void WomenShort_ReplacingThatManyMenMeetsTheQuotaAndOneFewerDoesNot()
    {
        for (var titulars = 1; titulars <= 40; titulars++)
        {
            for (var women = 0; women <= titulars; women++)
            {
                foreach (var quota in new[] { 1, 25, 30, 33, 34, 40, 50, 100 })
                {
                    var missing = new QuotaCount(titulars, women).WomenShort(quota);
                    Assert.True(new QuotaCount(titulars, women + missing).Meets(quota));
                    if (missing > 0)
                    {
                        Assert.False(new QuotaCount(titulars, women + missing - 1).Meets(quota));
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(3, 10, "30")]
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 16, "6.3")] // 6.25: the half rounds up, as in the phase gate's message
    [InlineData(3, 16, "18.8")] // 18.75
    [InlineData(0, 0, "0")]
    [InlineData(5, 5, "100")]
    public void WomenSharePercent_HasOneDecimalRoundedHalfUp(int women, int titulars, string share) =>
        Assert.Equal(share, new QuotaCount(titulars, women).WomenSharePercent.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
