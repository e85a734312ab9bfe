using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests;

[Trait("Capability", "Foundation")]
public class AuthorizationTests
{
    /// <summary>Every change a manager makes to a cycle, each with a valid value.</summary>
    public static TheoryData<string> Changes => new(ManagerChanges.Names);

    public static TheoryData<string> Outsiders => new(["other district", "no jurisdiction"]);

    private static Actor OutsiderNamed(string name) => name == "other district" ? TestCycles.OtherManager : TestCycles.NoJurisdiction;

    [Theory]
    [MemberData(nameof(Outsiders))]
    public void Create_WhenActorDoesNotManageTheJurisdiction_IsRefused(string outsider)
    {
        using var culture = CultureScope.Spanish();

        var error = Assert.Throws<DomainException>(() => Cycle.Create(
            TestCycles.Ubigeo, TestCycles.FiscalYear, "PP 2026", TestCycles.DefaultCeiling, OutsiderNamed(outsider), TestCycles.CreatedAt));

        Assert.Equal("Solo un responsable del ciclo de esta jurisdicción puede hacer este cambio.", error.Message);
    }

    [Fact]
    public void Create_ByAManagerOfTheJurisdiction_OpensADraftWithDefaults()
    {
        var cycle = Cycle.Create(TestCycles.Ubigeo, 2026, "  PP 2026  ", TestCycles.DefaultCeiling, TestCycles.Manager, TestCycles.CreatedAt);

        Assert.Equal(Phase.Draft, cycle.Phase);
        Assert.Equal("PP 2026", cycle.Name);
        Assert.Equal(2026, cycle.FiscalYear);
        Assert.Equal(TestCycles.Ubigeo, cycle.JurisdictionUbigeo);
        Assert.Equal(TestCycles.Manager.UserId, cycle.CreatedByUserId);
        Assert.Equal(TestCycles.CreatedAt, cycle.CreatedAt);
        Assert.Equal(TimeSpan.Zero, cycle.CreatedAt.Offset);
        Assert.Equal(AccreditationRules.Default, cycle.AccreditationRules);
        Assert.Equal(ProposalRules.Default, cycle.ProposalRules);
        Assert.Equal(VotingRules.Default, cycle.VotingRules);
        Assert.Equal(DefaultCriteria.All.Select(c => c.Name), cycle.Criteria.Select(c => c.Name));
        Assert.Empty(cycle.Transitions);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Create_WhenFiscalYearOutOfRange_IsRefused(int year)
    {
        using var culture = CultureScope.Spanish();

        var error = Assert.Throws<DomainException>(() =>
            Cycle.Create(TestCycles.Ubigeo, year, "PP", TestCycles.DefaultCeiling, TestCycles.Manager, TestCycles.CreatedAt));

        Assert.Equal("El año fiscal debe estar entre 2000 y 2100.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WhenNameIsBlank_IsRefused(string name)
    {
        Assert.Throws<DomainException>(() =>
            Cycle.Create(TestCycles.Ubigeo, 2026, name, TestCycles.DefaultCeiling, TestCycles.Manager, TestCycles.CreatedAt));
    }

    [Fact]
    public void Rename_WhenNameTooLong_IsRefused()
    {
        var cycle = TestCycles.NewDraft();

        Assert.Throws<DomainException>(() => cycle.Rename(new string('a', Cycle.MaxNameLength + 1), TestCycles.Manager));

        cycle.Rename(new string('a', Cycle.MaxNameLength), TestCycles.Manager);
        Assert.Equal(Cycle.MaxNameLength, cycle.Name.Length);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Configure_ByAManagerOfAnotherJurisdiction_IsRefusedAndChangesNothing(string change)
    {
        using var culture = CultureScope.Spanish();
        var cycle = TestCycles.InPhase(Phase.Draft);
        var before = ManagerChanges.Snapshot(cycle);

        var error = Assert.Throws<DomainException>(() => ManagerChanges.Apply(change, cycle, TestCycles.OtherManager));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
        Assert.Equal(before, ManagerChanges.Snapshot(cycle));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Configure_ByAManagerOfTheJurisdiction_Succeeds(string change)
    {
        var cycle = TestCycles.InPhase(Phase.Draft);
        var before = ManagerChanges.Snapshot(cycle);

        ManagerChanges.Apply(change, cycle, TestCycles.Manager);

        Assert.NotEqual(before, ManagerChanges.Snapshot(cycle));
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public void AdvanceTo_ByAnOutsider_IsRefusedEvenWhenTheGateHolds(string outsider)
    {
        var cycle = TestCycles.InPhase(Phase.Draft);

        var error = Assert.Throws<DomainException>(() =>
            cycle.AdvanceTo(Phase.Preparation, OutsiderNamed(outsider), TestCycles.AllGatesHold, TestCycles.CreatedAt));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
        Assert.Equal(Phase.Draft, cycle.Phase);
        Assert.Empty(cycle.Transitions);
    }

    [Fact]
    public void AdvanceTo_ByAManagerOfSeveralJurisdictionsIncludingThisOne_Succeeds()
    {
        var cycle = TestCycles.InPhase(Phase.Draft);
        var manager = new Actor("m-3", "Luis Huamán", new HashSet<string> { "15", "1501", TestCycles.Ubigeo });

        cycle.AdvanceTo(Phase.Preparation, manager, TestCycles.AllGatesHold, TestCycles.CreatedAt);

        Assert.Equal(Phase.Preparation, cycle.Phase);
    }
}
