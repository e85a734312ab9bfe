using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure.PublicResults;

/// <summary>One bar of a breakdown. <paramref name="Key"/> is stable (the enum name, the district's ubigeo, the age band's enum name); <paramref name="Label"/> is the Spanish name people read.</summary>
public sealed record CountRow(string Key, string Label, int Count);

/// <summary>
/// Participation of a cycle: its accredited agents only (those of accepted organizations, less any taken
/// off the list by an upheld challenge). Aggregates only: no name, DNI or contact.
/// </summary>
/// <param name="CycleId">The cycle.</param>
/// <param name="Agents">Accredited agents, titulars and suplentes.</param>
/// <param name="Titulars">Accredited titular agents (the quota is checked among them).</param>
/// <param name="Women">Women among the accredited agents.</param>
/// <param name="WomenTitulars">Women among the accredited titulars.</param>
/// <param name="WomenShare">Women among all accredited agents, in percent (0–100), one decimal; 0 when there is no agent.</param>
/// <param name="CivilSocietyShare">
/// Agents of civil-society organizations among all accredited agents, in percent (0–100), one decimal.
/// Civil society = every <see cref="OrganizationType"/> except <see cref="OrganizationType.Other"/>
/// (neighbourhood, women's, youth, peasant/native community, producers, professional association, NGO);
/// "Other" is where bodies that are not a civil-society organization (a public institution, a
/// university, a company…) are registered, so they do not count. 0 when there is no agent.
/// </param>
/// <param name="BySex">Every sex, even at zero: Female, Male.</param>
/// <param name="ByOrganizationType">Every organization type, even at zero, in enum order.</param>
/// <param name="ByDistrict">Districts (the organization's ubigeo) with agents, largest first, then by name.</param>
/// <param name="ByAgeBand">Age at the start of the cycle's fiscal year (1 January): 18–29, 30–44, 45–59, 60+ (and "under 18" only if someone is).</param>
/// <param name="WomenQuotaMet">Whether the women's quota among titulars is met; null when the cycle has no women quota.</param>
/// <param name="Organizations">Organizations with at least one accredited agent.</param>
public sealed record ParticipationStats(int CycleId, int Agents, int Titulars, int Women, int WomenTitulars,
    decimal WomenShare, decimal CivilSocietyShare, IReadOnlyList<CountRow> BySex, IReadOnlyList<CountRow> ByOrganizationType,
    IReadOnlyList<CountRow> ByDistrict, IReadOnlyList<CountRow> ByAgeBand, bool? WomenQuotaMet, int Organizations);

public static class ParticipationQuery
{
    /// <summary>
    /// The participation statistics of the cycle in four small queries (the cycle's rules, the agents grouped
    /// in SQL by role, sex, age band, organization type and district, the organizations, the districts' names),
    /// whatever the number of agents. Ages are counted on 1 January of the cycle's fiscal year, as
    /// <see cref="Agent.BandOf"/> would. An unknown cycle gives empty statistics.
    /// </summary>
    public static async Task<ParticipationStats> ForCycleAsync(AppDbContext db, int cycleId, CancellationToken ct)
    {
        var cycle = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == cycleId)
            .Select(c => new { c.FiscalYear, c.AccreditationRules.WomenMinimumSharePercent })
            .SingleOrDefaultAsync(ct);

        // Ages on 1 January of the fiscal year, banded in SQL: one row per (role, sex, band, type, district).
        var start = new DateOnly(cycle?.FiscalYear ?? DateTime.UtcNow.Year, 1, 1);
        DateOnly born18 = start.AddYears(-18), born30 = start.AddYears(-30), born45 = start.AddYears(-45), born60 = start.AddYears(-60);
        var accredited = db.Agents.AsNoTracking().Where(a => a.CycleId == cycleId && a.IsAccredited);
        var groups = await accredited
            .Join(db.Organizations, a => a.OrganizationId, o => o.Id, (a, o) => new
            {
                a.Role,
                a.Sex,
                Band = a.BirthDate <= born60 ? AgeBand.From60
                    : a.BirthDate <= born45 ? AgeBand.From45To59
                    : a.BirthDate <= born30 ? AgeBand.From30To44
                    : a.BirthDate <= born18 ? AgeBand.From18To29
                    : AgeBand.Under18,
                o.Type,
                o.DistrictUbigeo,
            })
            .GroupBy(x => new { x.Role, x.Sex, x.Band, x.Type, x.DistrictUbigeo })
            .Select(g => new { g.Key.Role, g.Key.Sex, g.Key.Band, g.Key.Type, g.Key.DistrictUbigeo, Count = g.Count() })
            .ToListAsync(ct);
        var organizations = groups.Count == 0 ? 0 : await accredited.Select(a => a.OrganizationId).Distinct().CountAsync(ct);

