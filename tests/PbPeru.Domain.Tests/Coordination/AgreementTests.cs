using PbPeru.Domain.Common;
using PbPeru.Domain.Coordination;
using PbPeru.Domain.Cycles;
using static PbPeru.Domain.Tests.Coordination.CoordinationFixture;

namespace PbPeru.Domain.Tests.Coordination;

[Trait("Capability", "Coordination")]
public class AgreementTests
{
    private static string Snapshot(CoordinationSpace space) => string.Join(
        " | ",
        space.Agreements.Count,
        space.Projects.Count,
        string.Join(";", space.State.Projects.Select(p => $"{p.Number}:{p.IsActive}:{p.OwnerCycleId}:{string.Join(",", p.Shares.Select(s => $"{s.CycleId}={s.Amount.Centimos}"))}")));

    [Fact]
    public void Join_BringsTheSelectedEntriesOfEachReport_AsTheInitialLists()
    {
        var space = Space();
        var state = space.State;

        Assert.Equal(7, space.Projects.Count);
        Assert.Equal([2, 3], state.ListOf(Urubamba).Select(p => p.Number));
        Assert.Equal(Soles(2_000_000m), state.Committed(Urubamba));
        Assert.Equal(Soles(900_000m), state.Committed(Chinchero));
        Assert.DoesNotContain(space.Projects, p => p.Title == "No seleccionado");
        Assert.Equal(["081301", "081302"], space.Projects[1].Districts);
        Assert.Equal(201, space.Projects[1].ProposalId);
    }

    [Fact]
    public void Join_ACycleNotInCoordination_OrTwice_IsRefused()
    {
        using var culture = CultureScope.Spanish();
        var space = CoordinationSpace.Open("08", TestCycles.FiscalYear);
        var jurisdiction = new Jurisdictions.Jurisdiction("0813", "Urubamba", "CUSCO", null, null, 70_000, null);
        var concertation = CycleIn(Phase.Concertation, Urubamba, "0813", 3_000_000m);

        var error = Assert.Throws<DomainException>(() => space.Join(concertation, jurisdiction, PublishedReport(Urubamba), [], UrubambaManager, Now));
        Assert.Equal("Esto solo es posible durante la fase de coordinación.", error.Message);

        var cycle = CycleIn(Phase.Coordination, Urubamba, "0813", 3_000_000m);
        space.Join(cycle, jurisdiction, PublishedReport(Urubamba), [], UrubambaManager, Now);
        error = Assert.Throws<DomainException>(() => space.Join(cycle, jurisdiction, PublishedReport(Urubamba), [], UrubambaManager, Now));
        Assert.Equal(Messages.CycleAlreadyCoordinating.Format(), error.Message);
        Assert.Throws<DomainException>(() => space.Join(CycleIn(Phase.Coordination, 9, "081302", 1m), new("081302", "Chinchero", "CUSCO", null, null, 1, null), PublishedReport(9), [], UrubambaManager, Now));
    }

    [Fact]
    public void Cofinancing_SplitsTheCost_AndEachShareCountsAgainstItsGovernmentOnce()
    {
        var space = Space();

        space.AgreeCofinancing(1, 3, [new(Urubamba, Soles(500_000m)), new(Huayllabamba, Soles(300_000m))], RegionManager, Now);

        var state = space.State;
        Assert.Equal(Soles(1_700_000m), state.Committed(Urubamba));
        Assert.Equal(Soles(1_000_000m), state.Committed(Huayllabamba));
        Assert.Equal([3], state.ListOf(Urubamba).Where(p => p.IsCofinanced).Select(p => p.Number));
        Assert.Equal([3, 6], state.PaidBy(Huayllabamba).Select(p => p.Number));
        Assert.DoesNotContain(state.ListOf(Huayllabamba), p => p.Number == 3);
    }

    [Fact]
    public void Cofinancing_WhoseSharesDoNotAddUpToTheCost_IsRefusedAndChangesNothing()
    {
        using var culture = CultureScope.Spanish();
        var space = Space();
        var before = Snapshot(space);

        var error = Assert.Throws<DomainException>(() =>
            space.AgreeCofinancing(1, 3, [new(Urubamba, Soles(500_000m)), new(Huayllabamba, Soles(200_000m))], RegionManager, Now));

        Assert.Equal("Las partes suman S/ 700,000.00; deben sumar exactamente el costo del proyecto, S/ 800,000.00.", error.Message);
        Assert.Equal(before, Snapshot(space));
    }

