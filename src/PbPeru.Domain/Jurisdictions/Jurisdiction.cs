namespace PbPeru.Domain.Jurisdictions;

public enum TerritoryLevel
{
    Department = 0,
    Province = 1,
    District = 2,
}

/// <summary>The government that runs a cycle: regional, provincial or district.</summary>
public enum GovernmentLevel
{
    Regional = 0,
    Provincial = 1,
    District = 2,
}

/// <summary>
/// A territorial unit from INEI's ubigeo list: a department (2 digits), a province (4) or a
/// district (6), with its population.
/// </summary>
public sealed class Jurisdiction
{
    private Jurisdiction()
    {
        Ubigeo = "";
        Name = "";
        Department = "";
    }

    public Jurisdiction(string ubigeo, string name, string department, string? province, string? district, long population, decimal? areaKm2)
    {
        if (ubigeo.Length is not (2 or 4 or 6) || !ubigeo.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Not an ubigeo code: '{ubigeo}'.", nameof(ubigeo));
        }

        Ubigeo = ubigeo;
        Name = name;
        Department = department;
        Province = province;
        District = district;
        Population = population;
        AreaKm2 = areaKm2;
        ParentUbigeo = ubigeo.Length == 2 ? null : ubigeo[..^2];
        Level = (TerritoryLevel)(ubigeo.Length / 2 - 1);
    }

    public string Ubigeo { get; private set; }

    public TerritoryLevel Level { get; private set; }

    public string Name { get; private set; }

    public string Department { get; private set; }

    public string? Province { get; private set; }

    public string? District { get; private set; }

    public string? ParentUbigeo { get; private set; }

    public long Population { get; private set; }

    public decimal? AreaKm2 { get; private set; }

    /// <summary>
    /// The government that runs participatory budgeting here. A district whose code ends in 01 is
    /// its province's capital and is governed by the provincial municipality, so it has none.
    /// </summary>
    public GovernmentLevel? Government => Level switch
    {
        TerritoryLevel.Department => GovernmentLevel.Regional,
        TerritoryLevel.Province => GovernmentLevel.Provincial,
        _ when Ubigeo.EndsWith("01", StringComparison.Ordinal) => null,
        _ => GovernmentLevel.District,
    };
}
