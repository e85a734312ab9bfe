using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class ProposalRulesTests
{
    [Fact]
    public void Default_HasTheDocumentedValues()
    {
        var rules = ProposalRules.Default;

        Assert.Equal(Money.Zero, rules.MinimumCost);
        Assert.Null(rules.MaximumCost);
        Assert.Equal(0, rules.MinimumBeneficiaries);
        Assert.Equal(ThemeVoteMethod.Ranking, rules.ThemeVoting);
        Assert.Equal(10, rules.ThemePointsPerAgent);
        Assert.Equal(ThemePriorityUse.None, rules.ThemePriorityUse);
        Assert.Equal(20, rules.ThemeBonusPercent);
        Assert.Equal(2, rules.DisagreementLevels);
        Assert.Equal(5, rules.ObservationAnswerDays);
    }

    [Fact]
    public void SetProposalRules_WithEveryNewRuleInRange_IsStored()
    {
        var cycle = TestCycles.NewDraft();
        var rules = ProposalRules.Default with
        {
            MinimumBeneficiaries = 100,
            ThemeVoting = ThemeVoteMethod.Points,
            ThemePointsPerAgent = 100,
            ThemePriorityUse = ThemePriorityUse.Weight,
            ThemeBonusPercent = 100,
            DisagreementLevels = 1,
            ObservationAnswerDays = 60,
        };

        cycle.SetProposalRules(rules, TestCycles.Manager);

        Assert.Equal(rules, cycle.ProposalRules);
    }

    public static TheoryData<string, ProposalRules> RulesOutOfRange => new()
    {
        { "MinimumBeneficiariesNegative", ProposalRules.Default with { MinimumBeneficiaries = -1 } },
        { "ThemeVotingUnknown", ProposalRules.Default with { ThemeVoting = (ThemeVoteMethod)7 } },
        { "ThemePointsOutOfRange", ProposalRules.Default with { ThemeVoting = ThemeVoteMethod.Points, ThemePointsPerAgent = 0 } },
        { "ThemePointsOutOfRange", ProposalRules.Default with { ThemePointsPerAgent = ProposalRules.MaxThemePointsPerAgent + 1 } },
        { "ThemePriorityUseUnknown", ProposalRules.Default with { ThemePriorityUse = (ThemePriorityUse)9 } },
        { "ThemeBonusOutOfRange", ProposalRules.Default with { ThemePriorityUse = ThemePriorityUse.Weight, ThemeBonusPercent = -1 } },
        { "ThemeBonusOutOfRange", ProposalRules.Default with { ThemeBonusPercent = 101 } },
        { "DisagreementLevelsTooLow", ProposalRules.Default with { DisagreementLevels = 0 } },
        { "ObservationAnswerDaysOutOfRange", ProposalRules.Default with { ObservationAnswerDays = 0 } },
        { "ObservationAnswerDaysOutOfRange", ProposalRules.Default with { ObservationAnswerDays = 61 } },
    };

    [Theory]
    [MemberData(nameof(RulesOutOfRange))]
    public void SetProposalRules_WithARuleOutOfRange_IsRefusedAndNothingChanges(string message, ProposalRules rules)
    {
        var cycle = TestCycles.NewDraft();
        var text = (Text)typeof(Messages).GetField(message)!.GetValue(null)!;
        object[] args = message switch
        {
            "ThemePointsOutOfRange" => [1, ProposalRules.MaxThemePointsPerAgent],
            "ThemeBonusOutOfRange" => [0, 100],
            "ObservationAnswerDaysOutOfRange" => [1, ProposalRules.MaxObservationAnswerDays],
            _ => [],
        };

        var error = Assert.Throws<DomainException>(() => cycle.SetProposalRules(rules, TestCycles.Manager));

        Assert.Equal([text.Format(args)], error.Reasons);
        Assert.Equal(ProposalRules.Default, cycle.ProposalRules);
    }

    [Fact]
    public void ConfigurationProblems_ReportABadNewRule()
    {
        using var culture = CultureScope.English();
        var cycle = TestCycles.NewDraft();

        var error = Assert.Throws<DomainException>(() => cycle.SetProposalRules(ProposalRules.Default with { ObservationAnswerDays = 0, DisagreementLevels = 0 }, TestCycles.Manager));

        Assert.Equal(
            [Messages.DisagreementLevelsTooLow.Format(), Messages.ObservationAnswerDaysOutOfRange.Format(1, 60)],
            error.Reasons);
    }

    [Fact]
    public void SetProposalRules_InConcertation_IsRefusedAsFrozen()
    {
        var cycle = TestCycles.InPhase(Phase.Concertation);

        var error = Assert.Throws<DomainException>(() => cycle.SetProposalRules(ProposalRules.Default with { MinimumBeneficiaries = 10 }, TestCycles.Manager));

        Assert.Equal(Messages.RulesFrozen.Format(Messages.RuleProposals.Format(), Messages.PhaseConcertation.Format()), error.Message);
    }
}