    [Fact]
    public void Cofinancing_ThatBreaksAGovernmentsCeiling_IsRefusedAndChangesNothing()
    {
        using var culture = CultureScope.English();
        var space = Space();
        var before = Snapshot(space);

        var error = Assert.Throws<DomainException>(() =>
            space.AgreeCofinancing(1, 3, [new(Urubamba, Soles(400_000m)), new(Huayllabamba, Soles(400_000m))], RegionManager, Now));

        Assert.Equal("With this agreement, Huayllabamba would commit S/ 1,100,000.00, above its budget ceiling of S/ 1,000,000.00.", error.Message);
        Assert.Equal(before, Snapshot(space));
    }

    [Fact]
    public void Cofinancing_WithAGovernmentOutsideTheHierarchy_IsRefused()
    {
        var space = Space();

        var error = Assert.Throws<DomainException>(() =>
            space.AgreeCofinancing(1, 6, [new(Huayllabamba, Soles(400_000m)), new(Chinchero, Soles(300_000m))], RegionManager, Now));

        Assert.Equal(Messages.CofinancingOutsideHierarchy.Format("Huayllabamba"), error.Message);
    }

    [Fact]
    public void Transfer_MovesTheProjectToTheOtherList_AndItsCostToThatCeiling()
    {
        var space = Space();

        space.AgreeTransfer(1, 4, Region, ChincheroManager, Now);

        var state = space.State;
        Assert.Equal([1, 4], state.ListOf(Region).Select(p => p.Number));
        Assert.Equal([5], state.ListOf(Chinchero).Select(p => p.Number));
        Assert.Equal(Soles(4_600_000m), state.Committed(Region));
        Assert.Equal(Soles(300_000m), state.Committed(Chinchero));
    }

    [Fact]
    public void Transfer_ToAGovernmentOutsideTheHierarchy_IsRefusedAndChangesNothing()
    {
        using var culture = CultureScope.Spanish();
        var space = Space();
        var before = Snapshot(space);

        var error = Assert.Throws<DomainException>(() => space.AgreeTransfer(1, 5, CuscoProvince, RegionManager, Now));

        Assert.Equal(
            "Un proyecto de Chinchero solo puede pasar a la lista de un gobierno de su jerarquía (su región, su provincia o sus distritos).",
            error.Message);
        Assert.Equal(before, Snapshot(space));
        Assert.Throws<DomainException>(() => space.AgreeTransfer(1, 5, Huayllabamba, RegionManager, Now));
        Assert.Throws<DomainException>(() => space.AgreeTransfer(1, 5, 99, RegionManager, Now));
    }

    [Fact]
    public void Merge_MakesOneProject_TheOriginalsLeaveTheLists_AndTheOverlapIsGone()
    {
        var space = Space();
        Assert.Contains(space.State.UnresolvedOverlaps, o => o is { First: 1, Second: 4 });

        var merge = space.AgreeMerge(1, [1, 4], "Carretera Urubamba – Chinchero", Soles(4_500_000m), Region, RegionManager, Now);

        var state = space.State;
        Assert.Equal(8, merge.ResultProject);
        Assert.Equal([2, 3, 5, 6, 7, 8], state.Active.Select(p => p.Number));
        Assert.Equal([8], state.ListOf(Region).Select(p => p.Number));
        Assert.Equal(Soles(4_500_000m), state.Committed(Region));
        Assert.Equal(Money.Zero, state.Committed(Chinchero) - Soles(300_000m));
        Assert.Equal("2345678", space.Projects[7].Cui);
        Assert.Equal(["080101", "081301", "081302"], space.Projects[7].Districts);
        Assert.DoesNotContain(state.Overlaps, o => o.Involves(1) || o.Involves(4));
    }

    [Fact]
    public void Merge_OfAProjectNoLongerActive_IsRefused()
    {
        using var culture = CultureScope.English();
        var space = Space();
        space.RejectForReach(1, 4, "Lo ejecuta la región.", RegionManager, Now);

        var error = Assert.Throws<DomainException>(() => space.AgreeMerge(1, [1, 4], "Carretera", Soles(1m), Region, RegionManager, Now));

        Assert.Equal("The project “Mejoramiento carretera Chinchero Urubamba” is no longer on any list.", error.Message);
        Assert.Equal(7, space.Projects.Count);
    }

    [Fact]
    public void RejectForReach_TakesTheProjectOff_WithItsReason()
    {
        var space = Space();

        var agreement = space.RejectForReach(1, 3, "Un proyecto provincial debe alcanzar más de un distrito.", UrubambaManager, Now);

        var project = space.State.Project(3)!;
        Assert.False(project.IsActive);
        Assert.Equal(agreement.Number, project.EndedBy);
        Assert.Equal(Soles(1_200_000m), space.State.Committed(Urubamba));
        Assert.Throws<DomainException>(() => space.RejectForReach(1, 2, " ", UrubambaManager, Now));
    }

