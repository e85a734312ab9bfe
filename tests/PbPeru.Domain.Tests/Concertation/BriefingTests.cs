using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Tests.Preparation;
using static PbPeru.Domain.Tests.Concertation.ProposalFixtures;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class BriefingTests
{
    private static readonly IReadOnlyList<AgreementInput> Agreements =
    [
        new("Pavimentación del jirón Los Andes", AgreementState.Done, "Entregada en octubre."),
        new(" Posta de salud de Campoy ", AgreementState.InProgress, " Expediente técnico aprobado. "),
        new("Losa deportiva Mariscal Cáceres", AgreementState.Dropped, "Sin terreno saneado."),
    ];

    private static Briefing Started(ConcertationSetup setup) =>
        Registrations.WithId(Briefing.Start(setup.Cycle, setup.Manager, Now), 5);

    [Fact]
    public void Start_ByTheManagerInConcertation_IsAnUnpublishedEmptyPage()
    {
        var setup = Setup();

        var briefing = Briefing.Start(setup.Cycle, setup.Manager, Now);

        Assert.Equal(setup.Cycle.Id, briefing.CycleId);
        Assert.False(briefing.IsPublished);
        Assert.Equal("", briefing.Body);
        Assert.Equal(Now, briefing.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, briefing.UpdatedAt.Offset);
        Assert.Equal(setup.Manager.UserId, briefing.UpdatedByUserId);
    }

    [Fact]
    public void Start_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var setup = Setup();

        var error = Assert.Throws<DomainException>(() => Briefing.Start(setup.Cycle, TestCycles.OtherManager, Now));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
    }

    [Theory]
    [InlineData(Phase.Preparation)]
    [InlineData(Phase.Coordination)]
    public void Start_OutsideConcertation_IsRefused(Phase phase)
    {
        var cycle = TestCycles.InPhase(phase);

        var error = Assert.Throws<DomainException>(() => Briefing.Start(cycle, TestCycles.Manager, Now));

        Assert.Equal(Messages.NotInConcertation.Format(), error.Message);
    }

    [Fact]
    public void Edit_KeepsTheTextAndTheAgreementsInOrder_Trimmed()
    {
        var setup = Setup();
        var briefing = Started(setup);

        briefing.Edit(setup.Cycle, setup.Manager, "  El techo es S/ 1 500 000.\n\nLos ejes son tres.  ", Agreements, Now.AddHours(2));

        Assert.Equal("El techo es S/ 1 500 000.\n\nLos ejes son tres.", briefing.Body);
        Assert.Equal(["El techo es S/ 1 500 000.", "Los ejes son tres."], briefing.Paragraphs);
        Assert.Equal(
            ["Pavimentación del jirón Los Andes", "Posta de salud de Campoy", "Losa deportiva Mariscal Cáceres"],
            briefing.PreviousAgreements.Select(a => a.Description));
        Assert.Equal([AgreementState.Done, AgreementState.InProgress, AgreementState.Dropped], briefing.PreviousAgreements.Select(a => a.State));
        Assert.Equal("Expediente técnico aprobado.", briefing.PreviousAgreements[1].Note);
        Assert.Equal(Now.AddHours(2), briefing.UpdatedAt);
    }

    [Fact]
    public void Edit_WithFewerAgreements_DropsTheLastAndKeepsTheOthersIdentity()
    {
        var setup = Setup();
        var briefing = Started(setup);
        briefing.Edit(setup.Cycle, setup.Manager, "Texto", Agreements, Now);
        var first = briefing.PreviousAgreements[0];

        briefing.Edit(setup.Cycle, setup.Manager, "Texto", [Agreements[0] with { State = AgreementState.Pending }], Now);

        Assert.Same(first, Assert.Single(briefing.PreviousAgreements));
        Assert.Equal(AgreementState.Pending, first.State);
    }

    [Fact]
    public void Edit_WithAnAgreementWithoutDescriptionOrStateOrWithALongNote_IsRefusedForEachAndNothingChanges()
    {
        using var culture = CultureScope.English();
        var setup = Setup();
        var briefing = Started(setup);
        briefing.Edit(setup.Cycle, setup.Manager, "Texto", Agreements, Now);

        var error = Assert.Throws<DomainException>(() => briefing.Edit(setup.Cycle, setup.Manager, "Otro texto",
        [
            new(" ", AgreementState.Done, ""),
            new("Canal de riego", (AgreementState)9, ""),
            new("Puente peatonal", AgreementState.Pending, new string('n', PreviousAgreement.MaxNoteLength + 1)),
        ], Now));

        Assert.Equal(
            [
                Messages.AgreementDescriptionInvalid.Format(PreviousAgreement.MaxDescriptionLength),
                Messages.AgreementStateUnknown.Format("Canal de riego"),
                Messages.AgreementNoteTooLong.Format(PreviousAgreement.MaxNoteLength),
            ],
            error.Reasons);
        Assert.Equal("Texto", briefing.Body);
        Assert.Equal(3, briefing.PreviousAgreements.Count);
    }

    [Fact]
    public void Edit_WithTooLongABodyOrTooManyAgreements_IsRefused()
    {
        var setup = Setup();
        var briefing = Started(setup);
        var many = Enumerable.Range(1, Briefing.MaxAgreements + 1).Select(i => new AgreementInput($"Acuerdo {i}", AgreementState.Pending, "")).ToList();

        var error = Assert.Throws<DomainException>(() => briefing.Edit(setup.Cycle, setup.Manager, new string('x', Briefing.MaxBodyLength + 1), many, Now));

        Assert.Equal([Messages.BriefingBodyTooLong.Format(Briefing.MaxBodyLength), Messages.TooManyAgreements.Format(Briefing.MaxAgreements)], error.Reasons);
    }

    [Fact]
    public void Publish_WithAText_MakesItPublicAndRecordsWhoAndWhen()
    {
        var setup = Setup();
        var briefing = Started(setup);
        briefing.Edit(setup.Cycle, setup.Manager, "Bienvenidos al taller.", Agreements, Now);

        briefing.Publish(setup.Cycle, setup.Manager, Now.AddHours(1));

        Assert.True(briefing.IsPublished);
        Assert.Equal(Now.AddHours(1), briefing.PublishedAt);
        Assert.Equal(TimeSpan.Zero, briefing.PublishedAt!.Value.Offset);
        Assert.Equal(setup.Manager.UserId, briefing.PublishedByUserId);
    }

    [Fact]
    public void Publish_WithoutText_IsRefused()
    {
        var setup = Setup();
        var briefing = Started(setup);

        var error = Assert.Throws<DomainException>(() => briefing.Publish(setup.Cycle, setup.Manager, Now));

        Assert.Equal(Messages.BriefingBodyRequired.Format(), error.Message);
        Assert.False(briefing.IsPublished);
    }

    [Fact]
    public void Publish_Twice_IsRefused()
    {
        var setup = Setup();
        var briefing = Started(setup);
        briefing.Edit(setup.Cycle, setup.Manager, "Texto", [], Now);
        briefing.Publish(setup.Cycle, setup.Manager, Now);

        var error = Assert.Throws<DomainException>(() => briefing.Publish(setup.Cycle, setup.Manager, Now.AddDays(1)));

        Assert.Equal(Messages.BriefingAlreadyPublished.Format(), error.Message);
        Assert.Equal(Now, briefing.PublishedAt);
    }

    [Fact]
    public void Edit_AfterPublishing_IsAllowedAndDatedButCannotEmptyTheText()
    {
        var setup = Setup();
        var briefing = Started(setup);
        briefing.Edit(setup.Cycle, setup.Manager, "Texto", [], Now);
        briefing.Publish(setup.Cycle, setup.Manager, Now);

        briefing.Edit(setup.Cycle, setup.Manager, "Texto corregido", Agreements, Now.AddDays(2));
        var error = Assert.Throws<DomainException>(() => briefing.Edit(setup.Cycle, setup.Manager, " ", [], Now.AddDays(3)));

        Assert.Equal("Texto corregido", briefing.Body);
        Assert.Equal(Now.AddDays(2), briefing.UpdatedAt);
        Assert.Equal(Now, briefing.PublishedAt);
        Assert.Equal([Messages.BriefingBodyRequired.Format()], error.Reasons);
    }

    [Fact]
    public void Edit_ByAnotherJurisdictionsManager_IsRefused()
    {
        var setup = Setup();
        var briefing = Started(setup);

        var error = Assert.Throws<DomainException>(() => briefing.Edit(setup.Cycle, TestCycles.OtherManager, "Texto", [], Now));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
    }

    [Fact]
    public void Edit_OnceConcertationIsOver_IsRefused()
    {
        var setup = Setup();
        var briefing = Started(setup);
        setup.Cycle.AdvanceTo(Phase.Coordination, setup.Manager, TestCycles.AllGatesHold, Now.AddDays(50));

        var error = Assert.Throws<DomainException>(() => briefing.Edit(setup.Cycle, setup.Manager, "Texto", [], Now));

        Assert.Equal(Messages.NotInConcertation.Format(), error.Message);
    }

    [Fact]
    public void Edit_InAnotherCycle_IsRefused()
    {
        var setup = Setup();
        var briefing = Started(setup);
        var other = Setup();
        Registrations.WithId(other.Cycle, 2);

        var error = Assert.Throws<DomainException>(() => briefing.Edit(other.Cycle, other.Manager, "Texto", [], Now));

        Assert.Equal(Messages.WrongCycle.Format(), error.Message);
    }

    [Fact]
    public void AddDocument_UpToTen_ThenIsRefused()
    {
        var setup = Setup();
        var briefing = Started(setup);
        for (var i = 1; i <= BriefingDocument.MaxPerBriefing; i++)
        {
            Registrations.WithId(briefing.AddDocument(setup.Cycle, setup.Manager, $"anexo-{i}.pdf", $"key-{i}", "application/pdf", 10_000, new string('e', 64), Now), i);
        }

        var error = Assert.Throws<DomainException>(() => briefing.AddDocument(setup.Cycle, setup.Manager, "otro.pdf", "key-x", "application/pdf", 10_000, new string('e', 64), Now));

        Assert.Equal(Messages.TooManyBriefingDocuments.Format(BriefingDocument.MaxPerBriefing), error.Message);
        Assert.Equal(BriefingDocument.MaxPerBriefing, briefing.Documents.Count);
    }

    [Fact]
    public void RemoveDocument_ReturnsItAndDatesTheEdit()
    {
        var setup = Setup();
        var briefing = Started(setup);
        var document = Registrations.WithId(briefing.AddDocument(setup.Cycle, setup.Manager, "/tmp/plan/pdc.pdf", "key-1", "application/pdf", 10_000, new string('e', 64), Now), 3);

        var removed = briefing.RemoveDocument(setup.Cycle, setup.Manager, 3, Now.AddHours(5));

        Assert.Same(document, removed);
        Assert.Equal("pdc.pdf", removed.FileName);
        Assert.Empty(briefing.Documents);
        Assert.Equal(Now.AddHours(5), briefing.UpdatedAt);
        Assert.Throws<DomainException>(() => briefing.RemoveDocument(setup.Cycle, setup.Manager, 3, Now));
    }
}
