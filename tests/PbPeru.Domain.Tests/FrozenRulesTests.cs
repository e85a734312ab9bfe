using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests;

[Trait("Capability", "Foundation")]
public class FrozenRulesTests
{
    /// <summary>Every rule set in every phase where a cycle can still change (all but Closed).</summary>
    public static TheoryData<RuleSet, Phase> RuleSetInOpenPhase
    {
        get
        {
            var data = new TheoryData<RuleSet, Phase>();
            foreach (var rules in Enum.GetValues<RuleSet>())
            {
                foreach (var phase in Enum.GetValues<Phase>().Where(p => p != Phase.Closed))
                {
                    data.Add(rules, phase);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> Changes => new(ManagerChanges.Names);

    [Fact]
    public void FrozenFrom_NamesAPhaseForEveryRuleSet()
    {
        Assert.Equal(Enum.GetValues<RuleSet>(), Cycle.FrozenFrom.Keys.Order());
        Assert.Equal(Phase.Preparation, Cycle.FrozenFrom[RuleSet.Accreditation]);
        Assert.Equal(Phase.Formalization, Cycle.FrozenFrom[RuleSet.VotingRules]);
    }

    [Theory]
    [MemberData(nameof(RuleSetInOpenPhase))]
    public void ChangeRules_BeforeTheirFreezePhase_IsAllowed_AndFromItOn_IsRefused(RuleSet rules, Phase phase)
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(phase);
        var frozen = phase >= Cycle.FrozenFrom[rules];
        var before = Read(rules, cycle);

        Assert.Equal(frozen, cycle.IsFrozen(rules));
        if (frozen)
        {
            var error = Assert.Throws<DomainException>(() => Change(rules, cycle));

            Assert.Contains(RuleSetNames.Of(rules), error.Message);
            Assert.Equal(Messages.RulesFrozen.Format(RuleSetNames.Of(rules), PhaseNames.Of(Cycle.FrozenFrom[rules])), error.Message);
            Assert.Equal(before, Read(rules, cycle));
        }
        else
        {
            Change(rules, cycle);

            Assert.NotEqual(before, Read(rules, cycle));
        }
    }

    [Fact]
    public void SetCeiling_InConcertation_GivesAReadableMessage()
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(Phase.Concertation);

        var error = Assert.Throws<DomainException>(() => cycle.SetCeiling(ManagerChanges.NewCeiling, TestCycles.Manager));

        Assert.Equal("Ya no se permiten cambios en el techo presupuestal: la fase de Concertación ya empezó.", error.Message);
    }

    [Fact]
    public void SetVotingRules_InFormalization_GivesAReadableMessageInEnglish()
    {
        using var culture = CultureScope.English();
        var cycle = TestCycles.InPhase(Phase.Formalization);

        var error = Assert.Throws<DomainException>(() => cycle.SetVotingRules(ManagerChanges.NewVotingRules, TestCycles.Manager));

        Assert.StartsWith("No more changes to the voting rules", error.Message);
        Assert.Contains("Formalization", error.Message);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void AnyChange_WhenClosed_IsRefused(string change)
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(Phase.Closed);
        var before = ManagerChanges.Snapshot(cycle);

        var error = Assert.Throws<DomainException>(() => ManagerChanges.Apply(change, cycle, TestCycles.Manager));

        Assert.Equal("El ciclo está cerrado y ya no admite cambios.", error.Message);
        Assert.Equal(before, ManagerChanges.Snapshot(cycle));
    }

    [Fact]
    public void Rename_InPublished_IsStillAllowed()
    {
        var cycle = TestCycles.InPhase(Phase.Published);

        cycle.Rename("PP 2026 (resultados)", TestCycles.Manager);

        Assert.Equal("PP 2026 (resultados)", cycle.Name);
    }

    private static void Change(RuleSet rules, Cycle cycle)
    {
        switch (rules)
        {
            case RuleSet.Accreditation:
                cycle.SetAccreditationRules(ManagerChanges.NewAccreditationRules, TestCycles.Manager);
                break;
            case RuleSet.Ceiling:
                cycle.SetCeiling(ManagerChanges.NewCeiling, TestCycles.Manager);
                break;
            case RuleSet.Themes:
                cycle.SetThemes(ManagerChanges.NewThemes, TestCycles.Manager);
                break;
            case RuleSet.Criteria:
                cycle.SetCriteria(ManagerChanges.NewCriteria, TestCycles.Manager);
                break;
            case RuleSet.ProposalRules:
                cycle.SetProposalRules(ManagerChanges.NewProposalRules, TestCycles.Manager);
                break;
            case RuleSet.VotingRules:
                cycle.SetVotingRules(ManagerChanges.NewVotingRules, TestCycles.Manager);
                break;
            case RuleSet.ImpactRules:
                cycle.SetImpactRules(ManagerChanges.NewImpactRules, TestCycles.Manager);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rules), rules, "A rule set this test does not know how to change.");
        }
    }

    private static string Read(RuleSet rules, Cycle cycle) => rules switch
    {
        RuleSet.Accreditation => cycle.AccreditationRules.ToString(),
        RuleSet.Ceiling => cycle.Ceiling.Centimos.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RuleSet.Themes => string.Join(";", cycle.Themes.Select(t => t.Name)),
        RuleSet.Criteria => string.Join(";", cycle.Criteria.Select(c => $"{c.Name}:{c.WeightPercent}")),
        RuleSet.ProposalRules => cycle.ProposalRules.ToString(),
        RuleSet.VotingRules => cycle.VotingRules.ToString(),
        RuleSet.ImpactRules => cycle.ImpactRules.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(rules), rules, "A rule set this test does not know how to read."),
    };
}
