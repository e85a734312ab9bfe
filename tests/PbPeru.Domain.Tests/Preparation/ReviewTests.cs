using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using static PbPeru.Domain.Tests.Preparation.Registrations;

namespace PbPeru.Domain.Tests.Preparation;

[Trait("Capability", "Preparation")]
public class ReviewTests
{
    private static readonly DateTimeOffset ReviewedAt = new(2025, 2, 3, 16, 45, 0, TimeSpan.FromHours(-5));

    public static TheoryData<string> Decisions => ["Accept", "Observe", "Reject"];

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decide_ByAManagerOfAnotherJurisdiction_IsRefused(string decision)
    {
        var cycle = NewCycle();
        var organization = Submitted(cycle);

        var error = Assert.Throws<DomainException>(() => Decide(organization, cycle, TestCycles.OtherManager, decision, "Falta la constancia."));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
        Assert.Equal(OrganizationStatus.Submitted, organization.Status);
        Assert.Empty(organization.Decisions);
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decide_BySomeoneWhoManagesNothing_IsRefused(string decision)
    {
        var cycle = NewCycle();
        var organization = Submitted(cycle);

        Assert.Throws<DomainException>(() => Decide(organization, cycle, TestCycles.NoJurisdiction, decision, "Falta la constancia."));

        Assert.Empty(organization.Decisions);
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decide_OnAnotherCyclesOrganization_IsRefusedEvenToThatCyclesManager(string decision)
    {
        var cycle = NewCycle();
        var organization = Submitted(cycle);

        var error = Assert.Throws<DomainException>(() => Decide(organization, OtherCycle(), TestCycles.OtherManager, decision, "Falta la constancia."));

        Assert.Equal(Messages.WrongCycle.Format(), error.Message);
        Assert.Equal(OrganizationStatus.Submitted, organization.Status);
        Assert.False(organization.Agents[0].IsAccredited);
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decide_OnADraft_IsRefused(string decision)
    {
        var cycle = NewCycle();
        var organization = Complete(cycle);

        var error = Assert.Throws<DomainException>(() => Decide(organization, cycle, TestCycles.Manager, decision, "Falta la constancia."));

        Assert.Equal(Messages.NotAwaitingReview.Format(), error.Message);
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decide_OnAnOrganizationAlreadyDecided_IsRefused(string decision)
    {
        var cycle = NewCycle();
        var accepted = Accepted(cycle);
        var observed = Observed(cycle);

        Assert.Throws<DomainException>(() => Decide(accepted, cycle, TestCycles.Manager, decision, "Otra vez."));
        Assert.Throws<DomainException>(() => Decide(observed, cycle, TestCycles.Manager, decision, "Otra vez."));

        Assert.Single(accepted.Decisions);
        Assert.Single(observed.Decisions);
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Decide_AfterTheCycleLeftPreparation_IsRefused(string decision)
    {
        var cycle = NewCycle();
        var organization = Submitted(cycle);
        cycle.AdvanceTo(Phase.Concertation, TestCycles.Manager, TestCycles.AllGatesHold, ReviewedAt.AddMonths(2));

        var error = Assert.Throws<DomainException>(() => Decide(organization, cycle, TestCycles.Manager, decision, "Falta la constancia."));

        Assert.Equal(Messages.NotInPreparation.Format(), error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Observe_WithoutSayingWhatToFix_IsRefused(string note)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();
        var organization = Submitted(cycle);

        var error = Assert.Throws<DomainException>(() => organization.Observe(cycle, TestCycles.Manager, note, ReviewedAt));

        Assert.Equal("Indique qué debe corregir la organización.", error.Message);
        Assert.Equal(OrganizationStatus.Submitted, organization.Status);
        Assert.Empty(organization.Decisions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\t ")]
    public void Reject_WithoutAReason_IsRefused(string reason)
    {
        using var culture = CultureScope.Spanish();
        var cycle = NewCycle();
        var organization = Submitted(cycle);

        var error = Assert.Throws<DomainException>(() => organization.Reject(cycle, TestCycles.Manager, reason, ReviewedAt));

        Assert.Equal("Indique el motivo del rechazo.", error.Message);
        Assert.Equal(OrganizationStatus.Submitted, organization.Status);
    }

    [Theory]
    [InlineData("Observe")]
    [InlineData("Reject")]
    public void Decide_WithANoteOfTheMaximumLength_IsKept(string decision)
    {
        var cycle = NewCycle();
        var organization = Submitted(cycle);
        var note = new string('x', Organization.MaxNoteLength);

        Decide(organization, cycle, TestCycles.Manager, decision, $"  {note}  ");

        Assert.Equal(note, organization.Decisions.Single().Note);
    }

    [Theory]
    [InlineData("Observe")]
    [InlineData("Reject")]
    public void Decide_WithANoteOneCharacterTooLong_IsRefused(string decision)
    {
        var cycle = NewCycle();
        var organization = Submitted(cycle);

        var error = Assert.Throws<DomainException>(() =>
            Decide(organization, cycle, TestCycles.Manager, decision, new string('x', Organization.MaxNoteLength + 1)));

        Assert.Equal(Messages.NoteTooLong.Format(Organization.MaxNoteLength), error.Message);
        Assert.Empty(organization.Decisions);
    }

    [Fact]
    public void Observe_KeepsTheDecisionWithReviewerAndUtcTime_AndLetsTheOrganizationEdit()
    {
        var cycle = NewCycle();
        var organization = Submitted(cycle);

        organization.Observe(cycle, TestCycles.Manager, "  Adjunte la constancia vigente. ", ReviewedAt);

        var decision = Assert.Single(organization.Decisions);
        Assert.Equal(ReviewOutcome.Observed, decision.Outcome);
        Assert.Equal("Adjunte la constancia vigente.", decision.Note);
        Assert.Equal("manager-1", decision.ReviewerUserId);
        Assert.Equal("Rosa Quispe", decision.ReviewerName);
        Assert.Equal(ReviewedAt, decision.At);
        Assert.Equal(TimeSpan.Zero, decision.At.Offset);
        Assert.Equal(OrganizationStatus.Observed, organization.Status);
        Assert.True(organization.IsEditable);
        Assert.All(organization.Agents, a => Assert.False(a.IsAccredited));
    }

    [Fact]
    public void Reject_KeepsTheReasonAndAccreditsNobody()
    {
        var cycle = NewCycle();
        var organization = Submitted(cycle);

        organization.Reject(cycle, TestCycles.Manager, "No es una organización de la jurisdicción.", ReviewedAt);

        var decision = Assert.Single(organization.Decisions);
        Assert.Equal(ReviewOutcome.Rejected, decision.Outcome);
        Assert.Equal("No es una organización de la jurisdicción.", decision.Note);
        Assert.Equal(OrganizationStatus.Rejected, organization.Status);
        Assert.False(organization.IsEditable);
        Assert.All(organization.Agents, a => Assert.False(a.IsAccredited));
    }

    [Fact]
    public void Accept_KeepsTheDecisionWithAnEmptyNote()
    {
        var cycle = NewCycle();
        var organization = Submitted(cycle);

        organization.Accept(cycle, TestCycles.Manager, ReviewedAt);

        var decision = Assert.Single(organization.Decisions);
        Assert.Equal(ReviewOutcome.Accepted, decision.Outcome);
        Assert.Equal("", decision.Note);
        Assert.Equal(ReviewedAt.UtcDateTime, decision.At.UtcDateTime);
        Assert.Equal(OrganizationStatus.Accepted, organization.Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Accept_AccreditsEveryAgentWithTheCyclesTrainingRule(bool trainingRequired)
    {
        var cycle = NewCycle(r => r with { TitularsPerOrganization = 2, SuplentesPerOrganization = 2, TrainingRequiredToVote = trainingRequired });
        var organization = Complete(cycle);
        AddAgentWithId(organization, cycle, Person(), AgentRole.Titular);
        AddAgentWithId(organization, cycle, Person(), AgentRole.Suplente);
        organization.Submit(cycle, InRegistration, Now);

        organization.Accept(cycle, TestCycles.Manager, ReviewedAt);

        Assert.Equal(4, organization.Agents.Count);
        Assert.All(organization.Agents, a =>
        {
            Assert.True(a.IsAccredited);
            Assert.Equal(trainingRequired, a.MustAttendTrainingToVote);
            Assert.Null(a.ExcludedByChallengeId);
        });
    }

    [Fact]
    public void ObserveResubmitAccept_KeepsEveryDecisionInOrder()
    {
        var cycle = NewCycle();
        var organization = Submitted(cycle);
        var secondReviewer = new Actor("manager-3", "Luis Ccahuana", new HashSet<string> { TestCycles.Ubigeo });

        organization.Observe(cycle, TestCycles.Manager, "Adjunte la constancia vigente.", ReviewedAt);
        AddDocument(organization, cycle, "constancia-2025.pdf");
        organization.Submit(cycle, new DateOnly(2025, 2, 20), ReviewedAt.AddDays(3));
        organization.Accept(cycle, secondReviewer, ReviewedAt.AddDays(5));

        Assert.Equal([ReviewOutcome.Observed, ReviewOutcome.Accepted], organization.Decisions.Select(d => d.Outcome));
        Assert.Equal(["Rosa Quispe", "Luis Ccahuana"], organization.Decisions.Select(d => d.ReviewerName));
        Assert.Equal([ReviewedAt, ReviewedAt.AddDays(5)], organization.Decisions.Select(d => d.At));
        Assert.Equal(OrganizationStatus.Accepted, organization.Status);
        Assert.All(organization.Agents, a => Assert.True(a.IsAccredited));
    }

    private static void Decide(Organization organization, Cycle cycle, Actor reviewer, string decision, string note)
    {
        switch (decision)
        {
            case "Accept":
                organization.Accept(cycle, reviewer, ReviewedAt);
                break;
            case "Observe":
                organization.Observe(cycle, reviewer, note, ReviewedAt);
                break;
            default:
                organization.Reject(cycle, reviewer, note, ReviewedAt);
                break;
        }
    }
}
