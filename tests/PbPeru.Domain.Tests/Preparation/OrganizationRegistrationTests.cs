using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Preparation;

[Trait("Capability", "Preparation")]
public class OrganizationRegistrationTests
{
    public static TheoryData<DateOnly> DaysInsideTheWindow => [RegistrationOpens, InRegistration, RegistrationCloses];

    public static TheoryData<DateOnly> DaysOutsideTheWindow => [RegistrationOpens.AddDays(-1), RegistrationCloses.AddDays(1), new(2025, 3, 20)];

    [Theory]
    [MemberData(nameof(DaysInsideTheWindow))]
    public void Register_OnAnyDayOfTheWindowIncludingFirstAndLast_CreatesADraft(DateOnly today)
    {
        var cycle = NewCycle();

        var organization = Organization.Register(cycle, RepresentativeId, Details, today, Now);

        Assert.Equal(OrganizationStatus.Draft, organization.Status);
        Assert.Equal(cycle.Id, organization.CycleId);
        Assert.Equal(RepresentativeId, organization.RepresentativeUserId);
        Assert.Equal(Now, organization.CreatedAt);
        Assert.Equal(TimeSpan.Zero, organization.CreatedAt.Offset);
        Assert.Null(organization.SubmittedAt);
    }

    [Theory]
    [MemberData(nameof(DaysOutsideTheWindow))]
    public void Register_OutsideTheWindow_IsRefusedGivingTheDates(DateOnly today)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();

        var error = Assert.Throws<DomainException>(() => Organization.Register(cycle, RepresentativeId, Details, today, Now));

