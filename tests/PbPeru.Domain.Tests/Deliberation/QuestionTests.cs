using PbPeru.Domain.Common;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Domain.Tests.Concertation;
using PbPeru.Domain.Tests.Preparation;

namespace PbPeru.Domain.Tests.Deliberation;

/// <summary>Questions and answers on proposals and their moderation, as rules.</summary>
[Trait("Capability", "Deliberation")]
public sealed class QuestionTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 12, 10, 0, 0, TimeSpan.FromHours(-5));

    private static readonly Actor Citizen = new("citizen-1", "  Ana Torres  ", new HashSet<string>());

    private static readonly Actor Evaluator = new("evaluator-1", "Elena Técnica", new HashSet<string>());

    private static (ConcertationSetup Setup, Proposal Proposal) Submitted()
    {
        var setup = ProposalFixtures.Setup();
        return (setup, ProposalFixtures.Submitted(setup));
    }

    private static ProposalQuestion Asked(ConcertationSetup setup, Proposal proposal, int id = 500)
    {
        var question = ProposalQuestion.Ask(setup.Cycle, proposal, true, Citizen, "¿Cuántas familias tendrán agua?", "key-1", Now);
        return Registrations.WithId(question, id);
    }

    private static ProposalAnswer Answered(ProposalQuestion question, ConcertationSetup setup, AnswererRole role = AnswererRole.TechnicalTeam, bool official = true, int id = 700)
    {
        var answer = question.Answer(setup.Cycle, Evaluator, role, official, "Unas 1 200 familias del sector alto.", $"answer-{id}", Now.AddHours(1));
        return Registrations.WithId(answer, id);
    }

    [Fact]
    public void Ask_OnAPublicProposal_KeepsTheTrimmedTextTheAuthorAndUtcTime()
    {
        var (setup, proposal) = Submitted();

        var question = ProposalQuestion.Ask(setup.Cycle, proposal, true, Citizen, "  ¿Cuándo empieza la obra?  ", "abc", Now);

        Assert.Equal("¿Cuándo empieza la obra?", question.Text);
        Assert.Equal("Ana Torres", question.AuthorName);
        Assert.Equal(Citizen.UserId, question.AuthorUserId);
        Assert.Equal(proposal.Id, question.ProposalId);
        Assert.Equal(setup.Cycle.Id, question.CycleId);
        Assert.Equal(TimeSpan.Zero, question.AskedAt.Offset);
        Assert.Equal(Now, question.AskedAt);
        Assert.False(question.IsHidden);
        Assert.Empty(question.Answers);
    }

    [Fact]
    public void Ask_OnADraftProposal_IsRefusedAsNotPublic()
    {
        using var _ = CultureScope.Spanish();
        var setup = ProposalFixtures.Setup();
        var draft = ProposalFixtures.Draft(setup);

        var error = Assert.Throws<DomainException>(() => ProposalQuestion.Ask(setup.Cycle, draft, true, Citizen, "¿Hola?", "k", Now));

        Assert.Equal("Solo se pueden hacer preguntas sobre propuestas publicadas: esta propuesta no es pública.", error.Message);
    }

    [Fact]
    public void Ask_WhenTheCallerFindsTheProposalNotPublic_IsRefused()
    {
        var (setup, proposal) = Submitted();

        var error = Assert.Throws<DomainException>(() => ProposalQuestion.Ask(setup.Cycle, proposal, false, Citizen, "¿Hola?", "k", Now));

        Assert.Equal(Messages.QuestionProposalNotPublic.Format(), error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData(null)]
    public void Ask_AnEmptyQuestion_IsRefusedWithAClearMessage(string? text)
    {
        using var _ = CultureScope.Spanish();
        var (setup, proposal) = Submitted();

        var error = Assert.Throws<DomainException>(() => ProposalQuestion.Ask(setup.Cycle, proposal, true, Citizen, text!, "k", Now));

        Assert.Equal("Escriba su pregunta.", error.Message);
    }

    [Fact]
    public void Ask_AnOverLongQuestion_IsRefusedSayingTheLimitAndItsLength()
    {
        using var _ = CultureScope.Spanish();
        var (setup, proposal) = Submitted();

        var error = Assert.Throws<DomainException>(() => ProposalQuestion.Ask(setup.Cycle, proposal, true, Citizen, new string('a', 1001), "k", Now));

        Assert.Equal("La pregunta admite como máximo 1000 caracteres; la suya tiene 1001.", error.Message);
        Assert.Equal(1000, ProposalQuestion.Ask(setup.Cycle, proposal, true, Citizen, new string('a', 1000), "k", Now).Text.Length);
    }

    [Fact]
    public void Ask_InEnglish_SaysSoInEnglish()
    {
        using var _ = CultureScope.English();
        var (setup, proposal) = Submitted();

        var error = Assert.Throws<DomainException>(() => ProposalQuestion.Ask(setup.Cycle, proposal, true, Citizen, "", "k", Now));

        Assert.Equal("Write your question.", error.Message);
    }

    [Fact]
    public void Ask_WithoutACreationKey_IsRefused()
    {
        var (setup, proposal) = Submitted();

        Assert.Throws<DomainException>(() => ProposalQuestion.Ask(setup.Cycle, proposal, true, Citizen, "¿Hola?", "", Now));
        Assert.Throws<DomainException>(() => ProposalQuestion.Ask(setup.Cycle, proposal, true, Citizen, "¿Hola?", new string('k', 33), Now));
    }

    [Fact]
    public void Ask_WithTheCycleOfAnotherProposal_IsRefused()
    {
        var (_, proposal) = Submitted();
        var other = Registrations.OtherCycle();

        var error = Assert.Throws<DomainException>(() => ProposalQuestion.Ask(other, proposal, true, Citizen, "¿Hola?", "k", Now));

        Assert.Equal(Messages.WrongCycle.Format(), error.Message);
    }

    [Fact]
    public void Ask_InAClosedCycle_IsRefused()
    {
        var (setup, proposal) = Submitted();
        var at = TestCycles.CreatedAt.AddDays(30);
        foreach (var phase in new[] { Phase.Coordination, Phase.Formalization, Phase.Published, Phase.Closed })
        {
            at = at.AddDays(30);
            setup.Cycle.AdvanceTo(phase, setup.Manager, TestCycles.AllGatesHold, at);
        }

        var error = Assert.Throws<DomainException>(() => ProposalQuestion.Ask(setup.Cycle, proposal, true, Citizen, "¿Hola?", "k", Now));

        Assert.Equal(Messages.CycleClosed.Format(), error.Message);
    }

    [Fact]
    public void Answer_ByTheTechnicalTeam_MayBeOfficial()
    {
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);

        var answer = Answered(question, setup);

        Assert.True(answer.Official);
        Assert.Equal(AnswererRole.TechnicalTeam, answer.Role);
        Assert.Equal("Elena Técnica", answer.AuthorName);
        Assert.Same(answer, Assert.Single(question.Answers));
    }

    [Fact]
    public void Answer_ByTheProposer_CannotBeOfficial()
    {
        using var _ = CultureScope.Spanish();
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);

        var error = Assert.Throws<DomainException>(() => question.Answer(setup.Cycle, Citizen, AnswererRole.Proposer, true, "Sí.", "k", Now));

        Assert.Equal("Solo el equipo técnico puede marcar una respuesta como oficial.", error.Message);
        Assert.Empty(question.Answers);
        Assert.False(question.Answer(setup.Cycle, Citizen, AnswererRole.Proposer, false, "Sí.", "k", Now).Official);
    }

    [Fact]
    public void Answer_EmptyOrOverLong_IsRefused()
    {
        using var _ = CultureScope.Spanish();
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);

        Assert.Equal("Escriba su respuesta.", Assert.Throws<DomainException>(() => question.Answer(setup.Cycle, Evaluator, AnswererRole.TechnicalTeam, false, " ", "k", Now)).Message);
        Assert.Equal(
            "La respuesta admite como máximo 2000 caracteres; la suya tiene 2001.",
            Assert.Throws<DomainException>(() => question.Answer(setup.Cycle, Evaluator, AnswererRole.TechnicalTeam, false, new string('b', 2001), "k", Now)).Message);
        Assert.Empty(question.Answers);
    }

    [Fact]
    public void Answer_InAnUnknownRole_IsRefused()
    {
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);

        Assert.Throws<DomainException>(() => question.Answer(setup.Cycle, Evaluator, (AnswererRole)7, false, "Sí.", "k", Now));
    }

    [Fact]
    public void Hide_KeepsTheTextAndRecordsTheReasonWhoAndWhen()
    {
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);
        var answer = Answered(question, setup);

        var entry = question.Hide(setup.Cycle, setup.Manager, answer.Id, "  Datos personales de un vecino.  ", [], Now.AddDays(1));

        Assert.Equal(new Moderation("Datos personales de un vecino.", setup.Manager.UserId, setup.Manager.DisplayName, Now.AddDays(1)), answer.Hidden);
        Assert.Equal("Unas 1 200 familias del sector alto.", answer.Text);
        Assert.False(question.IsHidden);
        Assert.Equal(ModerationAction.Hidden, entry.Action);
        Assert.Equal(ModerationTarget.Answer, entry.Target);
        Assert.Equal(answer.Id, entry.AnswerId);
        Assert.Equal(question.Id, entry.QuestionId);
        Assert.Equal(proposal.Id, entry.ProposalId);
        Assert.Equal("Datos personales de un vecino.", entry.Reason);
    }

    [Fact]
    public void Hide_NeedsAReason()
    {
        using var _ = CultureScope.Spanish();
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);

        var error = Assert.Throws<DomainException>(() => question.Hide(setup.Cycle, setup.Manager, null, "  ", [], Now));

        Assert.Equal("Indique el motivo por el que se oculta: se mostrará en su lugar.", error.Message);
        Assert.False(question.IsHidden);
        Assert.Throws<DomainException>(() => question.Hide(setup.Cycle, setup.Manager, null, new string('r', Moderation.MaxReasonLength + 1), [], Now));
    }

    [Fact]
    public void Hide_ByAnyoneButAManagerOfTheJurisdiction_IsRefused()
    {
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);

        var error = Assert.Throws<DomainException>(() => question.Hide(setup.Cycle, TestCycles.OtherManager, null, "Ofensiva.", [], Now));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
        Assert.False(question.IsHidden);
    }

    [Fact]
    public void Hide_TwiceIsRefused_AndAHiddenQuestionTakesNoAnswers()
    {
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);
        question.Hide(setup.Cycle, setup.Manager, null, "Ofensiva.", [], Now);

        Assert.Equal(Messages.ModerationAlreadyHidden.Format(), Assert.Throws<DomainException>(() => question.Hide(setup.Cycle, setup.Manager, null, "Otra vez.", [], Now)).Message);
        Assert.Equal(Messages.QuestionHiddenNoAnswer.Format(), Assert.Throws<DomainException>(() => Answered(question, setup)).Message);
        Assert.Equal("¿Cuántas familias tendrán agua?", question.Text);
    }

    [Fact]
    public void Unhide_ShowsItAgain_AndIsLogged()
    {
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);
        question.Hide(setup.Cycle, setup.Manager, null, "Ofensiva.", [], Now);

        var entry = question.Unhide(setup.Cycle, setup.Manager, null, " Era una cita. ", Now.AddHours(2));

        Assert.False(question.IsHidden);
        Assert.Equal(ModerationAction.Unhidden, entry.Action);
        Assert.Equal("Era una cita.", entry.Reason);
        Assert.Equal(Messages.ModerationNotHidden.Format(), Assert.Throws<DomainException>(() => question.Unhide(setup.Cycle, setup.Manager, null, null, Now)).Message);
    }

    [Fact]
    public void Report_IsLogged_AndHidingClosesTheOpenReportsOnThatContentOnly()
    {
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);
        var answer = Answered(question, setup);
        var (onAnswer, entry) = question.Report(setup.Cycle, Citizen, answer.Id, "  Insulta a un vecino. ", Now);
        var (onQuestion, _) = question.Report(setup.Cycle, Evaluator, null, null, Now);

        Assert.Equal(ModerationTarget.Answer, onAnswer.Target);
        Assert.Equal(answer.Id, onAnswer.TargetId);
        Assert.Equal("Insulta a un vecino.", onAnswer.Reason);
        Assert.Equal(ModerationAction.Reported, entry.Action);
        Assert.Equal(Citizen.UserId, entry.ActorUserId);
        Assert.Equal(question.Id, onQuestion.TargetId);
        Assert.Null(onQuestion.Reason);

        question.Hide(setup.Cycle, setup.Manager, answer.Id, "Ofensiva.", [onAnswer, onQuestion], Now.AddHours(3));

        Assert.False(onAnswer.IsOpen);
        Assert.Equal(ModerationAction.Hidden, onAnswer.ClosedBy);
        Assert.True(onQuestion.IsOpen);
        Assert.Equal(Messages.ReportAlreadyHidden.Format(), Assert.Throws<DomainException>(() => question.Report(setup.Cycle, Evaluator, answer.Id, null, Now)).Message);
    }

    [Fact]
    public void Dismiss_ClosesTheReportsWithoutHiding_AndNeedsOpenReports()
    {
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);
        var (report, _) = question.Report(setup.Cycle, Citizen, null, null, Now);

        var entry = question.Dismiss(setup.Cycle, setup.Manager, null, null, [report], Now.AddHours(1));

        Assert.False(question.IsHidden);
        Assert.Equal(ModerationAction.Dismissed, report.ClosedBy);
        Assert.Equal(ModerationAction.Dismissed, entry.Action);
        Assert.Equal(Messages.NoOpenReports.Format(), Assert.Throws<DomainException>(() => question.Dismiss(setup.Cycle, setup.Manager, null, null, [report], Now)).Message);
    }

    [Fact]
    public void Moderating_AnAnswerOfAnotherQuestion_IsRefused()
    {
        var (setup, proposal) = Submitted();
        var question = Asked(setup, proposal);

        Assert.Equal(Messages.AnswerNotOfQuestion.Format(), Assert.Throws<DomainException>(() => question.Hide(setup.Cycle, setup.Manager, 999, "Ofensiva.", [], Now)).Message);
    }
}