    [Fact]
    public void KeepSeparate_ResolvesTheOverlap_AndIsRefusedForAPairThatDoesNotOverlap()
    {
        var space = Space();
        Assert.Contains(space.State.UnresolvedOverlaps, o => o is { First: 3, Second: 6 });

        var agreement = space.KeepSeparate(1, 3, 6, "Son redes distintas.", HuayllabambaManager, Now);

        Assert.Equal(agreement.Number, space.State.Overlaps.Single(o => o is { First: 3, Second: 6 }).ResolvedBy);
        var error = Assert.Throws<DomainException>(() => space.KeepSeparate(1, 2, 5, "", UrubambaManager, Now));
        Assert.Equal(Messages.KeepSeparateNotAnOverlap.Format("Sistema de riego tecnificado en Urubamba", "Riego tecnificado Chinchero"), error.Message);
    }

    [Fact]
    public void Revoke_UndoesTheAgreement_WithoutEditingTheLedger()
    {
        var space = Space();
        var transfer = space.AgreeTransfer(1, 4, Region, ChincheroManager, Now);

        var revoke = space.Revoke(1, transfer.Number, "Se acordó mal.", RegionManager, Now);

        Assert.Equal(2, space.Agreements.Count);
        Assert.Equal(transfer.Number, revoke.RevokesAgreement);
        Assert.Equal([4, 5], space.State.ListOf(Chinchero).Select(p => p.Number));
        Assert.Empty(space.State.InEffect);
        Assert.Equal(Messages.AgreementAlreadyRevoked.Format(1), Assert.Throws<DomainException>(() => space.Revoke(1, 1, "x", RegionManager, Now)).Message);
        Assert.Equal(Messages.RevokeOfRevoke.Format(), Assert.Throws<DomainException>(() => space.Revoke(1, 2, "x", RegionManager, Now)).Message);
    }

    [Fact]
    public void Revoke_WhileALaterAgreementDependsOnIt_IsRefused()
    {
        var space = Space();
        space.AgreeTransfer(1, 4, Region, ChincheroManager, Now);
        space.AgreeCofinancing(1, 4, [new(Region, Soles(300_000m)), new(Chinchero, Soles(300_000m))], RegionManager, Now);
        var before = Snapshot(space);

        var error = Assert.Throws<DomainException>(() => space.Revoke(1, 1, "Se acordó mal.", RegionManager, Now));

        Assert.Equal(Messages.RevokeHasDependents.Format(1, "2"), error.Message);
        Assert.Equal(before, Snapshot(space));
    }

    [Fact]
    public void Revoke_ThatWouldBreakACeiling_IsRefused()
    {
        using var culture = CultureScope.Spanish();
        var space = Space();
        var rejection = space.RejectForReach(1, 5, "Sin alcance.", ChincheroManager, Now);
        space.AgreeCofinancing(1, 2, [new(Urubamba, Soles(800_000m)), new(Chinchero, Soles(400_000m))], UrubambaManager, Now);
        var before = Snapshot(space);

        var error = Assert.Throws<DomainException>(() => space.Revoke(1, rejection.Number, "Vuelve a la lista.", ChincheroManager, Now));

        Assert.Equal("Con este acuerdo, Chinchero comprometería S/ 1,300,000.00, por encima de su techo presupuestal de S/ 1,000,000.00.", error.Message);
        Assert.Equal(before, Snapshot(space));
    }

    [Fact]
    public void AnAgreementChangingTheListOfAGovernmentAbsentFromTheMeeting_IsRefused()
    {
        using var culture = CultureScope.Spanish();
        var space = Space();

        var error = Assert.Throws<DomainException>(() => space.AgreeTransfer(2, 6, Urubamba, RegionManager, Now));

        Assert.Equal("El acuerdo cambia la lista de Urubamba, Huayllabamba, que no participó en la reunión.", error.Message);
        Assert.Empty(space.Agreements);
    }

    [Fact]
    public void AManagerOfAGovernmentNotInTheMeeting_CannotRecordAgreements()
    {
        var space = Space();

        var error = Assert.Throws<DomainException>(() => space.RejectForReach(1, 7, "Sin alcance.", CuscoProvinceManager, Now));
        Assert.Equal(Messages.RecorderNotInMeeting.Format(), error.Message);
        error = Assert.Throws<DomainException>(() => space.AgreeTransfer(2, 4, Region, HuayllabambaManager, Now));
        Assert.Equal(Messages.RecorderNotInMeeting.Format(), error.Message);
        Assert.Empty(space.Agreements);
    }
}