        Assert.Equal("La inscripción está cerrada: las fechas de inscripción son del 13/01/2025 al 14/02/2025.", error.Message);
    }

    [Theory]
    [InlineData(Phase.Draft)]
    [InlineData(Phase.Concertation)]
    [InlineData(Phase.Coordination)]
    [InlineData(Phase.Formalization)]
    [InlineData(Phase.Published)]
    [InlineData(Phase.Closed)]
    public void Register_OutsidePreparation_IsRefusedEvenInsideTheWindow(Phase phase)
    {
        var cycle = TestCycles.InPhase(phase);

        var error = Assert.Throws<DomainException>(() => Organization.Register(cycle, RepresentativeId, Details, InRegistration, Now));

        Assert.Equal(Messages.NotInPreparation.Format(), error.Message);
    }

    [Fact]
    public void Register_WhenTheCalendarHasNoRegistrationDates_IsRefused()
    {
        var cycle = TestCycles.InPhase(Phase.Preparation, c => c.SetCalendar(
            TestCycles.FullCalendar.Where(e => e.Step != CalendarStep.Registration).ToList(), TestCycles.Manager));

        var error = Assert.Throws<DomainException>(() => Organization.Register(cycle, RepresentativeId, Details, InRegistration, Now));

        Assert.Equal(Messages.RegistrationNotScheduled.Format(), error.Message);
    }

    [Fact]
    public void Register_KeepsTheDetailsTrimmedAndTheRucWithoutSpaces()
    {
        var cycle = NewCycle();
        var details = new OrganizationDetails(
            "  Club de Madres Santa Rosa ", OrganizationType.WomensOrganization, RegistryKind.Ruc, " 2013 1312 955 ", " 150132 ", " Jr. Lima 45 ", " Elena Ccori ");

        var organization = Organization.Register(cycle, RepresentativeId, details, InRegistration, Now);

        Assert.Equal("Club de Madres Santa Rosa", organization.Name);
        Assert.Equal(OrganizationType.WomensOrganization, organization.Type);
        Assert.Equal(RegistryKind.Ruc, organization.RegistryKind);
        Assert.Equal(ValidRuc, organization.RegistryNumber);
        Assert.Equal("150132", organization.DistrictUbigeo);
        Assert.Equal("Jr. Lima 45", organization.Address);
        Assert.Equal("Elena Ccori", organization.LegalRepresentative);
    }

    [Theory]
    [InlineData("20131312954")] // SUNAT's RUC with the wrong check digit
    [InlineData("20100047219")]
    [InlineData("2013131295")]
    [InlineData("30131312955")]
    [InlineData("")]
    public void Register_WithARucThatFailsTheCheck_IsRefused(string ruc)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();

        var error = Assert.Throws<DomainException>(() => Organization.Register(cycle, RepresentativeId, Details with { RegistryNumber = ruc }, InRegistration, Now));

        Assert.Equal(["El RUC no es válido: debe tener 11 dígitos y un dígito verificador correcto."], error.Reasons);
    }

    [Theory]
    [InlineData(RegistryKind.Sunarp, "11045872")]
    [InlineData(RegistryKind.MunicipalRegistry, "RM-0412-2019")]
    public void Register_WithAnotherRegistry_DoesNotApplyTheRucCheck(RegistryKind kind, string number)
    {
        var cycle = NewCycle();

        var organization = Organization.Register(cycle, RepresentativeId, Details with { RegistryKind = kind, RegistryNumber = number }, InRegistration, Now);

        Assert.Equal(number, organization.RegistryNumber);
    }

    [Theory]
    [InlineData("15013")]
    [InlineData("1501320")]
    [InlineData("15O132")]
    [InlineData("15-132")]
    [InlineData("１５０１３２")]
    [InlineData("")]
    [InlineData("   ")]
    public void Register_WithADistrictThatIsNotSixDigits_IsRefused(string ubigeo)
    {
        var cycle = NewCycle();

        var error = Assert.Throws<DomainException>(() => Organization.Register(cycle, RepresentativeId, Details with { DistrictUbigeo = ubigeo }, InRegistration, Now));

        Assert.Equal([Messages.DistrictUbigeoInvalid.Format()], error.Reasons);
    }

    [Fact]
    public void Register_WithABadRucAndABadDistrict_GivesBothReasons()
    {
        var cycle = NewCycle();

        var error = Assert.Throws<DomainException>(() => Organization.Register(
            cycle, RepresentativeId, Details with { RegistryNumber = "20131312954", DistrictUbigeo = "1501" }, InRegistration, Now));

        Assert.Equal([Messages.RucInvalid.Format(), Messages.DistrictUbigeoInvalid.Format()], error.Reasons);
    }

    [Fact]
    public void UpdateDetails_WhileDraftInTheWindow_ReplacesTheDetails()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);

        organization.UpdateDetails(cycle, Details with { Name = "Junta Vecinal Las Flores", DistrictUbigeo = "150133" }, RegistrationCloses);

        Assert.Equal("Junta Vecinal Las Flores", organization.Name);
        Assert.Equal("150133", organization.DistrictUbigeo);
    }

    [Fact]
    public void UpdateDetails_WhenRefused_KeepsTheOldDetails()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);

        Assert.Throws<DomainException>(() => organization.UpdateDetails(
            cycle, Details with { Name = "Otro nombre", RegistryNumber = "20131312954" }, InRegistration));

        Assert.Equal(Details.Name, organization.Name);
        Assert.Equal(ValidRuc, organization.RegistryNumber);
    }

    [Fact]
    public void UpdateDetails_OfADraftAfterTheWindow_IsRefused()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var error = Assert.Throws<DomainException>(() => organization.UpdateDetails(cycle, Details with { Name = "Otro nombre" }, RegistrationCloses.AddDays(1)));

        Assert.Equal(RegistrationClosedMessage(), error.Message);
        Assert.Equal(Details.Name, organization.Name);
    }

    [Fact]
    public void UpdateDetails_WhenObservedAfterTheWindow_IsAllowedInPreparation()
    {
        var cycle = NewCycle();
        var organization = Observed(cycle);

        organization.UpdateDetails(cycle, Details with { Name = "Junta Vecinal Los Olivos II" }, new DateOnly(2025, 3, 10));

        Assert.Equal("Junta Vecinal Los Olivos II", organization.Name);
    }

    [Fact]
    public void UpdateDetails_WhenObservedButTheCycleLeftPreparation_IsRefused()
    {
        var cycle = NewCycle();
        var organization = Observed(cycle);
        cycle.AdvanceTo(Phase.Concertation, TestCycles.Manager, TestCycles.AllGatesHold, Now.AddMonths(2));

        var error = Assert.Throws<DomainException>(() => organization.UpdateDetails(cycle, Details with { Name = "Otro nombre" }, InRegistration));

        Assert.Equal(Messages.NotInPreparation.Format(), error.Message);
    }

    public static TheoryData<string> StatusesNotEditable => ["Submitted", "Accepted", "Rejected"];

    [Theory]
    [MemberData(nameof(StatusesNotEditable))]
    public void EveryChange_WhenSubmittedOrDecided_IsRefused(string status)
    {
        var cycle = NewCycle();
        var organization = status switch
        {
            "Submitted" => Submitted(cycle),
            "Accepted" => Accepted(cycle),
            _ => Rejected(cycle),
        };
        var agentId = organization.Agents[0].Id;
        var documentId = organization.Documents[0].Id;
        var changes = new Action[]
        {
            () => organization.UpdateDetails(cycle, Details with { Name = "Otro nombre" }, InRegistration),
            () => organization.AddAgent(cycle, Person(), AgentRole.Suplente, dniTakenElsewhere: false, InRegistration),
            () => organization.RemoveAgent(cycle, agentId, InRegistration),
            () => organization.AddDocument(cycle, "acta.pdf", "key", "application/pdf", 10, "hash", InRegistration, Now),
            () => organization.RemoveDocument(cycle, documentId, InRegistration),
            () => organization.Submit(cycle, InRegistration, Now),
        };

        foreach (var change in changes)
        {
            var error = Assert.Throws<DomainException>(change);
            Assert.Equal(Messages.OrganizationNotEditable.Format(), error.Message);
        }

        Assert.False(organization.IsEditable);
        Assert.Equal(Details.Name, organization.Name);
        Assert.Equal(2, organization.Agents.Count);
        Assert.Single(organization.Documents);
    }

    [Fact]
    public void EveryChange_OfAnotherCyclesOrganization_IsRefused()
    {
        var cycle = NewCycle();
        var other = OtherCycle();
        var organization = Complete(cycle);
        var changes = new Action[]
        {
            () => organization.UpdateDetails(other, Details with { Name = "Otro nombre" }, InRegistration),
            () => organization.AddAgent(other, Person(), AgentRole.Titular, dniTakenElsewhere: false, InRegistration),
            () => organization.AddDocument(other, "acta.pdf", "key", "application/pdf", 10, "hash", InRegistration, Now),
            () => organization.Submit(other, InRegistration, Now),
        };

        foreach (var change in changes)
        {
            var error = Assert.Throws<DomainException>(change);
            Assert.Equal(Messages.WrongCycle.Format(), error.Message);
        }

        Assert.Equal(OrganizationStatus.Draft, organization.Status);
    }

    [Fact]
    public void AddDocument_KeepsOnlyTheFileNameAndTheUploadTimeInUtc()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var document = organization.AddDocument(cycle, "  ../../etc/constancia.pdf ", "k1", "application/pdf", 1234, "abc", InRegistration, Now);

        Assert.Equal("constancia.pdf", document.FileName);
        Assert.Equal("k1", document.StorageKey);
        Assert.Equal(1234, document.SizeBytes);
        Assert.Equal(TimeSpan.Zero, document.UploadedAt.Offset);
        Assert.Equal(Now, document.UploadedAt);
    }

    [Fact]
    public void AddDocument_BeyondTheMaximum_IsRefused()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);
        for (var i = 0; i < OrganizationDocument.MaxPerOrganization; i++)
        {
            AddDocument(organization, cycle, $"doc{i}.pdf");
        }

        var error = Assert.Throws<DomainException>(() => AddDocument(organization, cycle, "uno-mas.pdf"));

        Assert.Equal(Messages.TooManyDocuments.Format(OrganizationDocument.MaxPerOrganization), error.Message);
        Assert.Equal(OrganizationDocument.MaxPerOrganization, organization.Documents.Count);
    }

    [Fact]
    public void RemoveDocument_ReturnsTheRecordSoTheFileCanBeDeleted()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);
        var kept = AddDocument(organization, cycle, "a.pdf");
        var removed = AddDocument(organization, cycle, "b.pdf");

        var result = organization.RemoveDocument(cycle, removed.Id, InRegistration);

        Assert.Same(removed, result);
        Assert.Equal([kept], organization.Documents);
    }

    [Fact]
    public void RemoveDocument_OfAnotherOrganization_IsRefused()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);
        AddDocument(organization, cycle);
        var foreign = AddDocument(Draft(cycle), cycle);

        var error = Assert.Throws<DomainException>(() => organization.RemoveDocument(cycle, foreign.Id, InRegistration));

        Assert.Equal(Messages.DocumentNotFound.Format(), error.Message);
        Assert.Single(organization.Documents);
    }

    [Fact]
    public void Submit_WithATitularAndADocument_SendsItForReviewInUtc()
    {
        var cycle = NewCycle();
        var organization = Complete(cycle);

        organization.Submit(cycle, RegistrationCloses, Now);

        Assert.Equal(OrganizationStatus.Submitted, organization.Status);
        Assert.Equal(Now, organization.SubmittedAt);
        Assert.Equal(TimeSpan.Zero, organization.SubmittedAt!.Value.Offset);
    }

    [Fact]
    public void Submit_WithNeitherTitularNorDocument_GivesBothReasons()
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();
        var organization = Draft(cycle);

        var error = Assert.Throws<DomainException>(() => organization.Submit(cycle, InRegistration, Now));

        Assert.Equal(
        [
            "Inscriba al menos un agente titular antes de enviar.",
            "Adjunte al menos un documento de sustento antes de enviar.",
        ], error.Reasons);
        Assert.Equal(OrganizationStatus.Draft, organization.Status);
    }

    [Fact]
    public void Submit_WithOnlyASuplente_AsksForATitular()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);
        AddAgentWithId(organization, cycle, Person(), AgentRole.Suplente);
        AddDocument(organization, cycle);

        var error = Assert.Throws<DomainException>(() => organization.Submit(cycle, InRegistration, Now));

        Assert.Equal([Messages.NeedsTitular.Format()], error.Reasons);
    }

    [Fact]
    public void Submit_WithoutADocument_AsksForOne()
    {
        var cycle = NewCycle();
        var organization = Draft(cycle);
        AddAgentWithId(organization, cycle, Person(), AgentRole.Titular);

        var error = Assert.Throws<DomainException>(() => organization.Submit(cycle, InRegistration, Now));

        Assert.Equal([Messages.NeedsDocument.Format()], error.Reasons);
    }

    [Fact]
    public void Submit_ADraftAfterTheWindow_IsRefused()
    {
        var cycle = NewCycle();
        var organization = Complete(cycle);

        var error = Assert.Throws<DomainException>(() => organization.Submit(cycle, RegistrationCloses.AddDays(1), Now));

        Assert.Equal(RegistrationClosedMessage(), error.Message);
        Assert.Equal(OrganizationStatus.Draft, organization.Status);
    }

    [Fact]
    public void Submit_Twice_IsRefusedTheSecondTime()
    {
        var cycle = NewCycle();
        var organization = Complete(cycle);
        organization.Submit(cycle, InRegistration, Now);

        var error = Assert.Throws<DomainException>(() => organization.Submit(cycle, InRegistration, Now.AddSeconds(1)));

        Assert.Equal(Messages.OrganizationNotEditable.Format(), error.Message);
        Assert.Equal(Now, organization.SubmittedAt);
    }

    [Fact]
    public void Submit_ACorrectedObservationAfterTheWindow_SendsItForReviewAgain()
    {
        var cycle = NewCycle();
        var organization = Observed(cycle);
        var later = new DateOnly(2025, 3, 3);
        AddDocument(organization, cycle, "constancia-vigente.pdf");

        organization.Submit(cycle, later, Now.AddDays(40));

        Assert.Equal(OrganizationStatus.Submitted, organization.Status);
        Assert.Equal(Now.AddDays(40), organization.SubmittedAt);
    }

    private static Organization Rejected(Cycle cycle)
    {
        var organization = Submitted(cycle);
        organization.Reject(cycle, TestCycles.Manager, "No es una organización del distrito.", Now.AddDays(1));
        return organization;
    }
}
