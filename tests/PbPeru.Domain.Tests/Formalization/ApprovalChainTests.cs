using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;

namespace PbPeru.Domain.Tests.Formalization;

/// <summary>
/// The approval chain through the domain: the acta first, the coordination council before the
/// council, an observed or rejected list going back with its record and decided again, the history
/// never rewritten, the MEF submission after the council's approval, and the input rules.
/// </summary>
[Trait("Capability", "Formalization")]
public sealed class ApprovalChainTests
{
    private static readonly DateOnly Today = new(2027, 6, 20);
    private static readonly DateTimeOffset Now = new(2027, 6, 20, 10, 0, 0, TimeSpan.FromHours(-5));
    private static int _keys;

    private readonly Cycle _cycle = TestCycles.InPhase(Phase.Formalization);

    private static string Key() => $"key-{Interlocked.Increment(ref _keys)}";

    private static ApprovalDecisionInput Input(
        ApprovalBody body, ApprovalOutcome outcome = ApprovalOutcome.Approved, string? note = null, DateOnly? date = null, string number = "Acuerdo N.º 012-2027") =>
        new(body, date ?? Today.AddDays(-1), number, outcome, note, null);

    private ApprovalChain NewChain() => ApprovalChain.Start(_cycle, Now);

    private ApprovalDecision Decide(ApprovalChain chain, ApprovalDecisionInput input, bool actaIssued = true) =>
        chain.Decide(_cycle, TestCycles.Manager, actaIssued, input, Key(), Today, Now);

    private static string Refusal(Action action)
    {
        using var _ = CultureScope.Spanish();
        return Assert.Throws<DomainException>(action).Message;
    }

    [Fact]
    public void NothingIsDecided_BeforeTheActaIsIssued()
    {
        var chain = NewChain();
        Assert.Contains("Primero emita el Acta", Refusal(() => Decide(chain, Input(ApprovalBody.CoordinationCouncil), actaIssued: false)));
        Assert.Empty(chain.Decisions);
    }

    [Fact]
    public void TheCouncil_DecidesOnlyAfterTheCoordinationCouncilApproved()
    {
        var chain = NewChain();
        Assert.Equal(ApprovalBody.CoordinationCouncil, chain.NextBody);
        Assert.Contains("después de que el consejo de coordinación apruebe", Refusal(() => Decide(chain, Input(ApprovalBody.Council))));

        Decide(chain, Input(ApprovalBody.CoordinationCouncil, ApprovalOutcome.Observed, "Falta el sustento del proyecto 2."));
        Assert.Contains("después de que el consejo de coordinación apruebe", Refusal(() => Decide(chain, Input(ApprovalBody.Council))));

        Decide(chain, Input(ApprovalBody.CoordinationCouncil));
        Assert.Equal(ApprovalBody.Council, chain.NextBody);
        Decide(chain, Input(ApprovalBody.Council));
        Assert.True(chain.IsApproved);
        Assert.Null(chain.NextBody);
    }

    [Fact]
    public void AnObservedOrRejectedList_GoesBackWithItsRecord_AndTheSameBodyDecidesAgain()
    {
        var chain = NewChain();
        var observed = Decide(chain, Input(ApprovalBody.CoordinationCouncil, ApprovalOutcome.Observed, "Revisar el costo del puente.", Today.AddDays(-10)));
        var approved = Decide(chain, Input(ApprovalBody.CoordinationCouncil, date: Today.AddDays(-8)));
        var rejected = Decide(chain, Input(ApprovalBody.Council, ApprovalOutcome.Rejected, "No se ajusta al techo.", Today.AddDays(-5), "Acuerdo de Concejo N.º 40"));
        Assert.False(chain.IsApproved);
        Assert.Equal(ApprovalBody.Council, chain.NextBody);
        var final = Decide(chain, Input(ApprovalBody.Council, date: Today.AddDays(-2), number: "Acuerdo de Concejo N.º 45"));

        // Every decision stays on record, in order, as it was decided.
        Assert.Equal([observed, approved, rejected, final], chain.Decisions);
        Assert.Equal([1, 2, 3, 4], chain.Decisions.Select(d => d.Sequence));
        Assert.Equal(ApprovalOutcome.Observed, chain.Decisions[0].Outcome);
        Assert.Equal("Revisar el costo del puente.", chain.Decisions[0].Note);
        Assert.Equal("No se ajusta al techo.", chain.Decisions[2].Note);
        Assert.Equal(final, chain.Latest(ApprovalBody.Council));
        Assert.True(chain.IsApproved);
    }

