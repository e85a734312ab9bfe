using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure;

/// <summary>One group of accredited agents (women, youth organizations, 30–44…): how many, how many women, and its share of all.</summary>
/// <param name="Key">The group: a sex, a role, an organization type, an age band or a district.</param>
/// <param name="Agents">Accredited agents in the group.</param>
/// <param name="Women">Women among them.</param>
/// <param name="Percent">The group's share of every accredited agent, in percent, one decimal.</param>
public sealed record RepresentationRow<TKey>(TKey Key, int Agents, int Women, decimal Percent)
{
    public int Men => Agents - Women;

    /// <summary>Women's share within the group, in percent, one decimal (0 for an empty group).</summary>
    public decimal WomenPercent => Representation.PercentOf(Women, Agents);
}

/// <summary>A district where accredited agents' organizations are, by its ubigeo and name.</summary>
public sealed record DistrictKey(string Ubigeo, string Name, string? Province);

/// <summary>
/// The cycle's quota of women among titular agents against the list as it stands. <see cref="Count"/>
/// is what the domain checks when the final list is published (<see cref="AccreditationList.PublishFinal"/>)
/// and at the Preparation → Concertation gate.
/// </summary>
public sealed record QuotaStatus(int TargetPercent, bool IsHard, QuotaCount Count, bool Justified)
{
    public decimal CurrentPercent => Count.WomenSharePercent;

    public bool Met => Count.Meets(TargetPercent);

    /// <summary>How many more women titulars the quota needs with the list as large as it is.</summary>
    public int WomenShort => Count.WomenShort(TargetPercent);
}

/// <summary>Who the accredited agents of a cycle are, on <see cref="AsOf"/> (the day ages are counted on).</summary>
public sealed record RepresentationReport(
    DateOnly AsOf,
    int Agents,
    int Women,
    int Organizations,
    IReadOnlyList<RepresentationRow<Sex>> BySex,
    IReadOnlyList<RepresentationRow<AgentRole>> ByRole,
    IReadOnlyList<RepresentationRow<OrganizationType>> ByOrganizationType,
    IReadOnlyList<RepresentationRow<AgeBand>> ByAgeBand,
    IReadOnlyList<RepresentationRow<DistrictKey>> ByDistrict,
    QuotaStatus? Quota)
{
    public bool IsEmpty => Agents == 0;
}

