using PbPeru.Domain.Formalization;
using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Tests.Formalization;

/// <summary>Who the count elects: the documented order, ties, too few candidates, and the mixed-sex rule.</summary>
[Trait("Capability", "Formalization")]
public sealed class CommitteeCountTests
{
    private static readonly DateTimeOffset Early = new(2025, 7, 1, 15, 0, 0, TimeSpan.Zero);

    private static CommitteeStanding C(int agentId, long approvals, int minutesAfter = 0, Sex sex = Sex.Female) =>
        new(agentId, approvals, Early.AddMinutes(minutesAfter), sex);

    [Fact]
    public void MoreApprovals_AreElectedFirst_RankedInOrder()
    {
        var seats = CommitteeCount.Elect([C(1, 3, sex: Sex.Male), C(2, 9), C(3, 5), C(4, 1), C(5, 7, sex: Sex.Male)], seats: 3, mixedSexRequired: true);

        Assert.Equal([(2, 1, 9L), (5, 2, 7L), (3, 3, 5L)], seats.Select(s => (s.AgentId, s.Rank, s.Votes)));
        Assert.DoesNotContain(seats, s => s.ByMixedSexRule);
    }

    [Fact]
    public void TieOnApprovals_GoesToTheEarlierCandidacy()
    {
        // 10 and 11 tie at 4; 11 stood first.
        var seats = CommitteeCount.Elect([C(10, 4, minutesAfter: 30), C(11, 4, minutesAfter: 5), C(12, 6)], seats: 2, mixedSexRequired: false);

        Assert.Equal([12, 11], seats.Select(s => s.AgentId));
    }

    [Fact]
    public void TieOnApprovalsAndCandidacy_GoesToTheLowerAgentId()
    {
        var seats = CommitteeCount.Elect([C(31, 2), C(30, 2), C(32, 2)], seats: 2, mixedSexRequired: false);

        Assert.Equal([30, 31], seats.Select(s => s.AgentId));
    }

    [Fact]
    public void FewerCandidatesThanSeats_ElectsThemAll_AndLeavesTheRestEmpty()
    {
        var seats = CommitteeCount.Elect([C(1, 0), C(2, 2, sex: Sex.Male)], seats: 4, mixedSexRequired: true);

        Assert.Equal([(2, 1), (1, 2)], seats.Select(s => (s.AgentId, s.Rank)));
    }

    [Fact]
    public void AllOfOneSex_WhenTheRuleApplies_TheLastSeatGoesToTheBestPlacedOfTheOtherSex()
    {
        // Women 1–3 lead; men 4 (2 approvals) and 5 (3 approvals): 5 is the best-placed man.
        var candidates = new[] { C(1, 9), C(2, 8), C(3, 7), C(4, 2, sex: Sex.Male), C(5, 3, sex: Sex.Male) };

        var seats = CommitteeCount.Elect(candidates, seats: 3, mixedSexRequired: true);

        Assert.Equal([(1, 1, false), (2, 2, false), (5, 3, true)], seats.Select(s => (s.AgentId, s.Rank, s.ByMixedSexRule)));
        Assert.Equal(3, seats[2].Votes);
    }

    [Fact]
    public void AllOfOneSex_WithoutTheRule_StaysAsVoted()
    {
        var seats = CommitteeCount.Elect([C(1, 9), C(2, 8), C(3, 7), C(4, 2, sex: Sex.Male)], seats: 3, mixedSexRequired: false);

        Assert.Equal([1, 2, 3], seats.Select(s => s.AgentId));
    }

    [Fact]
    public void AllOfOneSex_WithNoCandidateOfTheOtherSex_StaysAsVoted()
    {
        var seats = CommitteeCount.Elect([C(1, 9), C(2, 8), C(3, 7), C(4, 2)], seats: 3, mixedSexRequired: true);

        Assert.Equal([1, 2, 3], seats.Select(s => s.AgentId));
        Assert.DoesNotContain(seats, s => s.ByMixedSexRule);
    }

    [Fact]
    public void MixedSexRule_ByTiedCandidatesOfTheOtherSex_UsesTheSameTieOrder()
    {
        // Men 7 and 6 tie at 1 approval; 7 stood earlier, so 7 takes the seat.
        var seats = CommitteeCount.Elect([C(1, 5), C(2, 4), C(6, 1, minutesAfter: 20, sex: Sex.Male), C(7, 1, minutesAfter: 10, sex: Sex.Male)], seats: 2, mixedSexRequired: true);

        Assert.Equal([1, 7], seats.Select(s => s.AgentId));
    }

    [Fact]
    public void OneSeat_CannotBeMixed_AndTheRuleDoesNotApply()
    {
        var seats = CommitteeCount.Elect([C(1, 5), C(2, 1, sex: Sex.Male)], seats: 1, mixedSexRequired: true);

        Assert.Equal([1], seats.Select(s => s.AgentId));
    }
}
