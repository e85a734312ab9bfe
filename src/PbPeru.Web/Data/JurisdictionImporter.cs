using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Jurisdictions;

namespace PbPeru.Web.Data;

/// <summary>Loads INEI's ubigeo list (SeedData/ubigeo.csv) into an empty Jurisdictions table.</summary>
public static class JurisdictionImporter
{
    public static async Task ImportIfEmptyAsync(AppDbContext db, string csvPath, CancellationToken cancellationToken)
    {
        if (await db.Jurisdictions.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Jurisdictions.AddRange(Read(csvPath));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Reads the file's columns: ubigeo,level,name,department,province,district,parent_ubigeo,population,population_year,area_km2.
    /// No field in it holds a comma or a quote, so a plain split is enough (a test guards that).
    /// </summary>
    public static IEnumerable<Jurisdiction> Read(string csvPath)
    {
        foreach (var line in File.ReadLines(csvPath).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var f = line.Split(',');
            if (f.Length != 10)
            {
                throw new FormatException($"{csvPath}: expected 10 columns in '{line}'.");
            }

            yield return new Jurisdiction(
                ubigeo: f[0],
                name: f[2],
                department: f[3],
                province: NullIfEmpty(f[4]),
                district: NullIfEmpty(f[5]),
                population: long.Parse(f[7], CultureInfo.InvariantCulture),
                areaKm2: f[9].Length == 0 ? null : decimal.Parse(f[9], CultureInfo.InvariantCulture));
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
