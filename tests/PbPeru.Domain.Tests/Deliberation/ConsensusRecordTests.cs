using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Domain.Meetings;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Deliberation;

[Trait("Capability", "Deliberation")]
public sealed class ConsensusRecordTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    private static readonly DateTimeOffset Now = new(2025, 4, 12, 13, 0, 0, TimeSpan.FromHours(-5));

    private const string Decision = "Los ejes quedan priorizados así: 1. Infraestructura, 2. Desarrollo social, 3. Desarrollo económico.";

    private const string Minutes = "Tras dos horas de diálogo, los 23 agentes presentes acordaron el orden sin objeciones.";

    [Fact]
    public void Record_ThemePrioritiesInConcertation_KeepsTheDecisionTrimmed_TheMeetingAndWhoRecordedIt()
    {
        var cycle = WithId(TestCycles.InPhase(Phase.Concertation), 5);
        var workshop = WithId(Meeting.Schedule(cycle, TestCycles.Manager, new MeetingDetails(
            MeetingKind.PrioritizationWorkshop, "Taller de priorización", Now.AddHours(-4), "Auditorio municipal", "Equipo técnico")), 9);

        var record = ConsensusRecord.Record(cycle, TestCycles.Manager, workshop, ConsensusSubject.ThemePriorities, $"  {Decision} ", $"\n{Minutes}\n", Key, Now);

        Assert.Equal(5, record.CycleId);
        Assert.Equal(9, record.MeetingId);
        Assert.Equal(ConsensusSubject.ThemePriorities, record.Subject);
        Assert.Equal(Decision, record.Decision);
        Assert.Equal(Minutes, record.Minutes);
        Assert.Equal(TestCycles.Manager.UserId, record.RecordedByUserId);
        Assert.Equal(TestCycles.Manager.DisplayName, record.RecordedBy);
        Assert.Equal(Now, record.RecordedAt);
        Assert.Equal(TimeSpan.Zero, record.RecordedAt.Offset);
        Assert.Equal(Key, record.CreationKey);
    }

    [Fact]
    public void Record_WithoutAMeeting_IsAllowed()
    {
        var record = ConsensusRecord.Record(TestCycles.InPhase(Phase.Coordination), TestCycles.Manager, null, ConsensusSubject.Other, Decision, Minutes, Key, Now);

        Assert.Null(record.MeetingId);
    }

    [Fact]
    public void Record_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() =>
            ConsensusRecord.Record(TestCycles.InPhase(Phase.Concertation), TestCycles.OtherManager, null, ConsensusSubject.ThemePriorities, Decision, Minutes, Key, Now));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
    }

    [Fact]
    public void Record_WithAMeetingOfAnotherCycle_IsRefusedWithAMessage()
    {
        var cycle = WithId(TestCycles.InPhase(Phase.Concertation), 5);
        var other = WithId(TestCycles.InPhase(Phase.Concertation), 6);
        var meeting = Meeting.Schedule(other, TestCycles.Manager, new MeetingDetails(MeetingKind.PrioritizationWorkshop, "Taller", Now, "Local comunal", ""));

        using var _ = CultureScope.Spanish();
        var error = Assert.Throws<DomainException>(() =>
            ConsensusRecord.Record(cycle, TestCycles.Manager, meeting, ConsensusSubject.ThemePriorities, Decision, Minutes, Key, Now));

        Assert.Equal("La reunión elegida no es de este ciclo.", error.Message);
    }

    [Theory]
    [InlineData(ConsensusSubject.ThemePriorities, Phase.Preparation)]
    [InlineData(ConsensusSubject.ThemePriorities, Phase.Coordination)]
    [InlineData(ConsensusSubject.CommitteeElection, Phase.Concertation)]
    [InlineData(ConsensusSubject.FinalVote, Phase.Coordination)]
    [InlineData(ConsensusSubject.Other, Phase.Draft)]
    [InlineData(ConsensusSubject.Other, Phase.Published)]
    [InlineData(ConsensusSubject.Other, Phase.Closed)]
    public void Record_OutsideItsPhase_IsRefused(ConsensusSubject subject, Phase phase)
    {
        var cycle = TestCycles.InPhase(phase, c => c.SetVotingRules(VotingRules.Default with { CountingRule = CountingRule.Consensus }, TestCycles.Manager));

        var error = Assert.Throws<DomainException>(() => ConsensusRecord.Record(cycle, TestCycles.Manager, null, subject, Decision, Minutes, Key, Now));

        Assert.Single(error.Reasons);
    }

    [Theory]
    [InlineData(ConsensusSubject.ThemePriorities, Phase.Concertation)]
    [InlineData(ConsensusSubject.CommitteeElection, Phase.Formalization)]
    [InlineData(ConsensusSubject.FinalVote, Phase.Formalization)]
    [InlineData(ConsensusSubject.Other, Phase.Preparation)]
    [InlineData(ConsensusSubject.Other, Phase.Formalization)]
    public void Record_InItsPhase_IsAccepted(ConsensusSubject subject, Phase phase)
    {
        var cycle = TestCycles.InPhase(phase, c => c.SetVotingRules(VotingRules.Default with { CountingRule = CountingRule.Consensus }, TestCycles.Manager));

        var record = ConsensusRecord.Record(cycle, TestCycles.Manager, null, subject, Decision, Minutes, Key, Now);

        Assert.Equal(subject, record.Subject);
    }

    [Fact]
    public void Record_FinalVote_WhenTheCycleCountsVotes_IsRefused()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);
        Assert.NotEqual(CountingRule.Consensus, cycle.VotingRules.CountingRule);

        using var _ = CultureScope.Spanish();
        var error = Assert.Throws<DomainException>(() => ConsensusRecord.Record(cycle, TestCycles.Manager, null, ConsensusSubject.FinalVote, Decision, Minutes, Key, Now));

        Assert.Equal(Messages.ConsensusFinalVoteNotTheRule.Format(), error.Message);
    }

    [Fact]
    public void Record_WithEmptyOrOverlongTexts_GivesEveryReason()
    {
        var cycle = TestCycles.InPhase(Phase.Concertation);

        using var _ = CultureScope.Spanish();
        var empty = Assert.Throws<DomainException>(() => ConsensusRecord.Record(cycle, TestCycles.Manager, null, ConsensusSubject.ThemePriorities, "  ", "", Key, Now));
        var overlong = Assert.Throws<DomainException>(() => ConsensusRecord.Record(
            cycle, TestCycles.Manager, null, ConsensusSubject.ThemePriorities,
            new string('a', ConsensusRecord.MaxDecisionLength + 1), new string('b', ConsensusRecord.MaxMinutesLength + 1), Key, Now));

        string[] expected =
        [
            Messages.ConsensusDecisionRequired.Format(ConsensusRecord.MaxDecisionLength),
            Messages.ConsensusRecordMinutesRequired.Format(ConsensusRecord.MaxMinutesLength),
        ];
        Assert.Equal(expected, empty.Reasons);
        Assert.Equal(expected, overlong.Reasons);
        Assert.Contains("4000", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_WithAnUnknownSubject_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() =>
            ConsensusRecord.Record(TestCycles.InPhase(Phase.Concertation), TestCycles.Manager, null, (ConsensusSubject)42, Decision, Minutes, Key, Now));

        Assert.Equal([Messages.ConsensusSubjectInvalid.Format()], error.Reasons);
    }

    [Theory]
    [InlineData(ConsensusSubject.ThemePriorities, true)]
    [InlineData(ConsensusSubject.FinalVote, true)]
    [InlineData(ConsensusSubject.CommitteeElection, true)]
    [InlineData(ConsensusSubject.Other, false)]
    public void EnsureNotYetRecorded_RefusesASecondRecord_ExceptForOtherDecisions(ConsensusSubject subject, bool refused)
    {
        ConsensusRecord.EnsureNotYetRecorded(subject, [ConsensusSubject.Other]);
        if (refused)
        {
            var error = Assert.Throws<DomainException>(() => ConsensusRecord.EnsureNotYetRecorded(subject, [subject]));
            Assert.Equal(Messages.ConsensusAlreadyRecorded.Format(), error.Message);
        }
        else
        {
            ConsensusRecord.EnsureNotYetRecorded(subject, [subject, subject]);
        }
    }
}