/// <summary>
/// Participation statistics of a cycle: its accredited agents (those of accepted organizations,
/// less any taken off the list by an upheld challenge) by sex, titular or suplente, organization
/// type, district and age band, and the women's quota among titulars. Aggregates only: no name,
/// DNI or contact leaves this class, so public pages may show it as it is.
/// </summary>
public static class Representation
{
    /// <summary>
    /// Computes the report in two small queries (agents grouped in SQL, then the districts' names);
    /// ages are counted on <paramref name="today"/> (Lima's day) with <see cref="Agent.BandOf"/>.
    /// Every sex, role, type and band has its row, even at zero; districts only where there are agents,
    /// largest first. Null <see cref="RepresentationReport.Quota"/> when the cycle sets no quota.
    /// </summary>
    public static async Task<RepresentationReport> ForCycleAsync(AppDbContext db, int cycleId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var groups = await db.Agents.AsNoTracking()
            .Where(a => a.CycleId == cycleId && a.IsAccredited)
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new { a.Role, a.Sex, a.BirthDate, o.Type, o.DistrictUbigeo })
            .GroupBy(x => new { x.Role, x.Sex, x.BirthDate, x.Type, x.DistrictUbigeo })
            .Select(g => new { g.Key.Role, g.Key.Sex, g.Key.BirthDate, g.Key.Type, g.Key.DistrictUbigeo, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var organizations = await db.Agents
            .Where(a => a.CycleId == cycleId && a.IsAccredited)
            .Select(a => a.OrganizationId)
            .Distinct()
            .CountAsync(cancellationToken);

        var rules = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == cycleId)
            .Select(c => new { c.AccreditationRules.WomenMinimumSharePercent, c.AccreditationRules.WomenQuotaIsHard })
            .SingleOrDefaultAsync(cancellationToken);
        var justification = await db.AccreditationLists.AsNoTracking()
            .Where(l => l.CycleId == cycleId)
            .Select(l => l.QuotaJustification)
            .SingleOrDefaultAsync(cancellationToken);

        var ubigeos = groups.Select(g => g.DistrictUbigeo).Distinct().ToList();
        var districts = await db.Jurisdictions.AsNoTracking()
            .Where(j => ubigeos.Contains(j.Ubigeo))
            .Select(j => new { j.Ubigeo, j.Name, j.Province })
            .ToDictionaryAsync(j => j.Ubigeo, j => new DistrictKey(j.Ubigeo, j.Name, j.Province), cancellationToken);
        DistrictKey District(string ubigeo) => districts.GetValueOrDefault(ubigeo) ?? new DistrictKey(ubigeo, ubigeo, null);

        var rows = groups.Select(g => new Group(g.Role, g.Sex, Agent.BandOf(g.BirthDate, today), g.Type, District(g.DistrictUbigeo), g.Count)).ToList();
        var total = rows.Sum(g => g.Count);
        var women = rows.Where(g => g.Sex == Sex.Female).Sum(g => g.Count);

        List<RepresentationRow<TKey>> By<TKey>(IEnumerable<TKey> keys, Func<Group, TKey> keyOf) => keys
            .Select(key =>
            {
                var inGroup = rows.Where(g => EqualityComparer<TKey>.Default.Equals(keyOf(g), key)).ToList();
                var agents = inGroup.Sum(g => g.Count);
                return new RepresentationRow<TKey>(key, agents, inGroup.Where(g => g.Sex == Sex.Female).Sum(g => g.Count), PercentOf(agents, total));
            })
            .ToList();

        var byDistrict = By(rows.Select(g => g.District).Distinct(), g => g.District)
            .OrderByDescending(r => r.Agents).ThenBy(r => r.Key.Name, StringComparer.CurrentCulture)
            .ToList();

        var titulars = rows.Where(g => g.Role == AgentRole.Titular).ToList();
        var quota = rules?.WomenMinimumSharePercent is { } target
            ? new QuotaStatus(
                target,
                rules.WomenQuotaIsHard,
                new QuotaCount(titulars.Sum(g => g.Count), titulars.Where(g => g.Sex == Sex.Female).Sum(g => g.Count)),
                !string.IsNullOrWhiteSpace(justification))
            : null;

        return new RepresentationReport(
            today,
            total,
            women,
            organizations,
            By(Enum.GetValues<Sex>(), g => g.Sex),
            By(Enum.GetValues<AgentRole>(), g => g.Role),
            By(Enum.GetValues<OrganizationType>(), g => g.Type),
            By(Enum.GetValues<AgeBand>(), g => g.Band),
            byDistrict,
            quota);
    }

    /// <summary><paramref name="part"/> as a percent of <paramref name="whole"/>, one decimal; 0 when the whole is 0.</summary>
    public static decimal PercentOf(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private sealed record Group(AgentRole Role, Sex Sex, AgeBand Band, OrganizationType Type, DistrictKey District, int Count);
}

/// <summary>The names people read for the groups of the representation statistics.</summary>
public static class RepresentationLabels
{
    public static string Of(Sex sex, IStringLocalizer t) => sex == Sex.Female ? t["Mujeres"] : t["Hombres"];

    public static string Of(AgentRole role, IStringLocalizer t) => role == AgentRole.Titular ? t["Titulares"] : t["Suplentes"];

    public static string Of(AgeBand band, IStringLocalizer t) => band switch
    {
        AgeBand.Under18 => t["Menores de 18 años"],
        AgeBand.From18To29 => t["De 18 a 29 años"],
        AgeBand.From30To44 => t["De 30 a 44 años"],
        AgeBand.From45To59 => t["De 45 a 59 años"],
        _ => t["De 60 años a más"],
    };

    public static string Of(OrganizationType type, IStringLocalizer t) => type switch
    {
        OrganizationType.NeighbourhoodAssociation => t["Junta o asociación vecinal"],
        OrganizationType.WomensOrganization => t["Organización de mujeres"],
        OrganizationType.Youth => t["Organización juvenil"],
        OrganizationType.IndigenousOrPeasantCommunity => t["Comunidad campesina o nativa"],
        OrganizationType.Producers => t["Asociación de productores"],
        OrganizationType.ProfessionalAssociation => t["Colegio o asociación profesional"],
        OrganizationType.Ngo => t["Organización no gubernamental (ONG)"],
        _ => t["Otra organización"],
    };

    /// <summary>"Santiago (Cusco)": the district with its province, since names repeat across a region.</summary>
    public static string Of(DistrictKey district) =>
        string.IsNullOrEmpty(district.Province) || district.Province == district.Name ? district.Name : $"{district.Name} ({district.Province})";
}
