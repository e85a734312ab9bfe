using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests;

[Trait("Capability", "Foundation")]
public class TransitionRecordTests
{
    [Fact]
    public void AdvanceTo_RecordsActorFromToAndTheTimeInUtc()
    {
        var cycle = TestCycles.InPhase(Phase.Draft);
        var limaTime = new DateTimeOffset(2025, 1, 6, 8, 30, 0, TimeSpan.FromHours(-5));

        cycle.AdvanceTo(Phase.Preparation, TestCycles.Manager, TestCycles.AllGatesHold, limaTime);

        var transition = Assert.Single(cycle.Transitions);
        Assert.Equal("manager-1", transition.ActorUserId);
        Assert.Equal("Rosa Quispe", transition.ActorName);
        Assert.Equal(Phase.Draft, transition.From);
        Assert.Equal(Phase.Preparation, transition.To);
        Assert.Equal(TimeSpan.Zero, transition.At.Offset);
        Assert.Equal(new DateTime(2025, 1, 6, 13, 30, 0), transition.At.DateTime);
    }

    [Fact]
    public void AdvanceTo_EachMove_AddsOneRecordInOrder()
    {
        var cycle = TestCycles.InPhase(Phase.Closed);

        Assert.Equal(PhaseMachine.Moves.Select(m => (m.From, m.To)), cycle.Transitions.Select(t => (t.From, t.To)));
        Assert.All(cycle.Transitions, t => Assert.Equal(TestCycles.Manager.UserId, t.ActorUserId));
        Assert.All(cycle.Transitions, t => Assert.Equal(TimeSpan.Zero, t.At.Offset));
        Assert.Equal(cycle.Transitions.OrderBy(t => t.At), cycle.Transitions);
    }

    [Fact]
    public void AdvanceTo_ByAnotherManagerOfTheJurisdiction_RecordsThatManager()
    {
        var cycle = TestCycles.InPhase(Phase.Preparation);
        var colleague = new Actor("manager-9", "Carmen Flores", new HashSet<string> { TestCycles.Ubigeo });

        cycle.AdvanceTo(Phase.Concertation, colleague, TestCycles.AllGatesHold, new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));

        var last = cycle.Transitions[^1];
        Assert.Equal(("manager-9", "Carmen Flores"), (last.ActorUserId, last.ActorName));
        Assert.Equal(("manager-1", "Rosa Quispe"), (cycle.Transitions[0].ActorUserId, cycle.Transitions[0].ActorName));
    }
}
