using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Coordination;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure;

/// <summary>Loads a coordination space whole, and what its pages show beside it (government names, district populations).</summary>
public static class CoordinationQueries
{
    /// <summary>The space with its cycles, projects, meetings, ledger and minutes.</summary>
    public static IQueryable<CoordinationSpace> Spaces(AppDbContext db, bool tracking = true)
    {
        var query = db.CoordinationSpaces
            .Include(s => s.Cycles)
            .Include("Projects._districts")
            .Include(s => s.Meetings).ThenInclude(m => m.Guests)
            .Include("Agreements._projects")
            .Include("Agreements._shares")
            .Include("Minutes._meetings")
            .AsSplitQuery();
        return tracking ? query : query.AsNoTracking();
    }

    /// <summary>The space a cycle joined, or null.</summary>
    public static async Task<CoordinationSpace?> OfCycleAsync(AppDbContext db, int cycleId, bool tracking, CancellationToken cancellationToken)
    {
        var spaceId = await db.Set<CoordinatedCycle>()
            .Where(c => c.CycleId == cycleId)
            .Select(c => (int?)EF.Property<int>(c, "CoordinationSpaceId"))
            .SingleOrDefaultAsync(cancellationToken);
        return spaceId is null ? null : await Spaces(db, tracking).SingleOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
    }

    /// <summary>The population of every district of the space's department (for the reach rules).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> DistrictPopulationsAsync(AppDbContext db, CoordinationSpace space, CancellationToken cancellationToken) =>
        await db.Jurisdictions.AsNoTracking()
            .Where(j => j.Ubigeo.StartsWith(space.DepartmentUbigeo) && j.Ubigeo.Length == 6)
            .ToDictionaryAsync(j => j.Ubigeo, j => j.Population, cancellationToken);

    /// <summary>"Gobierno Regional de Cusco"… for each cycle of the space, by cycle id.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> GovernmentNamesAsync(AppDbContext db, CoordinationSpace space, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var ubigeos = space.Cycles.Select(c => c.JurisdictionUbigeo).ToList();
        var jurisdictions = await db.Jurisdictions.AsNoTracking().Where(j => ubigeos.Contains(j.Ubigeo)).ToDictionaryAsync(j => j.Ubigeo, cancellationToken);
        return space.Cycles.ToDictionary(
            c => c.CycleId,
            c => jurisdictions.TryGetValue(c.JurisdictionUbigeo, out var j) ? GovernmentNames.Of(j, t) : c.GovernmentName);
    }

    /// <summary>Names of districts, by ubigeo, for the districts the space's projects reach.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> DistrictNamesAsync(AppDbContext db, CoordinationSpace space, CancellationToken cancellationToken)
    {
        var ubigeos = space.Projects.SelectMany(p => p.Districts).Distinct().ToList();
        return await db.Jurisdictions.AsNoTracking().Where(j => ubigeos.Contains(j.Ubigeo)).ToDictionaryAsync(j => j.Ubigeo, j => j.Name, cancellationToken);
    }
}

/// <summary>A coordination space as its minutes show it: the space, its lists now and the names to print.</summary>
public sealed record CoordinationRecord(
    CoordinationSpace Space,
    CoordinationState State,
    IReadOnlyDictionary<int, string> Governments,
    IReadOnlyDictionary<string, string> DistrictNames,
    string DepartmentName)
{
    public string GovernmentOf(int cycleId) => Governments.TryGetValue(cycleId, out var name) ? name : $"#{cycleId}";

    public string GovernmentOfUbigeo(string? ubigeo) =>
        Space.Cycles.FirstOrDefault(c => c.JurisdictionUbigeo == ubigeo) is { } c ? GovernmentOf(c.CycleId) : ubigeo ?? "";

    public string ProjectLabel(int number) => State.Project(number) is { } p ? $"N.º {number} · {p.Project.Title}" : $"N.º {number}";

    public static async Task<CoordinationRecord?> FindAsync(AppDbContext db, int spaceId, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var space = await CoordinationQueries.Spaces(db, tracking: false).SingleOrDefaultAsync(s => s.Id == spaceId, cancellationToken);
        if (space is null)
        {
            return null;
        }

        var department = await db.Jurisdictions.AsNoTracking().Where(j => j.Ubigeo == space.DepartmentUbigeo).Select(j => j.Name).SingleOrDefaultAsync(cancellationToken);
        return new CoordinationRecord(
            space,
            space.State,
            await CoordinationQueries.GovernmentNamesAsync(db, space, t, cancellationToken),
            await CoordinationQueries.DistrictNamesAsync(db, space, cancellationToken),
            department ?? space.DepartmentUbigeo);
    }
}
