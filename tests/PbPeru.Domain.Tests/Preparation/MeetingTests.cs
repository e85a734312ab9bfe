using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Preparation;

[Trait("Capability", "Preparation")]
public class MeetingTests
{
    private static readonly DateTimeOffset StartsAt = new(2025, 3, 8, 9, 0, 0, TimeSpan.FromHours(-5));

    private static readonly DateTimeOffset MarkedAt = new(2025, 3, 8, 9, 20, 0, TimeSpan.FromHours(-5));

    private static readonly MeetingDetails Training = new(MeetingKind.Training, "Capacitación de agentes participantes", StartsAt, "Auditorio municipal", "Jorge Tito");

    private static readonly Actor Staff = TestCycles.Manager;

    [Fact]
    public void Schedule_ByTheManager_KeepsTheDetailsTrimmedAndTheStartInUtc()
    {
        var cycle = NewCycle();

        var meeting = Meeting.Schedule(cycle, TestCycles.Manager, new MeetingDetails(
            MeetingKind.Training, "  Capacitación 1 ", StartsAt, " Auditorio municipal ", " Jorge Tito "));

        Assert.Equal(cycle.Id, meeting.CycleId);
        Assert.Equal(MeetingKind.Training, meeting.Kind);
        Assert.Equal("Capacitación 1", meeting.Title);
        Assert.Equal("Auditorio municipal", meeting.Place);
        Assert.Equal("Jorge Tito", meeting.Facilitator);
        Assert.Equal(StartsAt, meeting.StartsAt);
        Assert.Equal(TimeSpan.Zero, meeting.StartsAt.Offset);
        Assert.Empty(meeting.Attendance);
    }

