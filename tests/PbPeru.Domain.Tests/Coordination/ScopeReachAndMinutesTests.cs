using PbPeru.Domain.Common;
using PbPeru.Domain.Coordination;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using static PbPeru.Domain.Tests.Coordination.CoordinationFixture;
using AttendeeCategory = PbPeru.Domain.Meetings.AttendeeCategory;
using MeetingKind = PbPeru.Domain.Meetings.MeetingKind;

namespace PbPeru.Domain.Tests.Coordination;

[Trait("Capability", "Coordination")]
public class ScopeReachAndMinutesTests
{
    [Fact]
    public void LinkedCycles_FollowTheUbigeoHierarchy_WithinOneFiscalYear()
    {
        var region = CycleIn(Phase.Coordination, 1, "08", 1m);
        var urubamba = CycleIn(Phase.Coordination, 2, "0813", 1m);
        var chinchero = CycleIn(Phase.Coordination, 3, "081302", 1m);
        var huayllabamba = CycleIn(Phase.Coordination, 4, "081303", 1m);
        var cusco = CycleIn(Phase.Coordination, 5, "0801", 1m);
        var lima = CycleIn(Phase.Coordination, 6, "15", 1m);
        Cycle[] all = [region, urubamba, chinchero, huayllabamba, cusco, lima];

        Assert.Equal([5, 2, 3, 4], CoordinationScope.Linked(region, all).Select(c => c.Id));
        Assert.Equal([1, 3, 4], CoordinationScope.Linked(urubamba, all).Select(c => c.Id));
        Assert.Equal([1, 2], CoordinationScope.Linked(chinchero, all).Select(c => c.Id));
        Assert.Empty(CoordinationScope.Linked("081302", 2027, all, c => c.JurisdictionUbigeo, c => c.FiscalYear));
    }

    [Theory]
    [InlineData("Mejoramiento de la carretera Urubamba Chinchero", "Mejoramiento carretera Chinchero – Urubamba", true)]
    [InlineData("Agua potable Huayllabamba", "Instalación del servicio de agua potable en Huayllabamba", true)]
    [InlineData("Sistema de riego tecnificado en Urubamba", "Riego tecnificado Chinchero", false)]
    [InlineData("CONSTRUCCIÓN DE AULAS", "construccion de aulas", true)]
    [InlineData("de la y en", "de la y en", false)]
    public void TitleSimilarity_IsJaccardOfFoldedWords_AtLeastOneHalf(string a, string b, bool similar)
    {
        Assert.Equal(similar, TitleSimilarity.AreSimilar(a, b));
        Assert.Equal(similar, TitleSimilarity.AreSimilar(b, a));
    }

    [Fact]
    public void TitleSimilarity_DropsShortAndStopWords()
    {
        Assert.Equal(["agua", "huayllabamba", "instalacion", "potable", "servicio"], TitleSimilarity.Words("Instalación del servicio de agua potable en Huayllabamba").Order(StringComparer.Ordinal));
        Assert.Equal(0.6m, TitleSimilarity.Jaccard("Agua potable Huayllabamba", "Instalación del servicio de agua potable en Huayllabamba"));
        Assert.True(TitleSimilarity.SameName("Desarrollo económico", "DESARROLLO ECONOMICO"));
    }

    [Fact]
    public void Overlaps_AreTheSameCui_OrSameDistrictThemeAndSimilarTitle()
    {
        var overlaps = Space().State.Overlaps;

        Assert.Equal([(1, 4), (3, 6)], overlaps.Select(o => (o.First, o.Second)));
        Assert.Equal(OverlapReason.SameCui | OverlapReason.SameDistrictThemeAndTitle, overlaps[0].Reason);
        Assert.Equal(OverlapReason.SameDistrictThemeAndTitle, overlaps[1].Reason);
        Assert.All(overlaps, o => Assert.False(o.IsResolved));
    }

    [Fact]
    public void Transfer_RecordedAfterTheOverlap_ResolvesIt()
    {
        var space = Space();

        var transfer = space.AgreeTransfer(1, 6, Urubamba, HuayllabambaManager, Now);

        Assert.Equal(transfer.Number, space.State.Overlaps.Single(o => o.Involves(6)).ResolvedBy);
        Assert.Equal(1, space.State.UnresolvedOverlapsOf(Region));
        Assert.Equal(0, space.State.UnresolvedOverlapsOf(Urubamba));
    }

    [Fact]
    public void ReachCheck_AppliesTheLevelRule_TheMinimumAmount_AndThePopulationShare()
    {
        using var culture = CultureScope.Spanish();
        var rules = new ImpactRules(Soles(1_000_000m), MinimumReachPercent: 40, LevelRule: true);
        var space = Space(provinceRules: rules);

        Assert.Equal(
            [
                "El monto S/ 800,000.00 está por debajo del mínimo de S/ 1,000,000.00 para los proyectos de esta lista.",
                "Los distritos del proyecto reúnen el 7.1 % de la población de la jurisdicción; el mínimo es 40 %.",
                "Un proyecto provincial debe alcanzar más de un distrito; este alcanza solo uno.",
            ],
            space.ReachProblems(3, Populations));
        Assert.Empty(space.ReachProblems(2, Populations));
        Assert.Empty(space.ReachProblems(1, Populations));
        Assert.Equal(
            [Messages.RegionalProjectOneProvince.Format()],
            ReachCheck.Problems(Soles(1m), ["081302", "081303"], "08", ImpactRules.Default, 1_300_000, Populations));
        Assert.Empty(ReachCheck.Problems(Soles(1m), ["081302"], "081302", ImpactRules.Default, 10_000, Populations));
    }

