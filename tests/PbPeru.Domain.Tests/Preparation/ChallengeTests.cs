using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Preparation;

[Trait("Capability", "Preparation")]
public class ChallengeTests
{
    private static readonly DateTimeOffset FiledAt = new(2025, 2, 19, 18, 5, 0, TimeSpan.FromHours(-5));
    private static readonly DateOnly FinalListDay = new(2025, 2, 28);

    private static readonly DateTimeOffset RuledAt = new(2025, 2, 26, 11, 0, 0, TimeSpan.FromHours(-5));

    public static TheoryData<DateOnly> DaysInsideTheWindow => [ChallengesOpen, InChallenges, ChallengesClose];

    public static TheoryData<DateOnly> DaysOutsideTheWindow => [ChallengesOpen.AddDays(-1), ChallengesClose.AddDays(1)];

    [Theory]
    [MemberData(nameof(DaysInsideTheWindow))]
    public void File_OnAnyDayOfTheWindowIncludingFirstAndLast_IsPendingWithTheGrounds(DateOnly today)
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);

        var challenge = Challenge.File(cycle, list, agent, "citizen-1", "Ana Torres", "  No reside en el distrito. ", today, FiledAt);

        Assert.Equal(ChallengeStatus.Pending, challenge.Status);
        Assert.Equal(cycle.Id, challenge.CycleId);
        Assert.Equal(agent.Id, challenge.AgentId);
        Assert.Equal("citizen-1", challenge.FiledByUserId);
        Assert.Equal("Ana Torres", challenge.FiledByName);
        Assert.Equal("No reside en el distrito.", challenge.Grounds);
        Assert.Equal(FiledAt, challenge.FiledAt);
        Assert.Equal(TimeSpan.Zero, challenge.FiledAt.Offset);
        Assert.Null(challenge.RulingReasons);
        Assert.Null(challenge.RuledAt);
        Assert.True(agent.IsAccredited);
    }

    [Theory]
    [MemberData(nameof(DaysOutsideTheWindow))]
    public void File_OutsideTheWindow_IsRefusedGivingTheDates(DateOnly today)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() => Challenge.File(cycle, list, agent, "citizen-1", "Ana Torres", "No reside.", today, FiledAt));

        Assert.Equal("El plazo de impugnaciones es del 18/02/2025 al 24/02/2025.", error.Message);
    }

    [Fact]
    public void File_BeforeThePreliminaryList_IsRefused()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = AccreditationList.For(cycle);

        var error = Assert.Throws<DomainException>(() => Challenge.File(cycle, list, agent, "citizen-1", "Ana Torres", "No reside.", InChallenges, FiledAt));

        Assert.Equal(Messages.ChallengesNotOpen.Format(), error.Message);
    }

    [Fact]
    public void File_AfterTheFinalList_IsRefusedEvenInsideTheWindow()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        list.PublishFinal(cycle, TestCycles.Manager, 0, new QuotaCount(10, 5), null, FinalListDay, FiledAt);

        var error = Assert.Throws<DomainException>(() => Challenge.File(cycle, list, agent, "citizen-1", "Ana Torres", "No reside.", InChallenges, FiledAt));

        Assert.Equal(Messages.ChallengesNotOpen.Format(), error.Message);
    }

    [Fact]
    public void File_AfterTheCycleLeftPreparation_IsRefused()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        cycle.AdvanceTo(Phase.Concertation, TestCycles.Manager, TestCycles.AllGatesHold, FiledAt);

        var error = Assert.Throws<DomainException>(() => Challenge.File(cycle, list, agent, "citizen-1", "Ana Torres", "No reside.", InChallenges, FiledAt));

        Assert.Equal(Messages.ChallengesNotOpen.Format(), error.Message);
    }

    [Fact]
    public void File_AgainstAnAgentNotAccredited_IsRefused()
    {
        var cycle = NewCycle();
        var agent = Submitted(cycle).Agents[0];
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() => Challenge.File(cycle, list, agent, "citizen-1", "Ana Torres", "No reside.", InChallenges, FiledAt));

        Assert.Equal(Messages.ChallengeTargetNotListed.Format(), error.Message);
    }

    [Fact]
    public void File_AgainstAnAgentOfAnotherCycle_IsRefused()
    {
        var cycle = NewCycle();
        var list = PreliminaryList(cycle);
        var other = OtherCycle();
        var foreign = Submitted(other);
        foreign.Accept(other, TestCycles.OtherManager, FiledAt);

        var error = Assert.Throws<DomainException>(() =>
            Challenge.File(cycle, list, foreign.Agents[0], "citizen-1", "Ana Torres", "No reside.", InChallenges, FiledAt));

        Assert.Equal(Messages.ChallengeTargetNotListed.Format(), error.Message);
    }

    [Fact]
    public void File_AgainstAnAgentAlreadyExcluded_IsRefused()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        FileChallenge(cycle, list, agent).Rule(cycle, list, TestCycles.Manager, agent, upheld: true, "Acreditado que no reside.", RuledAt);

        var error = Assert.Throws<DomainException>(() => Challenge.File(cycle, list, agent, "citizen-2", "Luis Rojas", "Otra razón.", InChallenges, FiledAt));

        Assert.Equal(Messages.ChallengeTargetNotListed.Format(), error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void File_WithoutGrounds_IsRefused(string grounds)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() => Challenge.File(cycle, list, agent, "citizen-1", "Ana Torres", grounds, InChallenges, FiledAt));

        Assert.Equal("Explique el fundamento de la impugnación.", error.Message);
    }

    [Fact]
    public void File_WithGroundsTooLong_IsRefused()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);

        var error = Assert.Throws<DomainException>(() => Challenge.File(
            cycle, list, agent, "citizen-1", "Ana Torres", new string('g', Challenge.MaxTextLength + 1), InChallenges, FiledAt));

        Assert.Equal(Messages.NoteTooLong.Format(Challenge.MaxTextLength), error.Message);
    }

    [Fact]
    public void Rule_Upheld_TakesTheAgentOffTheList()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        var challenge = FileChallenge(cycle, list, agent);

        challenge.Rule(cycle, list, TestCycles.Manager, agent, upheld: true, "  Se verificó que no reside en el distrito. ", RuledAt);

        Assert.Equal(ChallengeStatus.Upheld, challenge.Status);
        Assert.Equal("Se verificó que no reside en el distrito.", challenge.RulingReasons);
        Assert.Equal("Rosa Quispe", challenge.RuledByName);
        Assert.Equal(RuledAt, challenge.RuledAt);
        Assert.Equal(TimeSpan.Zero, challenge.RuledAt!.Value.Offset);
        Assert.False(agent.IsAccredited);
        Assert.Equal(challenge.Id, agent.ExcludedByChallengeId);
    }

    [Fact]
    public void Rule_Dismissed_LeavesTheAgentOnTheList()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        var challenge = FileChallenge(cycle, list, agent);

        challenge.Rule(cycle, list, TestCycles.Manager, agent, upheld: false, "Presentó constancia de domicilio.", RuledAt);

        Assert.Equal(ChallengeStatus.Dismissed, challenge.Status);
        Assert.Equal("Presentó constancia de domicilio.", challenge.RulingReasons);
        Assert.True(agent.IsAccredited);
        Assert.Null(agent.ExcludedByChallengeId);
    }

    [Fact]
    public void Rule_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        var challenge = FileChallenge(cycle, list, agent);

        var error = Assert.Throws<DomainException>(() => challenge.Rule(cycle, list, TestCycles.OtherManager, agent, upheld: true, "Motivos.", RuledAt));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
        Assert.Equal(ChallengeStatus.Pending, challenge.Status);
        Assert.True(agent.IsAccredited);
    }

    [Fact]
    public void Rule_BySomeoneWhoManagesNothing_IsRefused()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        var challenge = FileChallenge(cycle, list, agent);

        Assert.Throws<DomainException>(() => challenge.Rule(cycle, list, TestCycles.NoJurisdiction, agent, upheld: true, "Motivos.", RuledAt));

        Assert.Equal(ChallengeStatus.Pending, challenge.Status);
    }

    [Fact]
    public void Rule_WithAnotherAgentThanTheChallenged_IsRefusedAndExcludesNobody()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var bystander = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        var challenge = FileChallenge(cycle, list, agent);

        var error = Assert.Throws<DomainException>(() => challenge.Rule(cycle, list, TestCycles.Manager, bystander, upheld: true, "Motivos.", RuledAt));

        Assert.Equal(Messages.WrongCycle.Format(), error.Message);
        Assert.True(agent.IsAccredited);
        Assert.True(bystander.IsAccredited);
    }

    [Fact]
    public void Rule_Twice_IsRefusedAndKeepsTheFirstRuling()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        var challenge = FileChallenge(cycle, list, agent);
        challenge.Rule(cycle, list, TestCycles.Manager, agent, upheld: false, "Presentó constancia.", RuledAt);

        var error = Assert.Throws<DomainException>(() => challenge.Rule(cycle, list, TestCycles.Manager, agent, upheld: true, "Cambio de opinión.", RuledAt.AddHours(1)));

        Assert.Equal(Messages.ChallengeAlreadyRuled.Format(), error.Message);
        Assert.Equal(ChallengeStatus.Dismissed, challenge.Status);
        Assert.Equal("Presentó constancia.", challenge.RulingReasons);
        Assert.True(agent.IsAccredited);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Rule_WithoutReasons_IsRefused(string reasons)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        var challenge = FileChallenge(cycle, list, agent);

        var error = Assert.Throws<DomainException>(() => challenge.Rule(cycle, list, TestCycles.Manager, agent, upheld: true, reasons, RuledAt));

        Assert.Equal("Explique los motivos de la resolución.", error.Message);
        Assert.Equal(ChallengeStatus.Pending, challenge.Status);
        Assert.True(agent.IsAccredited);
    }

    [Fact]
    public void Rule_WithReasonsTooLong_IsRefused()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        var challenge = FileChallenge(cycle, list, agent);

        var error = Assert.Throws<DomainException>(() => challenge.Rule(
            cycle, list, TestCycles.Manager, agent, upheld: true, new string('r', Challenge.MaxTextLength + 1), RuledAt));

        Assert.Equal(Messages.NoteTooLong.Format(Challenge.MaxTextLength), error.Message);
        Assert.Equal(ChallengeStatus.Pending, challenge.Status);
    }

    [Fact]
    public void Rule_AfterTheFinalList_IsRefused()
    {
        var cycle = NewCycle();
        var agent = AccreditedAgent(cycle);
        var list = PreliminaryList(cycle);
        var challenge = FileChallenge(cycle, list, agent);
        list.PublishFinal(cycle, TestCycles.Manager, pendingChallenges: 0, new QuotaCount(10, 5), null, FinalListDay, RuledAt);

        var error = Assert.Throws<DomainException>(() => challenge.Rule(cycle, list, TestCycles.Manager, agent, upheld: true, "Motivos.", RuledAt));

        Assert.Equal(Messages.FinalAlreadyPublished.Format(), error.Message);
        Assert.True(agent.IsAccredited);
    }
}
