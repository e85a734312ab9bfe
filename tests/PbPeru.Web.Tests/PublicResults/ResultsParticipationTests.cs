using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Registration;
using PbPeru.Web.Infrastructure.PublicResults;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.PublicResults;

/// <summary>
/// <see cref="ParticipationQuery"/> against a cycle whose agents are known (see <see cref="ResultsTestData"/>):
/// accredited agents only, by sex, organization type, district and age band at the fiscal year's start,
/// the women's and civil-society shares, and the quota met, not met or not set.
/// </summary>
[Trait("Capability", "PublicResults")]
public sealed class ResultsParticipationTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task Stats_CountAccreditedAgentsOnly_ByEveryBreakdown()
    {
        // Ten organizations: 0–3 and 5–8 accepted, 4 and 9 not (their agents are not accredited);
        // plus the cycle's first organization (a woman titular, a man suplente, neighbourhood, first district).
        var data = await ResultsTestData.CreateAsync(app, projects: 3, organizations: 10);
        int[] accepted = [0, 1, 2, 3, 5, 6, 7, 8];
        var stats = await data.Data.ReadAsync(db => ParticipationQuery.ForCycleAsync(db, data.Id, CancellationToken.None));
        var registered = await data.Data.ReadAsync(db => db.Agents.CountAsync(a => a.CycleId == data.Id));
        Assert.Equal(22, registered);

        Assert.Equal(data.Id, stats.CycleId);
        Assert.Equal(18, stats.Agents);
        Assert.Equal(9, stats.Titulars);
        Assert.Equal(9, stats.Organizations);
        Assert.Equal(4, stats.WomenTitulars);           // organizations 0, 3, 6 and the first one's titular
        Assert.Equal(8, stats.Women);                   // + suplentes of 0, 2, 6, 8
        Assert.Equal(44.4m, stats.WomenShare);
        Assert.Equal(88.9m, stats.CivilSocietyShare);   // organization 7 is of type "Other": 2 of 18 agents
        Assert.Null(stats.WomenQuotaMet);               // the test cycle sets no quota

        Assert.Equal([("Female", "Mujeres", 8), ("Male", "Hombres", 10)], stats.BySex.Select(r => (r.Key, r.Label, r.Count)));

        var types = stats.ByOrganizationType.ToDictionary(r => r.Key, r => r.Count);
        Assert.Equal(Enum.GetNames<OrganizationType>(), stats.ByOrganizationType.Select(r => r.Key));
        Assert.Equal(6, types[nameof(OrganizationType.NeighbourhoodAssociation)]);   // 0, 8 and the first organization
        Assert.Equal(2, types[nameof(OrganizationType.WomensOrganization)]);
        Assert.Equal(0, types[nameof(OrganizationType.Producers)]);                  // organization 4, not accepted
        Assert.Equal(2, types[nameof(OrganizationType.Other)]);
        Assert.Equal("Junta o asociación vecinal", stats.ByOrganizationType[0].Label);

        // Districts: organization i in district i % n; the first organization in the first district.
        var expectedDistricts = accepted.Select(i => data.Districts[i % data.Districts.Count]).Append(data.Districts[0])
            .GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count() * 2);
        Assert.Equal(expectedDistricts.OrderBy(d => d.Key), stats.ByDistrict.Select(r => new KeyValuePair<string, int>(r.Key, r.Count)).OrderBy(d => d.Key));
        Assert.True(stats.ByDistrict.Zip(stats.ByDistrict.Skip(1)).All(p => p.First.Count >= p.Second.Count), "largest first");
        var names = await data.Data.ReadAsync(db => db.Jurisdictions.Where(j => data.Districts.Contains(j.Ubigeo)).ToDictionaryAsync(j => j.Ubigeo, j => j.Name));
        Assert.All(stats.ByDistrict, r => Assert.StartsWith(names[r.Key], r.Label, StringComparison.Ordinal));

        // Ages at 1 January of the fiscal year, from the birth dates the test data gives (and the first organization's two).
        var first = await data.Data.ReadAsync(db => db.Agents.Where(a => a.OrganizationId == data.Data.Organization.Id).Select(a => a.BirthDate).ToListAsync());
        var start = new DateOnly(data.Data.FiscalYear, 1, 1);
        var births = accepted.SelectMany(i => new[] { ResultsTestData.TitularBirth(i), ResultsTestData.SuplenteBirth(i) }).Concat(first).ToList();
        var expectedBands = new[] { AgeBand.From18To29, AgeBand.From30To44, AgeBand.From45To59, AgeBand.From60 }
            .ToDictionary(b => b, b => births.Count(d => Agent.BandOf(d, start) == b));
        Assert.Equal(18, expectedBands.Values.Sum());
        Assert.Equal(["De 18 a 29 años", "De 30 a 44 años", "De 45 a 59 años", "De 60 años a más"], stats.ByAgeBand.Select(r => r.Label));
        Assert.Equal(expectedBands.OrderBy(b => b.Key).Select(b => (b.Key.ToString(), b.Value)), stats.ByAgeBand.Select(r => (r.Key, r.Count)));
    }

    [Fact]
    public async Task Quota_IsMetOrNot_AmongTitulars()
    {
        var data = await ResultsTestData.CreateAsync(app, projects: 3, organizations: 10, womenQuota: 44);
        Assert.True((await data.Data.ReadAsync(db => ParticipationQuery.ForCycleAsync(db, data.Id, CancellationToken.None))).WomenQuotaMet);   // 4 of 9 = 44.4 %

        await data.Data.WriteAsync(async db =>
        {
            var cycle = await db.Cycles.SingleAsync(c => c.Id == data.Id);
            db.Entry(cycle).ComplexProperty(c => c.AccreditationRules).Property(r => r.WomenMinimumSharePercent).CurrentValue = 45;
        });
        Assert.False((await data.Data.ReadAsync(db => ParticipationQuery.ForCycleAsync(db, data.Id, CancellationToken.None))).WomenQuotaMet);
    }

    [Fact]
    public async Task AgeBands_AreCountedOnTheFirstOfJanuaryOfTheFiscalYear()
    {
        var data = await ResultsTestData.CreateAsync(app, projects: 3, organizations: 1);
        var start = new DateOnly(data.Data.FiscalYear, 1, 1);
        // The first organization's titular turns 30 on that very day (30–44); its suplente the day after (still 18–29).
        await data.Data.WriteAsync(async db =>
        {
            var agents = await db.Agents.Where(a => a.OrganizationId == data.Data.Organization.Id).ToListAsync();
            db.Entry(agents.Single(a => a.Role == AgentRole.Titular)).Property(a => a.BirthDate).CurrentValue = start.AddYears(-30);
            db.Entry(agents.Single(a => a.Role == AgentRole.Suplente)).Property(a => a.BirthDate).CurrentValue = start.AddYears(-30).AddDays(1);
            var other = await db.Agents.Where(a => a.CycleId == data.Id && a.OrganizationId != data.Data.Organization.Id).ToListAsync();
            foreach (var agent in other)
            {
                db.Entry(agent).Property(a => a.BirthDate).CurrentValue = start.AddYears(-60);   // 60 that day: 60+
            }
        });

        var stats = await data.Data.ReadAsync(db => ParticipationQuery.ForCycleAsync(db, data.Id, CancellationToken.None));
        Assert.Equal([1, 1, 0, 2], stats.ByAgeBand.Select(r => r.Count));
        Assert.Equal([nameof(AgeBand.From18To29), nameof(AgeBand.From30To44), nameof(AgeBand.From45To59), nameof(AgeBand.From60)], stats.ByAgeBand.Select(r => r.Key));
    }

    [Fact]
    public async Task UnknownCycle_GivesEmptyStats()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PbPeru.Web.Data.AppDbContext>();
        var stats = await ParticipationQuery.ForCycleAsync(db, 987_654, CancellationToken.None);
        Assert.Equal(0, stats.Agents);
        Assert.Empty(stats.ByDistrict);
        Assert.All(stats.BySex, r => Assert.Equal(0, r.Count));
        Assert.Equal(0m, stats.WomenShare);
        Assert.Null(stats.WomenQuotaMet);
    }
}
