using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;

namespace PbPeru.Domain.Tests.Formalization;

[Trait("Capability", "Formalization")]
public sealed class ActaCommitmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 20, 18, 0, 0, TimeSpan.FromHours(-5));
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Record_KeepsTheTrimmedTexts_AndEdit_ChangesThem()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);

        var commitment = Commitment.Record(cycle, TestCycles.Manager, new CommitmentInput(CommitmentParty.Government, "  Asignar el presupuesto en el PIA 2027.  ", " Gerencia de Planeamiento ", new DateOnly(2026, 12, 31)), Key, Now);
        Assert.Equal(("Asignar el presupuesto en el PIA 2027.", "Gerencia de Planeamiento"), (commitment.Text, commitment.Responsible));

        commitment.Edit(cycle, TestCycles.Manager, new CommitmentInput(CommitmentParty.CivilSociety, "Vigilar la ejecución.", "Comité de vigilancia", null));

        Assert.Equal(CommitmentParty.CivilSociety, commitment.Party);
        Assert.Equal("Vigilar la ejecución.", commitment.Text);
        Assert.Null(commitment.DueDate);
    }

    [Fact]
    public void Record_WithEmptyOrTooLongTexts_OrAnUnknownParty_IsRefusedWithEveryReason()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);

        var error = Assert.Throws<DomainException>(() => Commitment.Record(
            cycle, TestCycles.Manager, new CommitmentInput((CommitmentParty)7, new string('a', Commitment.MaxTextLength + 1), " ", null), Key, Now));

        Assert.Equal(
            [Messages.CommitmentPartyInvalid.Format(), Messages.CommitmentTextRequired.Format(Commitment.MaxTextLength), Messages.CommitmentResponsibleRequired.Format(Commitment.MaxResponsibleLength)],
            error.Reasons);
    }

    [Theory]
    [InlineData(Phase.Coordination)]
    [InlineData(Phase.Published)]
    public void Commitments_ChangeOnlyInFormalization(Phase phase)
    {
        var formalization = TestCycles.InPhase(Phase.Formalization);
        var commitment = Commitment.Record(formalization, TestCycles.Manager, new CommitmentInput(CommitmentParty.Government, "Texto", "Responsable", null), Key, Now);
        var other = TestCycles.InPhase(phase);

        Assert.Equal(Messages.CommitmentOnlyInFormalization.Format(), Assert.Throws<DomainException>(() =>
            Commitment.Record(other, TestCycles.Manager, new CommitmentInput(CommitmentParty.Government, "Texto", "Responsable", null), Key, Now)).Message);
        Assert.Equal(Messages.CommitmentOnlyInFormalization.Format(), Assert.Throws<DomainException>(() =>
            commitment.Edit(other, TestCycles.Manager, new CommitmentInput(CommitmentParty.Government, "Otro", "Responsable", null))).Message);
        Assert.Equal(Messages.CommitmentOnlyInFormalization.Format(), Assert.Throws<DomainException>(() => commitment.EnsureRemovable(other, TestCycles.Manager)).Message);
        Assert.Equal("Texto", commitment.Text);
    }

    [Fact]
    public void Commitments_AreChangedOnlyByAManagerOfTheJurisdiction()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);

        Assert.Throws<DomainException>(() => Commitment.Record(cycle, TestCycles.OtherManager, new CommitmentInput(CommitmentParty.Government, "Texto", "Responsable", null), Key, Now));
    }
}
