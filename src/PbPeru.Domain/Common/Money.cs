using System.Globalization;

namespace PbPeru.Domain.Common;

/// <summary>
/// An amount in Peruvian soles, held exactly as whole céntimos. Stored as an integer so that both
/// PostgreSQL and SQLite can compare, order and sum it in SQL.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(long centimos) => Centimos = centimos;

    public long Centimos { get; }

    public decimal Soles => Centimos / 100m;

    public static Money Zero { get; } = new(0);

    public static Money FromCentimos(long centimos) => new(centimos);

    /// <summary>Soles with at most two decimals; anything finer is a mistake, not a rounding.</summary>
    public static Money FromSoles(decimal soles)
    {
        // Checked before multiplying: soles * 100 overflows decimal itself for very large amounts.
        if (soles > long.MaxValue / 100m || soles < long.MinValue / 100m)
        {
            throw new DomainException(Messages.MoneyOutOfRange.Format(soles));
        }

        var centimos = soles * 100m;
        if (centimos != decimal.Truncate(centimos))
        {
            throw new DomainException(Messages.MoneyTooPrecise.Format(soles));
        }

        return new Money((long)centimos);
    }

    public bool IsPositive => Centimos > 0;

    public static Money operator +(Money a, Money b) => new(checked(a.Centimos + b.Centimos));

    public static Money operator -(Money a, Money b) => new(checked(a.Centimos - b.Centimos));

    public static bool operator <(Money a, Money b) => a.Centimos < b.Centimos;

    public static bool operator >(Money a, Money b) => a.Centimos > b.Centimos;

    public static bool operator <=(Money a, Money b) => a.Centimos <= b.Centimos;

    public static bool operator >=(Money a, Money b) => a.Centimos >= b.Centimos;

    public int CompareTo(Money other) => Centimos.CompareTo(other.Centimos);

    /// <summary>
    /// Formats in soles whatever the language: the culture gives the separators, the symbol is
    /// always "S/" (es-PE gives "S/ 1,234.50").
    /// </summary>
    public string ToString(IFormatProvider? provider)
    {
        var format = (NumberFormatInfo)NumberFormatInfo.GetInstance(provider).Clone();
        format.CurrencySymbol = "S/";
        format.CurrencyPositivePattern = 2; // "S/ n"
        format.CurrencyNegativePattern = 9; // "-S/ n"
        return Soles.ToString("C2", format);
    }

    public override string ToString() => ToString(CultureInfo.CurrentCulture);
}
