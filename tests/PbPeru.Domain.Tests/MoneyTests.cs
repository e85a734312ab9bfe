using System.Globalization;
using PbPeru.Domain.Common;

namespace PbPeru.Domain.Tests;

[Trait("Capability", "Foundation")]
public class MoneyTests
{
    [Theory]
    [InlineData("1234567.50", 123456750L)]
    [InlineData("0.01", 1L)]
    [InlineData("12", 1200L)]
    [InlineData("12.500", 1250L)]
    [InlineData("-3.1", -310L)]
    [InlineData("0", 0L)]
    public void FromSoles_WithAtMostTwoDecimals_HoldsExactCentimos(string soles, long centimos)
    {
        var money = Money.FromSoles(decimal.Parse(soles, CultureInfo.InvariantCulture));

        Assert.Equal(centimos, money.Centimos);
        Assert.Equal(decimal.Parse(soles, CultureInfo.InvariantCulture), money.Soles);
    }

    [Theory]
    [InlineData("1.005")]
    [InlineData("0.001")]
    [InlineData("-2.999")]
    public void FromSoles_WithMoreThanTwoDecimals_IsRefused(string soles)
    {
        using var culture = CultureScope.Spanish();

        var error = Assert.Throws<DomainException>(() => Money.FromSoles(decimal.Parse(soles, CultureInfo.InvariantCulture)));

        Assert.Equal($"El monto {soles} tiene más de dos decimales.", error.Message);
    }

    [Theory]
    [InlineData("92233720368547758.08")]
    [InlineData("-92233720368547758.09")]
    [InlineData("100000000000000000")]
    [InlineData("-100000000000000000")]
    [InlineData("1000000000000000000000000000")]
    [InlineData("79228162514264337593543950335")]
    public void FromSoles_BeyondWhatCentimosCanHold_IsRefusedAsOutOfRange(string soles)
    {
        using var culture = CultureScope.English();

        var error = Assert.Throws<DomainException>(() => Money.FromSoles(decimal.Parse(soles, CultureInfo.InvariantCulture)));

        Assert.Equal($"The amount {soles} is out of range.", error.Message);
    }

    [Fact]
    public void FromSoles_AtTheLargestAmount_IsAccepted()
    {
        Assert.Equal(long.MaxValue, Money.FromSoles(92_233_720_368_547_758.07m).Centimos);
        Assert.Equal(long.MinValue, Money.FromSoles(-92_233_720_368_547_758.08m).Centimos);
    }

    [Fact]
    public void Arithmetic_AddsAndSubtractsExactly()
    {
        var a = Money.FromSoles(0.10m);
        var b = Money.FromSoles(0.20m);

        Assert.Equal(Money.FromSoles(0.30m), a + b);
        Assert.Equal(Money.FromSoles(-0.10m), a - b);
        Assert.Equal(Money.Zero, a - a);
        Assert.Equal(30L, (a + b).Centimos);
    }

    [Fact]
    public void Arithmetic_WhenItWouldOverflow_Throws()
    {
        var max = Money.FromCentimos(long.MaxValue);

        Assert.Throws<OverflowException>(() => max + Money.FromCentimos(1));
        Assert.Throws<OverflowException>(() => Money.FromCentimos(long.MinValue) - Money.FromCentimos(1));
    }

    [Fact]
    public void Comparison_OrdersByAmount()
    {
        var small = Money.FromSoles(99.99m);
        var large = Money.FromSoles(100m);

        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= Money.FromCentimos(9999));
        Assert.True(large >= Money.FromCentimos(10000));
        Assert.False(small > large);
        Assert.False(large <= small);
        Assert.True(small.CompareTo(large) < 0);
        Assert.Equal(0, large.CompareTo(Money.FromCentimos(10000)));
        Assert.Equal([Money.Zero, small, large], new[] { large, Money.Zero, small }.Order());
    }

    [Fact]
    public void IsPositive_OnlyAboveZero()
    {
        Assert.True(Money.FromCentimos(1).IsPositive);
        Assert.False(Money.Zero.IsPositive);
        Assert.False(Money.FromCentimos(-1).IsPositive);
    }

    [Theory]
    [InlineData("es-PE")]
    [InlineData("en")]
    [InlineData("en-US")]
    public void ToString_UsesTheSolesSymbolWhateverTheCulture(string cultureName)
    {
        var money = Money.FromSoles(1_234_567.50m);

        Assert.Equal("S/ 1,234,567.50", money.ToString(CultureInfo.GetCultureInfo(cultureName)));
    }

    [Fact]
    public void ToString_WithACommaDecimalCulture_KeepsTheSolesSymbol()
    {
        var money = Money.FromSoles(1_234_567.50m);

        Assert.Equal("S/ 1.234.567,50", money.ToString(CultureInfo.GetCultureInfo("es-ES")));
    }

    [Theory]
    [InlineData("es-PE")]
    [InlineData("en")]
    public void ToString_OfANegativeAmount_PutsTheSignBeforeTheSymbol(string cultureName)
    {
        Assert.Equal("-S/ 1,234.05", Money.FromSoles(-1_234.05m).ToString(CultureInfo.GetCultureInfo(cultureName)));
    }

    [Fact]
    public void ToString_AlwaysShowsTwoDecimals()
    {
        Assert.Equal("S/ 0.00", Money.Zero.ToString(CultureInfo.GetCultureInfo("es-PE")));
        Assert.Equal("S/ 12.00", Money.FromSoles(12m).ToString(CultureInfo.GetCultureInfo("es-PE")));
        Assert.Equal("S/ 0.07", Money.FromCentimos(7).ToString(CultureInfo.GetCultureInfo("es-PE")));
    }

    [Fact]
    public void ToString_WithoutProvider_UsesTheCurrentCulture()
    {
        using var culture = new CultureScope("es-ES");

        Assert.Equal("S/ 1.500.000,00", Money.FromSoles(1_500_000m).ToString());
    }
}