        var ubigeos = groups.Select(g => g.DistrictUbigeo).Distinct().ToList();
        var names = ubigeos.Count == 0
            ? []
            : await db.Jurisdictions.AsNoTracking()
                .Where(j => ubigeos.Contains(j.Ubigeo))
                .Select(j => new { j.Ubigeo, j.Name, j.Province })
                .ToDictionaryAsync(j => j.Ubigeo, j => string.IsNullOrEmpty(j.Province) || j.Province == j.Name ? j.Name : $"{j.Name} ({j.Province})", ct);

        var agents = groups.Sum(g => g.Count);
        var titulars = groups.Where(g => g.Role == AgentRole.Titular).Sum(g => g.Count);
        var women = groups.Where(g => g.Sex == Sex.Female).Sum(g => g.Count);
        var womenTitulars = groups.Where(g => g.Sex == Sex.Female && g.Role == AgentRole.Titular).Sum(g => g.Count);
        var civilSociety = groups.Where(g => IsCivilSociety(g.Type)).Sum(g => g.Count);

        var bySex = Enum.GetValues<Sex>()
            .Select(s => new CountRow(s.ToString(), SexLabel(s), groups.Where(g => g.Sex == s).Sum(g => g.Count)))
            .ToList();
        var byType = Enum.GetValues<OrganizationType>()
            .Select(t => new CountRow(t.ToString(), TypeLabel(t), groups.Where(g => g.Type == t).Sum(g => g.Count)))
            .ToList();
        var byAge = Enum.GetValues<AgeBand>()
            .Select(b => new CountRow(b.ToString(), BandLabel(b), groups.Where(g => g.Band == b).Sum(g => g.Count)))
            .Where(r => r.Key != nameof(AgeBand.Under18) || r.Count > 0)
            .ToList();
        var byDistrict = groups
            .GroupBy(g => g.DistrictUbigeo)
            .Select(g => new CountRow(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, g.Sum(x => x.Count)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();

        bool? quotaMet = cycle?.WomenMinimumSharePercent is { } quota ? new QuotaCount(titulars, womenTitulars).Meets(quota) : null;

        return new ParticipationStats(
            cycleId,
            agents,
            titulars,
            women,
            womenTitulars,
            Representation.PercentOf(women, agents),
            Representation.PercentOf(civilSociety, agents),
            bySex,
            byType,
            byDistrict,
            byAge,
            quotaMet,
            organizations);
    }

    /// <summary>Every organization type but <see cref="OrganizationType.Other"/> is a civil-society organization (see <see cref="ParticipationStats"/>).</summary>
    public static bool IsCivilSociety(OrganizationType type) => type != OrganizationType.Other;

    public static string SexLabel(Sex sex) => sex == Sex.Female ? "Mujeres" : "Hombres";

    public static string BandLabel(AgeBand band) => band switch
    {
        AgeBand.Under18 => "Menores de 18 años",
        AgeBand.From18To29 => "De 18 a 29 años",
        AgeBand.From30To44 => "De 30 a 44 años",
        AgeBand.From45To59 => "De 45 a 59 años",
        _ => "De 60 años a más",
    };

    public static string TypeLabel(OrganizationType type) => type switch
    {
        OrganizationType.NeighbourhoodAssociation => "Junta o asociación vecinal",
        OrganizationType.WomensOrganization => "Organización de mujeres",
        OrganizationType.Youth => "Organización juvenil",
        OrganizationType.IndigenousOrPeasantCommunity => "Comunidad campesina o nativa",
        OrganizationType.Producers => "Asociación de productores",
        OrganizationType.ProfessionalAssociation => "Colegio o asociación profesional",
        OrganizationType.Ngo => "Organización no gubernamental (ONG)",
        _ => "Otra organización",
    };
}
