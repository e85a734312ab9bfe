using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Preparation;

/// <summary>
/// The Preparation → Concertation gate read from the same counts that the final list was published
/// with: what the list accepts, the gate accepts. (GateTests covers each reason on its own.)
/// </summary>
[Trait("Capability", "Preparation")]
public class PreparationGateTests
{
    private static readonly DateTimeOffset PublishedAt = new(2025, 2, 28, 9, 0, 0, TimeSpan.FromHours(-5));
    private static readonly DateOnly FinalListDay = new(2025, 2, 28);

    public static TheoryData<int, int, int, bool> Counts()
    {
        var data = new TheoryData<int, int, int, bool>();
        foreach (var (titulars, women) in new[] { (10, 3), (10, 2), (10, 4), (3, 1), (16, 1), (0, 0), (1, 0), (1, 1), (20, 6), (7, 2) })
        {
            foreach (var quota in new[] { 10, 30, 34, 40 })
            {
                data.Add(titulars, women, quota, true);
                data.Add(titulars, women, quota, false);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void CheckMove_AfterAFinalListPublishedWithTheSameCount_AllowsConcertation(int titulars, int women, int quota, bool hard)
    {
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = quota, WomenQuotaIsHard = hard, MinimumAccreditedAgents = 1 });
        var list = PreliminaryList(cycle);
        var count = new QuotaCount(titulars, women);
        var published = TryPublishFinal(cycle, list, count, "Se convocó a todas las organizaciones de mujeres del distrito.");

        var check = cycle.CheckMove(Phase.Concertation, FactsOf(list, count, agents: 1));

        Assert.Equal(published, check.Allowed);
        Assert.Equal(published, count.Meets(quota) || !hard);
        Assert.Equal(!count.Meets(quota) && !hard, list.QuotaJustification is not null);
    }

    [Fact]
    public void CheckMove_WhenASoftQuotaWasJustifiedOnTheFinalList_AllowsConcertation()
    {
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 30, WomenQuotaIsHard = false });
        var list = PreliminaryList(cycle);
        var count = new QuotaCount(10, 1);
        list.PublishFinal(cycle, TestCycles.Manager, 0, count, "Pocas organizaciones de mujeres en el distrito.", FinalListDay, PublishedAt);

        var check = cycle.CheckMove(Phase.Concertation, FactsOf(list, count, agents: 20));

        Assert.True(check.Allowed);
    }

    [Fact]
    public void CheckMove_WhenTheFinalListWasRefusedForAHardQuota_GivesBothReasons()
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 40, WomenQuotaIsHard = true });
        var list = PreliminaryList(cycle);
        var count = new QuotaCount(10, 3);
        Assert.False(TryPublishFinal(cycle, list, count, null));

        var check = cycle.CheckMove(Phase.Concertation, FactsOf(list, count, agents: 20));

        Assert.Equal(
        [
            "Falta publicar la lista final de agentes participantes acreditados.",
            "Las mujeres son el 30 % de los agentes titulares; la cuota obligatoria exige al menos el 40 %.",
        ], check.Reasons);
    }

    [Fact]
    public void CheckMove_AndPublishFinal_GiveTheSameShareOfWomen()
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 10, WomenQuotaIsHard = true });
        var list = PreliminaryList(cycle);
        var count = new QuotaCount(16, 1); // 6.25 %

        var error = Assert.Throws<DomainException>(() => list.PublishFinal(cycle, TestCycles.Manager, 0, count, null, FinalListDay, PublishedAt));
        var check = cycle.CheckMove(Phase.Concertation, FactsOf(list, count, agents: 20) with { FinalAgentListPublished = true });

        Assert.Contains("las mujeres son el 6.3 % de los titulares (1 de 16)", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Las mujeres son el 6.3 % de los agentes titulares; la cuota obligatoria exige al menos el 10 %."], check.Reasons);
    }

    [Fact]
    public void CheckMove_WhenOnlySuplentesAreAccredited_IsRefusedForAHardQuotaAsTheFinalListIs()
    {
        using var culture = CultureScope.English();
        var cycle = NewCycle(r => r with { WomenMinimumSharePercent = 30, WomenQuotaIsHard = true, MinimumAccreditedAgents = 2 });
        var list = PreliminaryList(cycle);
        var count = new QuotaCount(0, 0);
        Assert.False(TryPublishFinal(cycle, list, count, null));

        var check = cycle.CheckMove(Phase.Concertation, FactsOf(list, count, agents: 2) with { FinalAgentListPublished = true });

        Assert.Equal(["Women are 0 % of titular agents; the mandatory quota requires at least 30 %."], check.Reasons);
    }

    private static bool TryPublishFinal(Cycle cycle, AccreditationList list, QuotaCount count, string? justification)
    {
        try
        {
            list.PublishFinal(cycle, TestCycles.Manager, 0, count, justification, FinalListDay, PublishedAt);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    private static CycleFacts FactsOf(AccreditationList list, QuotaCount count, int agents) => new()
    {
        FinalAgentListPublished = list.IsFinalPublished,
        AccreditedAgents = agents,
        AccreditedTitulars = count.Titulars,
        AccreditedWomenTitulars = count.WomenTitulars,
        QuotaShortfallJustified = list.QuotaJustification is not null,
    };
}
