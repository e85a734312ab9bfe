using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests;

[Trait("Capability", "Foundation")]
public class PhaseMachineTests
{
    public static TheoryData<Phase, Phase> EveryPhasePair
    {
        get
        {
            var data = new TheoryData<Phase, Phase>();
            foreach (var from in Enum.GetValues<Phase>())
            {
                foreach (var to in Enum.GetValues<Phase>())
                {
                    data.Add(from, to);
                }
            }

            return data;
        }
    }

    [Fact]
    public void EveryPhasePair_CoversAllFortyNinePairs()
    {
        Assert.Equal(49, EveryPhasePair.Count());
    }

    [Fact]
    public void Moves_AreExactlyEachPhaseToTheNextOne()
    {
        var expected = Enum.GetValues<Phase>().Where(p => p != Phase.Closed).Select(p => (From: p, To: p + 1));

        Assert.Equal(expected, PhaseMachine.Moves.Select(m => (m.From, m.To)));
    }

    [Theory]
    [MemberData(nameof(EveryPhasePair))]
    public void AdvanceTo_WhenGateHolds_AllowsOnlyTheNextPhase(Phase from, Phase to)
    {
        var cycle = TestCycles.InPhase(from);
        var transitionsBefore = cycle.Transitions.Count;
        var isNextPhase = from != Phase.Closed && to == from + 1;
        var now = new DateTimeOffset(2025, 12, 1, 10, 0, 0, TimeSpan.Zero);

        var check = cycle.CheckMove(to, TestCycles.AllGatesHold);

        Assert.Equal(from, check.From);
        Assert.Equal(to, check.To);
        if (isNextPhase)
        {
            Assert.True(check.Allowed);
            Assert.Empty(check.Reasons);
            Assert.NotNull(check.GateTitle);

            cycle.AdvanceTo(to, TestCycles.Manager, TestCycles.AllGatesHold, now);

            Assert.Equal(to, cycle.Phase);
            Assert.Equal(transitionsBefore + 1, cycle.Transitions.Count);
            var last = cycle.Transitions[^1];
            Assert.Equal(from, last.From);
            Assert.Equal(to, last.To);
        }
        else
        {
            Assert.False(check.Allowed);
            Assert.Null(check.GateTitle);
            var reason = Assert.Single(check.Reasons);
            Assert.False(string.IsNullOrWhiteSpace(reason));

            var error = Assert.Throws<DomainException>(() => cycle.AdvanceTo(to, TestCycles.Manager, TestCycles.AllGatesHold, now));

            Assert.Equal(check.Reasons, error.Reasons);
            Assert.Equal(from, cycle.Phase);
            Assert.Equal(transitionsBefore, cycle.Transitions.Count);
        }
    }

    [Theory]
    [InlineData(Phase.Concertation, Phase.Preparation)]
    [InlineData(Phase.Coordination, Phase.Coordination)]
    [InlineData(Phase.Published, Phase.Draft)]
    public void CheckMove_Backwards_SaysPhasesOnlyMoveForward(Phase from, Phase to)
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(from);

        var check = cycle.CheckMove(to, TestCycles.AllGatesHold);

        Assert.Equal([Messages.PhaseOnlyForward.Format(PhaseNames.Of(from), PhaseNames.Of(to))], check.Reasons);
    }

    [Fact]
    public void CheckMove_SkippingAPhase_NamesTheNextPhase()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(Phase.Preparation);

        var check = cycle.CheckMove(Phase.Formalization, TestCycles.AllGatesHold);

        Assert.Equal(
            ["No se puede pasar de Preparación a Formalización: las fases avanzan de una en una; la siguiente es Concertación."],
            check.Reasons);
    }

    [Fact]
    public void CheckMove_FromClosed_SaysTheCycleIsClosed()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(Phase.Closed);

        var check = cycle.CheckMove(Phase.Closed, TestCycles.AllGatesHold);

        Assert.Equal([Messages.CycleClosed.Format()], check.Reasons);
    }

    [Theory]
    [InlineData(Phase.Draft, Phase.Preparation)]
    [InlineData(Phase.Preparation, Phase.Concertation)]
    [InlineData(Phase.Formalization, Phase.Published)]
    [InlineData(Phase.Published, Phase.Closed)]
    [InlineData(Phase.Closed, null)]
    public void NextPhase_IsTheOneAfterTheCurrentPhase_OrNoneWhenClosed(Phase current, Phase? next)
    {
        var cycle = TestCycles.InPhase(current);

        Assert.Equal(next, cycle.NextPhase);
    }

    [Fact]
    public void AdvanceTo_FromPublishedToClosed_IsAllowedWhateverTheFacts()
    {
        var cycle = TestCycles.InPhase(Phase.Published);

        var check = cycle.CheckMove(Phase.Closed, new CycleFacts());
        cycle.AdvanceTo(Phase.Closed, TestCycles.Manager, new CycleFacts(), TestCycles.CreatedAt.AddYears(1));

        Assert.True(check.Allowed);
        Assert.Equal(Phase.Closed, cycle.Phase);
    }

    [Fact]
    public void AdvanceTo_WhenGateFails_KeepsPhaseAndListsReasons()
    {
        var cycle = TestCycles.InPhase(Phase.Concertation);
        var facts = TestCycles.AllGatesHold with { RecommendationPublished = false };

        var error = Assert.Throws<DomainException>(() =>
            cycle.AdvanceTo(Phase.Coordination, TestCycles.Manager, facts, TestCycles.CreatedAt.AddMonths(6)));

        Assert.Equal([Messages.RecommendationNotPublished.Format()], error.Reasons);
        Assert.Equal(Phase.Concertation, cycle.Phase);
        Assert.Equal(2, cycle.Transitions.Count);
    }
}