    [Fact]
    public void ImpactRules_FreezeWhenCoordinationStarts()
    {
        var cycle = CycleIn(Phase.Concertation, 1, "0813", 1_000_000m);
        var manager = Manager("0813");
        cycle.SetImpactRules(ImpactRules.Default with { MinimumReachPercent = 10 }, manager);
        Assert.Throws<DomainException>(() => cycle.SetImpactRules(ImpactRules.Default with { MinimumReachPercent = 101 }, manager));

        cycle.AdvanceTo(Phase.Coordination, manager, TestCycles.AllGatesHold, Now);

        Assert.True(cycle.IsFrozen(RuleSet.ImpactRules));
        Assert.Throws<DomainException>(() => cycle.SetImpactRules(ImpactRules.Default, manager));
        Assert.Equal(10, cycle.ImpactRules.MinimumReachPercent);
    }

    [Fact]
    public void RecordMeeting_NeedsAttendeesOfTheSpace_AndARecorderWhoseGovernmentTookPart()
    {
        using var culture = CultureScope.English();
        var space = Space();

        var error = Assert.Throws<DomainException>(() => space.RecordMeeting(Meeting("08", "1501"), RegionManager, Now));
        Assert.Equal("Asistente 2 speaks for a government that does not take part in this coordination.", error.Message);
        error = Assert.Throws<DomainException>(() => space.RecordMeeting(Meeting("08", "081302"), CuscoProvinceManager, Now));
        Assert.Equal(Messages.RecorderNotInMeeting.Format(), error.Message);
        Assert.Throws<DomainException>(() => space.RecordMeeting(Meeting(), RegionManager, Now));
        Assert.Equal(2, space.Meetings.Count);

        var meeting = space.RecordMeeting(Meeting("0801", "08"), CuscoProvinceManager, Now);
        Assert.Equal(3, meeting.Number);
        Assert.Equal(["0801", "08"], meeting.Guests.Select(a => a.GovernmentUbigeo));
        Assert.Equal(Now.ToUniversalTime(), meeting.StartsAt);
    }

    [Fact]
    public void ACoordinationMeeting_IsAMeetingOfTheSpace_WithItsAttendeesAsAuthorities()
    {
        var space = Space();

        var meeting = space.RecordMeeting(
            new CoordinationMeetingInput(Now, "  Sede regional  ", [new AttendeeInput(" Ana Quispe ", " Alcaldesa ", "0801"), new AttendeeInput("Luis Huamán", "Gerente de Planeamiento", "08")]),
            CuscoProvinceManager,
            Now.AddHours(2));

        Assert.Equal(MeetingKind.CoordinationMeeting, meeting.Kind);
        Assert.Null(meeting.CycleId);
        Assert.Equal(3, meeting.Number);
        Assert.Equal("Reunión de coordinación N.º 3", meeting.Title);
        Assert.Equal("Sede regional", meeting.Place);
        Assert.Equal("", meeting.Facilitator);
        Assert.Equal(CuscoProvinceManager.UserId, meeting.RecordedByUserId);
        Assert.Equal(CuscoProvinceManager.DisplayName, meeting.RecordedBy);
        Assert.Equal(Now.AddHours(2).ToUniversalTime(), meeting.RecordedAt);
        Assert.Empty(meeting.Attendance);
        Assert.Equal(
            [(1, "Ana Quispe", "Alcaldesa", "0801"), (2, "Luis Huamán", "Gerente de Planeamiento", "08")],
            meeting.Guests.Select(g => (g.Position, g.Name, g.Office, g.GovernmentUbigeo)));
        Assert.All(meeting.Guests, g => Assert.Equal((AttendeeCategory.Authority, (Sex?)null), (g.Category, g.Sex)));
        Assert.Equal(new HashSet<string> { "0801", "08" }, meeting.Governments);
        Assert.Equal([1, 2, 3], space.Meetings.Select(m => m.Number ?? 0));
    }

    [Fact]
    public void Minutes_AreRecordedOnce_CloseTheSpace_AndFeedTheGate()
    {
        using var culture = CultureScope.Spanish();
        var space = Space();
        var cycle = CycleIn(Phase.Coordination, Huayllabamba, "081303", 1_000_000m);

        var gate = cycle.CheckMove(Phase.Formalization, space.ApplyTo(TestCycles.AllGatesHold, Huayllabamba));
        Assert.Equal(["Falta registrar el acta de coordinación.", "Queda 1 superposición de proyectos sin resolver."], gate.Reasons);

        space.KeepSeparate(1, 3, 6, "Redes distintas.", HuayllabambaManager, Now);
        Assert.Throws<DomainException>(() => space.RecordMinutes("Acta", [1], CuscoProvinceManager, Now));
        Assert.Throws<DomainException>(() => space.RecordMinutes("Acta", [9], RegionManager, Now));
        space.RecordMinutes("Acta de coordinación 2026.", [1, 2], HuayllabambaManager, Now);

        Assert.True(cycle.CheckMove(Phase.Formalization, space.ApplyTo(TestCycles.AllGatesHold, Huayllabamba)).Allowed);
        Assert.False(cycle.CheckMove(Phase.Formalization, space.ApplyTo(TestCycles.AllGatesHold, Chinchero)).Allowed);
        Assert.Equal([1, 2], space.Minutes!.MeetingNumbers);
        var error = Assert.Throws<DomainException>(() => space.RejectForReach(1, 7, "Sin alcance.", RegionManager, Now));
        Assert.Equal(Messages.CoordinationClosedByMinutes.Format(), error.Message);
        Assert.Throws<DomainException>(() => space.RecordMinutes("Otra", [1], RegionManager, Now));
    }
}
