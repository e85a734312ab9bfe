using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Tests.Preparation;
using static PbPeru.Domain.Tests.Concertation.ProposalFixtures;

namespace PbPeru.Domain.Tests.Concertation;

[Trait("Capability", "Concertation")]
public class ProposalLifecycleTests
{
    public static TheoryData<DateOnly> DaysInsideTheWindow => [SubmissionOpens, InSubmission, SubmissionCloses];

    public static TheoryData<DateOnly> DaysOutsideTheWindow => [SubmissionOpens.AddDays(-1), SubmissionCloses.AddDays(1), AfterSubmission];

    [Theory]
    [MemberData(nameof(DaysInsideTheWindow))]
    public void Draft_OnAnyDayOfTheWindowIncludingFirstAndLast_IsAccepted(DateOnly today)
    {
        var proposal = Draft(Setup(), today: today);

        Assert.Equal(ProposalStatus.Draft, proposal.Status);
    }

    [Theory]
    [MemberData(nameof(DaysOutsideTheWindow))]
    public void Draft_OutsideTheWindow_IsRefusedGivingTheDates(DateOnly today)
    {
        using var culture = CultureScope.Spanish();
        var setup = Setup();

        var error = Assert.Throws<DomainException>(() => Draft(setup, today: today));

        Assert.Equal(SubmissionClosedMessage(), error.Message);
        Assert.StartsWith("La presentación de propuestas está cerrada: las fechas son del 14/04/2025 al ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Phase.Draft)]
    [InlineData(Phase.Preparation)]
    [InlineData(Phase.Coordination)]
    [InlineData(Phase.Closed)]
    public void Draft_OutsideConcertation_IsRefusedEvenInsideTheWindow(Phase phase)
    {
        var setup = Setup();
        var cycle = TestCycles.InPhase(phase);
        Registrations.WithId(cycle, setup.Cycle.Id);

        var error = Assert.Throws<DomainException>(() => Proposal.Draft(cycle, setup.Proposer, Details(), Populations, InSubmission, Now));

        Assert.Equal(Messages.NotInConcertation.Format(), error.Message);
    }

    [Fact]
    public void Draft_WhenTheCalendarDoesNotDateSubmission_IsAcceptedAnyDayOfConcertation()
    {
        var setup = Setup(calendar: CalendarWithout(CalendarStep.ProposalSubmission));

        var proposal = Draft(setup, today: AfterSubmission);

        Assert.Equal(ProposalStatus.Draft, proposal.Status);
    }

    [Fact]
    public void Submit_ADraftInTheWindow_RecordsWhenInUtc()
    {
        var setup = Setup();
        var proposal = Draft(setup);

        proposal.Submit(setup.Cycle, SubmissionCloses, Now.AddDays(1));

        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Equal(Now.AddDays(1), proposal.SubmittedAt);
        Assert.Equal(TimeSpan.Zero, proposal.SubmittedAt!.Value.Offset);
    }

    [Fact]
    public void Submit_AfterTheWindowCloses_IsRefused()
    {
        var setup = Setup();
        var proposal = Draft(setup);

        var error = Assert.Throws<DomainException>(() => proposal.Submit(setup.Cycle, SubmissionCloses.AddDays(1), Now));

        Assert.Equal(SubmissionClosedMessage(), error.Message);
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Null(proposal.SubmittedAt);
    }

    [Fact]
    public void Submit_Twice_IsRefused()
    {
        var setup = Setup();
        var proposal = Submitted(setup);

        var error = Assert.Throws<DomainException>(() => proposal.Submit(setup.Cycle, InSubmission, Now));

        Assert.Equal(Messages.ProposalAlreadySubmitted.Format(), error.Message);
    }

    [Fact]
    public void Submit_InAnotherCycle_IsRefused()
    {
        var setup = Setup();
        var proposal = Draft(setup);

        var error = Assert.Throws<DomainException>(() => proposal.Submit(Registrations.OtherCycle(), InSubmission, Now));

        Assert.Equal(Messages.WrongCycle.Format(), error.Message);
    }

    [Fact]
    public void Revise_ASubmittedProposalInTheWindow_ReplacesTheFieldsAndStaysSubmitted()
    {
        var setup = Setup();
        var proposal = Submitted(setup, Details(cofinancing: [new("Junta", Money.FromSoles(10_000m))], years: [new(2026, Money.FromSoles(200_000m))]));

        proposal.Revise(
            setup.Cycle,
            Details(title: "Parque zonal Huáscar, etapa 1", themeId: ThirdThemeId, estimatedCost: 300_000m, cofinancing: [new("Municipalidad", Money.FromSoles(50_000m))]),
            Populations,
            SubmissionCloses,
            Now.AddDays(2));

        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Equal("Parque zonal Huáscar, etapa 1", proposal.Title);
        Assert.Equal(ThirdThemeId, proposal.ThemeId);
        Assert.Equal(["Municipalidad"], proposal.Cofinancing.Select(c => c.Entity));
        Assert.Empty(proposal.Years);
        Assert.Equal(Money.FromSoles(250_000m), proposal.RequestedAmount);
        Assert.Equal(Now.AddDays(2), proposal.UpdatedAt);
    }

    [Fact]
    public void Revise_WithABrokenRule_IsRefusedAndNothingChanges()
    {
        var setup = Setup();
        var proposal = Draft(setup);

        Assert.Throws<DomainException>(() => proposal.Revise(setup.Cycle, Details(title: "Otro título", cui: "123"), Populations, InSubmission, Now));

        Assert.Equal("Mejoramiento del parque zonal Huáscar", proposal.Title);
        Assert.Null(proposal.Cui);
    }

    [Fact]
    public void Revise_AfterTheWindow_IsRefused()
    {
        var setup = Setup();
        var proposal = Submitted(setup);

        var error = Assert.Throws<DomainException>(() => proposal.Revise(setup.Cycle, Details(title: "Otro título"), Populations, AfterSubmission, Now));

        Assert.Equal(SubmissionClosedMessage(), error.Message);
    }

    [Fact]
    public void Revise_WhileObservedAfterTheWindow_IsAccepted()
    {
        var setup = Setup();
        var proposal = Submitted(setup);

        proposal.Revise(setup.Cycle, Details(estimatedCost: 180_000m), Populations, AfterSubmission, Now.AddDays(30), answeringObservation: true);

        Assert.Equal(Money.FromSoles(180_000m), proposal.EstimatedCost);
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
    }

    [Fact]
    public void Revise_WhileObservedStillChecksTheRules()
    {
        var setup = Setup(r => r with { MaximumCost = Money.FromSoles(500_000m) });
        var proposal = Submitted(setup);

        var error = Assert.Throws<DomainException>(() => proposal.Revise(setup.Cycle, Details(estimatedCost: 600_000m), Populations, AfterSubmission, Now, answeringObservation: true));

        Assert.Equal([Messages.ProposalCostAboveMaximum.Format(Money.FromSoles(500_000m))], error.Reasons);
    }

    [Fact]
    public void Revise_ADraftAsAnsweringAnObservation_IsRefused()
    {
        var setup = Setup();
        var proposal = Draft(setup);

        var error = Assert.Throws<DomainException>(() => proposal.Revise(setup.Cycle, Details(), Populations, AfterSubmission, Now, answeringObservation: true));

        Assert.Equal(Messages.ProposalNotSubmitted.Format(), error.Message);
    }

    [Fact]
    public void Revise_AnsweringAnObservationOnceConcertationIsOver_IsRefused()
    {
        var setup = Setup();
        var proposal = Submitted(setup);
        setup.Cycle.AdvanceTo(Phase.Coordination, setup.Manager, TestCycles.AllGatesHold, Now.AddDays(50));

        var error = Assert.Throws<DomainException>(() => proposal.Revise(setup.Cycle, Details(), Populations, AfterSubmission, Now, answeringObservation: true));

        Assert.Equal(Messages.NotInConcertation.Format(), error.Message);
    }

    [Fact]
    public void Withdraw_ASubmittedProposal_TakesItOutForGood()
    {
        var setup = Setup();
        var proposal = Submitted(setup);

        proposal.Withdraw(setup.Cycle, InSubmission, Now.AddDays(3));

        Assert.Equal(ProposalStatus.Withdrawn, proposal.Status);
        Assert.Equal(Now.AddDays(3), proposal.WithdrawnAt);
        Assert.NotNull(proposal.SubmittedAt);
        var revise = Assert.Throws<DomainException>(() => proposal.Revise(setup.Cycle, Details(), Populations, InSubmission, Now));
        Assert.Equal(Messages.ProposalWithdrawn.Format(), revise.Message);
        var submit = Assert.Throws<DomainException>(() => proposal.Submit(setup.Cycle, InSubmission, Now));
        Assert.Equal(Messages.ProposalWithdrawn.Format(), submit.Message);
        var again = Assert.Throws<DomainException>(() => proposal.Withdraw(setup.Cycle, InSubmission, Now));
        Assert.Equal(Messages.ProposalWithdrawn.Format(), again.Message);
    }

    [Fact]
    public void Withdraw_ADraft_IsAccepted()
    {
        var setup = Setup();
        var proposal = Draft(setup);

        proposal.Withdraw(setup.Cycle, InSubmission, Now);

        Assert.Equal(ProposalStatus.Withdrawn, proposal.Status);
        Assert.Null(proposal.SubmittedAt);
    }

    [Fact]
    public void Withdraw_AfterTheWindow_IsRefused()
    {
        var setup = Setup();
        var proposal = Submitted(setup);

        var error = Assert.Throws<DomainException>(() => proposal.Withdraw(setup.Cycle, AfterSubmission, Now));

        Assert.Equal(SubmissionClosedMessage(), error.Message);
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
    }

    [Fact]
    public void AddDocument_UpToFive_ThenIsRefused()
    {
        var setup = Setup();
        var proposal = Draft(setup);
        for (var i = 1; i <= ProposalDocument.MaxPerProposal; i++)
        {
            AddDocument(proposal, setup.Cycle, i);
        }

        var error = Assert.Throws<DomainException>(() => AddDocument(proposal, setup.Cycle, 99));

        Assert.Equal(Messages.TooManyProposalDocuments.Format(ProposalDocument.MaxPerProposal), error.Message);
        Assert.Equal(ProposalDocument.MaxPerProposal, proposal.Documents.Count);
    }

    [Fact]
    public void AddDocument_KeepsOnlyTheFileNameAndTheUploadInUtc()
    {
        var setup = Setup();
        var proposal = Draft(setup);

        var document = proposal.AddDocument(setup.Cycle, "C:\\fotos\\plano.pdf", "key-1", "application/pdf", 1234, new string('c', 64), InSubmission, Now);

        Assert.Equal("plano.pdf", document.FileName);
        Assert.Equal(TimeSpan.Zero, document.UploadedAt.Offset);
    }

    [Fact]
    public void RemoveDocument_ReturnsItForTheCallerToDeleteTheFile()
    {
        var setup = Setup();
        var proposal = Draft(setup);
        var document = AddDocument(proposal, setup.Cycle, 7);

        var removed = proposal.RemoveDocument(setup.Cycle, 7, InSubmission, Now);

        Assert.Same(document, removed);
        Assert.Empty(proposal.Documents);
    }

    [Fact]
    public void RemoveDocument_NotOfTheProposal_IsRefused()
    {
        var setup = Setup();
        var proposal = Draft(setup);

        var error = Assert.Throws<DomainException>(() => proposal.RemoveDocument(setup.Cycle, 7, InSubmission, Now));

        Assert.Equal(Messages.ProposalDocumentNotFound.Format(), error.Message);
    }

    [Fact]
    public void AddDocument_AfterTheWindow_IsRefusedUnlessAnsweringAnObservation()
    {
        var setup = Setup();
        var proposal = Submitted(setup);

        Assert.Throws<DomainException>(() => AddDocument(proposal, setup.Cycle, 1, AfterSubmission));
        AddDocument(proposal, setup.Cycle, 2, AfterSubmission, answeringObservation: true);

        Assert.Single(proposal.Documents);
    }

    [Theory]
    [InlineData(AgentUserId, true)]
    [InlineData(Registrations.RepresentativeId, true)]
    [InlineData("another-agent", false)]
    public void IsEditableBy_TheProposerOrTheRepresentativeOnly(string userId, bool editable)
    {
        var setup = Setup();
        var proposal = Draft(setup);

        Assert.Equal(editable, proposal.IsEditableBy(userId, setup.Organization.RepresentativeUserId));
    }

    [Theory]
    [InlineData("2025-04-13", false)]
    [InlineData("2025-04-14", true)]
    [InlineData("2025-05-09", true)]
    [InlineData("2025-05-10", false)]
    public void IsOpen_SaysWhetherProposalsCanBeWrittenToday(string day, bool open)
    {
        var setup = Setup();

        Assert.Equal(open, ConcertationWindow.IsOpen(setup.Cycle, CalendarStep.ProposalSubmission, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IsOpen_OutsideConcertation_IsFalse()
    {
        var cycle = TestCycles.InPhase(Phase.Coordination);

        Assert.False(ConcertationWindow.IsOpen(cycle, CalendarStep.ProposalSubmission, InSubmission));
    }
}