    [Fact]
    public void Schedule_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Meeting.Schedule(NewCycle(), TestCycles.OtherManager, Training));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
    }

    [Theory]
    [InlineData(Phase.Draft)]
    [InlineData(Phase.Closed)]
    public void Schedule_InADraftOrClosedCycle_IsRefused(Phase phase)
    {
        var error = Assert.Throws<DomainException>(() => Meeting.Schedule(TestCycles.InPhase(phase), TestCycles.Manager, Training));

        Assert.Equal(Messages.MeetingNotNow.Format(), error.Message);
    }

    [Theory]
    [InlineData(Phase.Preparation)]
    [InlineData(Phase.Concertation)]
    [InlineData(Phase.Coordination)]
    [InlineData(Phase.Formalization)]
    [InlineData(Phase.Published)]
    public void Schedule_InAnOpenCycle_IsAllowed(Phase phase)
    {
        var meeting = Meeting.Schedule(TestCycles.InPhase(phase), TestCycles.Manager, Training);

        Assert.Equal(Training.Title, meeting.Title);
    }

    [Theory]
    [InlineData("", "Auditorio")]
    [InlineData("   ", "Auditorio")]
    [InlineData("Capacitación", "")]
    [InlineData("Capacitación", "  ")]
    public void Schedule_WithoutTitleOrPlace_IsRefused(string title, string place)
    {
        var error = Assert.Throws<DomainException>(() => Meeting.Schedule(NewCycle(), TestCycles.Manager, Training with { Title = title, Place = place }));

        Assert.Equal(Messages.MeetingDetailsInvalid.Format(Meeting.MaxTitleLength, Meeting.MaxPlaceLength), error.Message);
    }

    [Fact]
    public void Schedule_WithTitleAndPlaceOfTheMaximumLength_IsAllowed()
    {
        var meeting = Meeting.Schedule(NewCycle(), TestCycles.Manager, Training with
        {
            Title = new string('t', Meeting.MaxTitleLength),
            Place = new string('p', Meeting.MaxPlaceLength),
        });

        Assert.Equal(Meeting.MaxTitleLength, meeting.Title.Length);
        Assert.Equal(Meeting.MaxPlaceLength, meeting.Place.Length);
    }

    [Theory]
    [InlineData(Meeting.MaxTitleLength + 1, 10)]
    [InlineData(10, Meeting.MaxPlaceLength + 1)]
    public void Schedule_WithTitleOrPlaceTooLong_IsRefused(int titleLength, int placeLength)
    {
        var details = Training with { Title = new string('t', titleLength), Place = new string('p', placeLength) };

        Assert.Throws<DomainException>(() => Meeting.Schedule(NewCycle(), TestCycles.Manager, details));
    }

    [Fact]
    public void Reschedule_ByTheManager_ReplacesTheDetails()
    {
        var cycle = NewCycle();
        var meeting = Meeting.Schedule(cycle, TestCycles.Manager, Training);

        meeting.Reschedule(cycle, TestCycles.Manager, Training with { Place = "Casa comunal", StartsAt = StartsAt.AddDays(7) });

        Assert.Equal("Casa comunal", meeting.Place);
        Assert.Equal(StartsAt.AddDays(7), meeting.StartsAt);
    }

    [Fact]
    public void Reschedule_ByAManagerOfAnotherJurisdictionOrWithAnotherCycle_IsRefused()
    {
        var cycle = NewCycle();
        var meeting = Meeting.Schedule(cycle, TestCycles.Manager, Training);

        Assert.Throws<DomainException>(() => meeting.Reschedule(cycle, TestCycles.OtherManager, Training with { Place = "Casa comunal" }));
        Assert.Throws<DomainException>(() => meeting.Reschedule(OtherCycle(), TestCycles.OtherManager, Training with { Place = "Casa comunal" }));

        Assert.Equal(Training.Place, meeting.Place);
    }

    [Fact]
    public void MarkPresent_AnAccreditedAgent_RecordsWhoMarkedAndWhenInUtc()
    {
        var cycle = NewCycle();
        var meeting = Meeting.Schedule(cycle, TestCycles.Manager, Training);
        var agent = AccreditedAgent(cycle);

        var marked = meeting.MarkPresent(agent, Staff, MarkedAt);

        Assert.True(marked);
        var attendance = Assert.Single(meeting.Attendance);
        Assert.Equal(agent.Id, attendance.AgentId);
        Assert.Equal("manager-1", attendance.MarkedByUserId);
        Assert.Equal(MarkedAt, attendance.MarkedAt);
        Assert.Equal(TimeSpan.Zero, attendance.MarkedAt.Offset);
    }

    [Fact]
    public void MarkPresent_Twice_CountsOnceAndReturnsFalse()
    {
        var cycle = NewCycle();
        var meeting = Meeting.Schedule(cycle, TestCycles.Manager, Training);
        var agent = AccreditedAgent(cycle);
        meeting.MarkPresent(agent, Staff, MarkedAt);

        var markedAgain = meeting.MarkPresent(agent, Staff, MarkedAt.AddMinutes(5));

        Assert.False(markedAgain);
        Assert.Equal(MarkedAt, Assert.Single(meeting.Attendance).MarkedAt);
    }

    [Fact]
    public void MarkPresent_SeveralAgents_RecordsEach()
    {
        var cycle = NewCycle();
        var meeting = Meeting.Schedule(cycle, TestCycles.Manager, Training);
        var agents = Accepted(cycle).Agents;

        Assert.All(agents, a => Assert.True(meeting.MarkPresent(a, Staff, MarkedAt)));

        Assert.Equal(agents.Select(a => a.Id), meeting.Attendance.Select(a => a.AgentId));
    }

    [Fact]
    public void MarkPresent_AnAgentNotAccredited_IsRefused()
    {
        var cycle = NewCycle();
        var meeting = Meeting.Schedule(cycle, TestCycles.Manager, Training);
        var agent = Submitted(cycle).Agents[0];

        var error = Assert.Throws<DomainException>(() => meeting.MarkPresent(agent, Staff, MarkedAt));

        Assert.Equal(Messages.AttendeeNotAccredited.Format(), error.Message);
        Assert.Empty(meeting.Attendance);
    }

    [Fact]
    public void MarkPresent_AnAgentExcludedByAChallenge_IsRefused()
    {
        var agent = AgentInvitationTests.ExcludedAgent();
        var meeting = Meeting.Schedule(NewCycle(), TestCycles.Manager, Training);

        Assert.Throws<DomainException>(() => meeting.MarkPresent(agent, Staff, MarkedAt));

        Assert.Empty(meeting.Attendance);
    }

    [Fact]
    public void MarkPresent_AnAccreditedAgentOfAnotherCycle_IsRefused()
    {
        var meeting = Meeting.Schedule(NewCycle(), TestCycles.Manager, Training);
        var other = OtherCycle();
        var foreign = Submitted(other);
        foreign.Accept(other, TestCycles.OtherManager, MarkedAt);

        var error = Assert.Throws<DomainException>(() => meeting.MarkPresent(foreign.Agents[0], TestCycles.OtherManager, MarkedAt));

        Assert.Equal(Messages.AttendeeNotAccredited.Format(), error.Message);
        Assert.Empty(meeting.Attendance);
    }

    [Fact]
    public void Unmark_APresentAgent_RemovesOnlyThatRecord()
    {
        var cycle = NewCycle();
        var meeting = Meeting.Schedule(cycle, TestCycles.Manager, Training);
        var agents = Accepted(cycle).Agents;
        meeting.MarkPresent(agents[0], Staff, MarkedAt);
        meeting.MarkPresent(agents[1], Staff, MarkedAt);

        var removed = meeting.Unmark(agents[0].Id);

        Assert.True(removed);
        Assert.Equal([agents[1].Id], meeting.Attendance.Select(a => a.AgentId));
    }

    [Fact]
    public void Unmark_AnAgentNotMarked_ReturnsFalse()
    {
        var cycle = NewCycle();
        var meeting = Meeting.Schedule(cycle, TestCycles.Manager, Training);
        var agent = AccreditedAgent(cycle);

        Assert.False(meeting.Unmark(agent.Id));
    }

    [Fact]
    public void MarkPresent_AfterUnmark_RecordsTheAgentAgain()
    {
        var cycle = NewCycle();
        var meeting = Meeting.Schedule(cycle, TestCycles.Manager, Training);
        var agent = AccreditedAgent(cycle);
        meeting.MarkPresent(agent, Staff, MarkedAt);
        meeting.Unmark(agent.Id);

        Assert.True(meeting.MarkPresent(agent, Staff, MarkedAt.AddMinutes(10)));

        Assert.Equal(MarkedAt.AddMinutes(10), Assert.Single(meeting.Attendance).MarkedAt);
    }
}
