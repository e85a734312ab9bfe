using PbPeru.Domain.Registration;

namespace PbPeru.Domain.Tests.Registration;

[Trait("Capability", "Preparation")]
public class PeruvianIdsTests
{
    // Published RUCs, each found in more than one public source and each agreeing with the
    // algorithm: they pin it to SUNAT's real numbers, not to fixtures computed by the same code.
    public static TheoryData<string> PublishedRucs =>
    [
        "20131312955", // SUNAT
        "20100047218", // Banco de Crédito del Perú
        "20131380951", // Municipalidad Metropolitana de Lima
        "20100070970", // Supermercados Peruanos
        "20100128056", // Backus
        "10460278975", // a natural person (prefix 10 + DNI + check digit)
    ];

    [Theory]
    [MemberData(nameof(PublishedRucs))]
    public void IsValidRuc_WithPublishedRuc_IsTrue(string ruc) => Assert.True(PeruvianIds.IsValidRuc(ruc));

    [Theory]
    [MemberData(nameof(PublishedRucs))]
    public void IsValidRuc_WithPublishedRuc_AcceptsOnlyItsOwnCheckDigit(string ruc)
    {
        var accepted = Enumerable.Range(0, 10)
            .Select(d => ruc[..10] + (char)('0' + d))
            .Where(PeruvianIds.IsValidRuc)
            .ToList();

        Assert.Equal([ruc], accepted);
    }

    [Theory]
    [InlineData("20600000030")] // 11 - (sum % 11) = 10: the check digit is 0
    [InlineData("20600000081")] // 11 - (sum % 11) = 11: the check digit is 1
    public void IsValidRuc_WhenRemainderWrapsAround_UsesZeroOrOne(string ruc) => Assert.True(PeruvianIds.IsValidRuc(ruc));

    [Theory]
    [InlineData("15460278977")]
    [InlineData("16000000012")]
    [InlineData("17000000027")]
    public void IsValidRuc_WithOtherKnownPrefixes_IsTrue(string ruc) => Assert.True(PeruvianIds.IsValidRuc(ruc));

    [Theory]
    [InlineData("20131312954")] // SUNAT's with the wrong check digit
    [InlineData("20100047219")]
    [InlineData("30131312955")] // unknown prefix (and the digit would not save it)
    [InlineData("11000000001")]
    [InlineData("00000000000")]
    [InlineData("2013131295")] // ten digits
    [InlineData("201313129550")] // twelve digits
    [InlineData("2013131295A")]
    [InlineData("20131 12955")]
    [InlineData(" 2013131295")]
    [InlineData("２０１３１３１２９５５")] // full-width digits are not ASCII
    [InlineData("٢٠١٣١٣١٢٩٥٥")] // nor are Arabic-Indic digits
    [InlineData("")]
    [InlineData(null)]
    public void IsValidRuc_WithWrongShapeOrCheckDigit_IsFalse(string? ruc) => Assert.False(PeruvianIds.IsValidRuc(ruc));

    [Theory]
    [InlineData("45678901")]
    [InlineData("00000001")]
    public void IsValidDni_WithEightDigits_IsTrue(string dni) => Assert.True(PeruvianIds.IsValidDni(dni));

    [Theory]
    [InlineData("4567890")]
    [InlineData("456789012")]
    [InlineData("4567890A")]
    [InlineData("4567 890")]
    [InlineData("-4567890")]
    [InlineData("４５６７８９０１")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValidDni_WithAnythingButEightAsciiDigits_IsFalse(string? dni) => Assert.False(PeruvianIds.IsValidDni(dni));

    [Theory]
    [InlineData("  45678901 ", "45678901")]
    [InlineData("4567 8901", "45678901")]
    [InlineData("201 3131 2955", "20131312955")]
    [InlineData("\t20131312955\u00A0", "20131312955")]
    [InlineData("   ", "")]
    [InlineData("4567-8901", "4567-8901")]
    public void Normalize_RemovesSpacesAndKeepsTheRest(string input, string expected) =>
        Assert.Equal(expected, PeruvianIds.Normalize(input));

    [Fact]
    public void Normalize_WithNull_IsNull() => Assert.Null(PeruvianIds.Normalize(null));

    [Fact]
    public void Normalize_ThenValidate_AcceptsANumberTypedWithSpaces()
    {
        Assert.True(PeruvianIds.IsValidDni(PeruvianIds.Normalize(" 4567 8901 ")));
        Assert.True(PeruvianIds.IsValidRuc(PeruvianIds.Normalize("20131 312955")));
    }
}
