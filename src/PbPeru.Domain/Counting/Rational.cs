using System.Globalization;
using System.Numerics;

namespace PbPeru.Domain.Counting;

/// <summary>An exact fraction, always in lowest terms with a positive denominator.</summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private static readonly BigInteger ExactInDouble = BigInteger.One << 53;

    private readonly BigInteger _denominator;

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        Numerator = numerator;
        _denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public BigInteger Numerator { get; }

    /// <summary>Never zero; the default value is 0/1.</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public static Rational Zero => new(0, 1);

    public static implicit operator Rational(long value) => new(value, 1);

    public static Rational operator +(Rational a, Rational b) =>
        a.Denominator == b.Denominator
            ? new(a.Numerator + b.Numerator, a.Denominator)
            : new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) => a + new Rational(-b.Numerator, b.Denominator);

    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static Rational Min(Rational a, Rational b) => a <= b ? a : b;

    public int CompareTo(Rational other) =>
        Denominator == other.Denominator
            ? Numerator.CompareTo(other.Numerator)
            : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>
    /// The nearest double, within two units in the last place: for display and for the counting
    /// rules' quick comparisons, which never decide on a double alone when the answer is close.
    /// </summary>
    public double ToDouble()
    {
        if (Numerator.IsZero)
        {
            return 0;
        }

        if (BigInteger.Abs(Numerator) < ExactInDouble && Denominator < ExactInDouble)
        {
            return (double)Numerator / (double)Denominator;
        }

        // Keep about 64 significant bits of the quotient, then scale back.
        var shift = 64 - (Numerator.GetBitLength() - Denominator.GetBitLength());
        var quotient = shift >= 0
            ? BigInteger.Divide(Numerator << (int)shift, Denominator)
            : BigInteger.Divide(Numerator, Denominator << (int)-shift);
        return Math.ScaleB((double)quotient, (int)-shift);
    }

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
