using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;

namespace PbPeru.Domain.Tests;

[Trait("Capability", "Foundation")]
public class LocalizationTests
{
    [Fact]
    public void Messages_InEnglishUiCulture_AreInEnglish()
    {
        using var culture = CultureScope.English();

        var error = Assert.Throws<DomainException>(() => Cycle.Create(
            TestCycles.Ubigeo, TestCycles.FiscalYear, "PP", TestCycles.DefaultCeiling, TestCycles.OtherManager, TestCycles.CreatedAt));

        Assert.Equal("Only a cycle manager of this jurisdiction can make this change.", error.Message);
    }

    [Fact]
    public void Messages_InPeruvianSpanishUiCulture_AreInSpanish()
    {
        using var culture = CultureScope.Spanish();

        var error = Assert.Throws<DomainException>(() => Cycle.Create(
            TestCycles.Ubigeo, TestCycles.FiscalYear, "PP", TestCycles.DefaultCeiling, TestCycles.OtherManager, TestCycles.CreatedAt));

        Assert.Equal("Solo un responsable del ciclo de esta jurisdicción puede hacer este cambio.", error.Message);
    }

    [Fact]
    public void Messages_FollowTheUiCultureNotTheFormattingCulture()
    {
        var original = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("es-PE");
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

            Assert.Equal("Results published", PhaseNames.Of(Phase.Published));
            Assert.Equal("Challenges", StepNames.Of(CalendarStep.Challenges));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original.CurrentCulture;
            System.Globalization.CultureInfo.CurrentUICulture = original.CurrentUICulture;
        }
    }

    [Fact]
    public void Messages_InAnUnsupportedLanguage_FallBackToSpanish()
    {
        using var culture = new CultureScope("qu-PE");

        Assert.Equal("Resultados publicados", PhaseNames.Of(Phase.Published));
    }

    [Fact]
    public void GateReasons_SwitchLanguageWithTheUiCulture()
    {
        var cycle = TestCycles.InPhase(Phase.Formalization);

        string spanish;
        using (CultureScope.Spanish())
        {
            spanish = cycle.CheckMove(Phase.Published, TestCycles.AllGatesHold with { ActaIssued = false }).Reasons.Single();
        }

        string english;
        using (CultureScope.English())
        {
            english = cycle.CheckMove(Phase.Published, TestCycles.AllGatesHold with { ActaIssued = false }).Reasons.Single();
        }

        Assert.Equal("Falta emitir el Acta de Acuerdos y Compromisos.", spanish);
        Assert.Equal("The Acta de Acuerdos y Compromisos has not been issued.", english);
    }

    [Fact]
    public void CultureScope_RestoresThePreviousCultures()
    {
        var before = (System.Globalization.CultureInfo.CurrentCulture.Name, System.Globalization.CultureInfo.CurrentUICulture.Name);

        using (CultureScope.English())
        {
            Assert.Equal("en", System.Globalization.CultureInfo.CurrentUICulture.Name);
        }

        Assert.Equal(before, (System.Globalization.CultureInfo.CurrentCulture.Name, System.Globalization.CultureInfo.CurrentUICulture.Name));
    }

    [Fact]
    public void EveryStepAndPhaseAndRuleSet_HasANameInBothLanguages()
    {
        foreach (var scope in new Func<CultureScope>[] { CultureScope.Spanish, CultureScope.English })
        {
            using var culture = scope();
            Assert.All(Enum.GetValues<CalendarStep>(), s => Assert.False(string.IsNullOrWhiteSpace(StepNames.Of(s))));
            Assert.Equal(Enum.GetValues<Phase>().Length, Enum.GetValues<Phase>().Select(PhaseNames.Of).Distinct().Count());
            Assert.Equal(Enum.GetValues<RuleSet>().Length, Enum.GetValues<RuleSet>().Select(RuleSetNames.Of).Distinct().Count());
        }
    }
}
