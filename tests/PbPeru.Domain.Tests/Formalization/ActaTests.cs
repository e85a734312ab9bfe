using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;

namespace PbPeru.Domain.Tests.Formalization;

[Trait("Capability", "Formalization")]
public sealed class ActaTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 20, 18, 0, 0, TimeSpan.FromHours(-5));
    private static readonly DateOnly Workshop = new(2026, 9, 19);
    private static readonly ActaFacts Ready = new(ResultComputed: true, CommitteeElected: true);

    private static string Write(ActaStamp stamp) => $"{{\"number\":{stamp.Number},\"place\":\"{stamp.Place}\",\"reason\":\"{stamp.Reason}\"}}";

    [Fact]
    public void Issue_FirstVersion_IsNumberOne_WithTheStampWrittenIntoItsContent_AndTheHashOfThoseBytes()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);
        var acta = Acta.Of(cycle);

        var version = acta.Issue(cycle, TestCycles.Manager, Ready, new ActaIssueInput(Workshop, "  Auditorio de la Municipalidad  ", null), Write, Now);

        Assert.Equal(1, version.Number);
        Assert.Equal("Auditorio de la Municipalidad", version.Place);
        Assert.Equal(Workshop, version.WorkshopDate);
        Assert.Equal(TestCycles.Manager.DisplayName, version.IssuedBy);
        Assert.Null(version.Reason);
        Assert.Equal("{\"number\":1,\"place\":\"Auditorio de la Municipalidad\",\"reason\":\"\"}", version.Content);
        Assert.Equal(64, version.Hash.Length);
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(version.Content))),
            version.Hash);
        Assert.True(version.IsIntact);
    }

    [Fact]
    public void Correction_IssuesTheNextVersion_WithItsReason_AndADifferentHash_LeavingTheFirstAsItWas()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);
        var acta = Acta.Of(cycle);
        var first = acta.Issue(cycle, TestCycles.Manager, Ready, new ActaIssueInput(Workshop, "Auditorio", null), Write, Now);
        var (firstContent, firstHash) = (first.Content, first.Hash);

        var second = acta.Issue(cycle, TestCycles.Manager, Ready, new ActaIssueInput(Workshop, "Auditorio", "Faltaba un compromiso de la sociedad civil."), Write, Now.AddHours(1));

        Assert.Equal(2, second.Number);
        Assert.Equal("Faltaba un compromiso de la sociedad civil.", second.Reason);
        Assert.NotEqual(firstHash, second.Hash);
        Assert.Equal([1, 2], acta.Versions.Select(v => v.Number));
        Assert.Same(second, acta.Latest);
        Assert.Equal(firstContent, first.Content);
        Assert.Equal(firstHash, first.Hash);
    }

    [Fact]
    public void Correction_WithoutAReason_IsRefused_AndAddsNoVersion()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);
        var acta = Acta.Of(cycle);
        acta.Issue(cycle, TestCycles.Manager, Ready, new ActaIssueInput(Workshop, "Auditorio", null), Write, Now);

        var error = Assert.Throws<DomainException>(() => acta.Issue(cycle, TestCycles.Manager, Ready, new ActaIssueInput(Workshop, "Auditorio", "  "), Write, Now));

        Assert.Contains(Messages.ActaReasonRequired.Format(ActaVersion.MaxReasonLength), error.Reasons);
        Assert.Single(acta.Versions);
    }

    [Fact]
    public void Issue_WithoutResultOrCommittee_IsRefusedWithBothReasons_AndNeverWritesContent()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);
        var acta = Acta.Of(cycle);
        var written = false;

        var error = Assert.Throws<DomainException>(() => acta.Issue(
            cycle, TestCycles.Manager, new ActaFacts(false, false), new ActaIssueInput(Workshop, "Auditorio", null), s => { written = true; return Write(s); }, Now));

        Assert.Equal([Messages.ActaNeedsResult.Format(), Messages.ActaNeedsCommittee.Format()], error.Reasons);
        Assert.False(written);
        Assert.Empty(acta.Versions);
    }

    [Fact]
    public void Issue_WithoutAPlace_OrWithAReasonOnTheFirstVersion_IsRefused()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);
        var acta = Acta.Of(cycle);

        Assert.Contains(
            Messages.ActaPlaceRequired.Format(ActaVersion.MaxPlaceLength),
            Assert.Throws<DomainException>(() => acta.Issue(cycle, TestCycles.Manager, Ready, new ActaIssueInput(Workshop, " ", null), Write, Now)).Reasons);
        Assert.Contains(
            Messages.ActaFirstHasNoReason.Format(),
            Assert.Throws<DomainException>(() => acta.Issue(cycle, TestCycles.Manager, Ready, new ActaIssueInput(Workshop, "Auditorio", "¿Corrección?"), Write, Now)).Reasons);
        Assert.Empty(acta.Versions);
    }

    [Theory]
    [InlineData(Phase.Coordination)]
    [InlineData(Phase.Published)]
    public void Issue_OutsideFormalization_IsRefused(Phase phase)
    {
        var cycle = TestCycles.InPhase(phase);

        var error = Assert.Throws<DomainException>(() => Acta.Of(cycle).Issue(cycle, TestCycles.Manager, Ready, new ActaIssueInput(Workshop, "Auditorio", null), Write, Now));

        Assert.Equal(Messages.ActaOnlyInFormalization.Format(), error.Message);
    }

    [Fact]
    public void Issue_ByAManagerOfAnotherJurisdiction_IsRefused()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);

        var error = Assert.Throws<DomainException>(() => Acta.Of(cycle).Issue(cycle, TestCycles.OtherManager, Ready, new ActaIssueInput(Workshop, "Auditorio", null), Write, Now));

        Assert.Equal(Messages.NotManagerOfJurisdiction.Format(), error.Message);
    }

    [Fact]
    public void IssuedVersion_ExposesNoWayToChangeIt()
    {
        // Immutability by construction: every property's setter is private and no public method exists but the hash check.
        var type = typeof(ActaVersion);
        Assert.All(type.GetProperties(), p => Assert.True(p.SetMethod is null || !p.SetMethod.IsPublic, p.Name));
        Assert.DoesNotContain(
            type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly),
            m => !m.IsSpecialName);
    }
}