    [Fact]
    public void ABodyThatApproved_DoesNotDecideAgain()
    {
        var chain = NewChain();
        Decide(chain, Input(ApprovalBody.CoordinationCouncil));
        Assert.Contains("ya aprobó la lista", Refusal(() => Decide(chain, Input(ApprovalBody.CoordinationCouncil, ApprovalOutcome.Observed, "Otra observación."))));
        Decide(chain, Input(ApprovalBody.Council));
        Assert.Contains("ya aprobó la lista", Refusal(() => Decide(chain, Input(ApprovalBody.Council))));
        Assert.Equal(2, chain.Decisions.Count);
    }

    [Fact]
    public void BadInput_IsRefusedWithEveryReason_AndNothingIsRecorded()
    {
        var chain = NewChain();
        var message = Refusal(() => Decide(chain, Input(ApprovalBody.CoordinationCouncil, ApprovalOutcome.Observed, "  ", Today.AddDays(1), "  ")));
        Assert.Contains("no puede ser posterior a hoy", message);
        Assert.Contains("número del acuerdo o de la resolución", message);
        Assert.Contains("observaciones", message);
        Assert.Contains("motivo", Refusal(() => Decide(chain, Input(ApprovalBody.CoordinationCouncil, ApprovalOutcome.Rejected))));
        Assert.Contains("hasta 2000", Refusal(() => Decide(chain, Input(ApprovalBody.CoordinationCouncil, ApprovalOutcome.Observed, new string('x', 2001)))));
        Assert.Contains("hasta 100", Refusal(() => Decide(chain, Input(ApprovalBody.CoordinationCouncil, number: new string('1', 101)))));
        Assert.Empty(chain.Decisions);

        // Today itself is fine; a date before the decision it follows is not.
        Decide(chain, Input(ApprovalBody.CoordinationCouncil, date: Today));
        Assert.Contains("anterior a la decisión que la precede", Refusal(() => Decide(chain, Input(ApprovalBody.Council, date: Today.AddDays(-1)))));
        Assert.Single(chain.Decisions);
    }

    [Fact]
    public void OnlyTheManagerOfTheJurisdiction_InFormalization_Decides()
    {
        var chain = NewChain();
        Assert.Throws<DomainException>(() => chain.Decide(_cycle, TestCycles.OtherManager, true, Input(ApprovalBody.CoordinationCouncil), Key(), Today, Now));

        var published = TestCycles.InPhase(Phase.Published);
        var other = ApprovalChain.Start(published, Now);
        Assert.Contains("fase de Formalización", Refusal(() => other.Decide(published, TestCycles.Manager, true, Input(ApprovalBody.CoordinationCouncil), Key(), Today, Now)));
        Assert.Empty(chain.Decisions);
    }

    [Fact]
    public void TheMefSubmission_ComesAfterTheCouncilApproved_Once()
    {
        var chain = NewChain();
        Assert.Contains("después de que el consejo la apruebe", Refusal(() => chain.SubmitToMef(_cycle, TestCycles.Manager, Today, "Oficio N.º 123-2027", Today, Now)));
        Decide(chain, Input(ApprovalBody.CoordinationCouncil, date: Today.AddDays(-5)));
        Decide(chain, Input(ApprovalBody.Council, ApprovalOutcome.Observed, "Ajustar el monto.", Today.AddDays(-4)));
        Assert.Contains("después de que el consejo la apruebe", Refusal(() => chain.SubmitToMef(_cycle, TestCycles.Manager, Today, "Oficio N.º 123-2027", Today, Now)));
        Decide(chain, Input(ApprovalBody.Council, date: Today.AddDays(-3)));

        var message = Refusal(() => chain.SubmitToMef(_cycle, TestCycles.Manager, Today.AddDays(-4), " ", Today, Now));
        Assert.Contains("referencia", message);
        Assert.Contains("anterior a la aprobación del consejo", message);
        Assert.Contains("posterior a hoy", Refusal(() => chain.SubmitToMef(_cycle, TestCycles.Manager, Today.AddDays(1), "Oficio", Today, Now)));
        Assert.False(chain.IsSubmittedToMef);

        chain.SubmitToMef(_cycle, TestCycles.Manager, Today, "  Oficio N.º 123-2027  ", Today, Now);
        Assert.Equal(Today, chain.MefSubmittedOn);
        Assert.Equal("Oficio N.º 123-2027", chain.MefReference);
        Assert.Equal(TestCycles.Manager.DisplayName, chain.MefRecordedBy);
        Assert.Contains("ya está registrada", Refusal(() => chain.SubmitToMef(_cycle, TestCycles.Manager, Today, "Otro", Today, Now)));
        Assert.Equal("Oficio N.º 123-2027", chain.MefReference);
    }

    [Fact]
    public void Messages_HaveEnglish()
    {
        var chain = NewChain();
        using var _ = CultureScope.English();
        Assert.Contains("Issue the Acta", Assert.Throws<DomainException>(() => Decide(chain, Input(ApprovalBody.CoordinationCouncil), actaIssued: false)).Message);
    }
}
