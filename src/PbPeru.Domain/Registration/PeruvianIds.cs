namespace PbPeru.Domain.Registration;

/// <summary>
/// The shape of Peru's identity numbers: the DNI of a person (RENIEC) and the RUC of a taxpayer
/// (SUNAT). These check the number only; whether it belongs to someone is a matter for RENIEC or SUNAT.
/// </summary>
public static class PeruvianIds
{
    public const int DniLength = 8;
    public const int RucLength = 11;

    // SUNAT's modulo-11 weights over the first ten digits of a RUC.
    private static readonly int[] RucWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    // 10 natural person, 15 and 17 non-domiciled or special natural persons, 16 other taxpayers
    // without a DNI, 20 legal entity (companies, associations, public bodies).
    private static readonly string[] RucPrefixes = ["10", "15", "16", "17", "20"];

    /// <summary>Exactly eight ASCII digits (no spaces: <see cref="Normalize"/> the input first).</summary>
    public static bool IsValidDni(string? value) =>
        value is { Length: DniLength } && value.All(char.IsAsciiDigit);

    /// <summary>Eleven ASCII digits, a known prefix and SUNAT's check digit.</summary>
    public static bool IsValidRuc(string? value)
    {
        if (value is not { Length: RucLength } || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!RucPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal)))
        {
            return false;
        }

        return value[RucLength - 1] - '0' == RucCheckDigit(value.AsSpan(0, RucLength - 1));
    }

    /// <summary>
    /// The number as a person might type it, without the spaces: "  4567 8901 " becomes
    /// "45678901". Null stays null. Other characters are kept so that validation can refuse them.
    /// </summary>
    public static string? Normalize(string? value) =>
        value is null ? null : string.Concat(value.Where(c => !char.IsWhiteSpace(c)));

    private static int RucCheckDigit(ReadOnlySpan<char> firstTen)
    {
        var sum = 0;
        for (var i = 0; i < firstTen.Length; i++)
        {
            sum += (firstTen[i] - '0') * RucWeights[i];
        }

        var r = 11 - (sum % 11);
        return r switch
        {
            10 => 0,
            11 => 1,
            _ => r,
        };
    }
}
