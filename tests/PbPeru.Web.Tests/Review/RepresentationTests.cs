using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

namespace PbPeru.Web.Tests.Review;

/// <summary>The representation statistics: who the accredited agents are, against the quota.</summary>
[Trait("Capability", "Preparation")]
public sealed class RepresentationTests(ReviewFactory app) : IClassFixture<ReviewFactory>
{
    private const string Ubigeo = "0807"; // Chumbivilcas: Santo Tomás 080701, Capacmarca 080702

    private static readonly DateOnly Today = new(2027, 1, 20);

    /// <summary>
    /// Two accepted organizations with four agents counted, one agent taken off by an upheld
    /// challenge, and a submitted organization not yet counted.
    /// </summary>
    private async Task<ReviewData> CycleWithAgentsAsync()
    {
        var data = await ReviewData.NewCycleAsync(app, Ubigeo, new AccreditationRules(1, 1, true, 2, 30, WomenQuotaIsHard: false));
        await data.OrganizationAsync("Organización de Mujeres Warmi", OrganizationStatus.Accepted,
            [ReviewData.Person("Rosa", "Ccori", Sex.Female, new DateOnly(1990, 5, 10)), ReviewData.Person("Elena", "Ccori", Sex.Female, new DateOnly(2000, 1, 1))],
            OrganizationType.WomensOrganization, "080701");
        await data.OrganizationAsync("Juventud Chumbivilcana", OrganizationStatus.Accepted,
            [ReviewData.Person("Diego", "Huillca", Sex.Male, new DateOnly(2005, 6, 1)), ReviewData.Person("Tomás", "Huillca", Sex.Male, new DateOnly(1950, 1, 1))],
            OrganizationType.Youth, "080702");
        var challenged = await data.OrganizationAsync("Productores de Capacmarca", OrganizationStatus.Accepted,
            [ReviewData.Person("Lucía", "Quispe", Sex.Female, new DateOnly(1985, 1, 1))], OrganizationType.Producers, "080702");
        await data.OrganizationAsync("Asociación Aún en Revisión", OrganizationStatus.Submitted,
            [ReviewData.Person("Nora", "Pérez", Sex.Female)], OrganizationType.Ngo, "080701");

        await data.PublishPreliminaryAsync();
        var (challengeId, _) = await data.FileChallengeAsync(challenged.AgentIds[0], "Ya está acreditada por otra organización.");
        await data.WriteAsync(async db =>
        {
            var cycle = await db.Cycles.SingleAsync(c => c.Id == data.CycleId);
            var list = await db.AccreditationLists.SingleAsync(l => l.CycleId == data.CycleId);
            var challenge = await db.Challenges.SingleAsync(c => c.Id == challengeId);
            var agent = await db.Agents.SingleAsync(a => a.Id == challenge.AgentId);
            challenge.Rule(cycle, list, data.Manager, agent, upheld: true, "Procede.", ReviewData.Noon(Today));
        });
        return data;
    }

    [Fact]
    public async Task ForCycle_CountsTheAccreditedAgentsBySexRoleTypeDistrictAndAge_AgainstTheQuota()
    {
        var data = await CycleWithAgentsAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var report = await Representation.ForCycleAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), data.CycleId, Today);

        Assert.Equal((4, 2, 2), (report.Agents, report.Women, report.Organizations));
        Assert.Equal([(Sex.Female, 2, 50.0m), (Sex.Male, 2, 50.0m)], report.BySex.Select(r => (r.Key, r.Agents, r.Percent)));
        Assert.Equal([(AgentRole.Titular, 2, 1), (AgentRole.Suplente, 2, 1)], report.ByRole.Select(r => (r.Key, r.Agents, r.Women)));
        Assert.Equal(
            [(OrganizationType.WomensOrganization, 2, 2), (OrganizationType.Youth, 2, 0)],
            report.ByOrganizationType.Where(r => r.Agents > 0).Select(r => (r.Key, r.Agents, r.Women)));
        Assert.Equal(Enum.GetValues<OrganizationType>().Length, report.ByOrganizationType.Count);
        Assert.Equal(
            [(AgeBand.Under18, 0), (AgeBand.From18To29, 2), (AgeBand.From30To44, 1), (AgeBand.From45To59, 0), (AgeBand.From60, 1)],
            report.ByAgeBand.Select(r => (r.Key, r.Agents)));
        Assert.Equal(
            [("080701", "Santo Tomás", 2, 100.0m), ("080702", "Capacmarca", 2, 0m)],
            report.ByDistrict.OrderBy(r => r.Key.Ubigeo).Select(r => (r.Key.Ubigeo, r.Key.Name, r.Agents, r.WomenPercent)));
        var quota = report.Quota!;
        Assert.Equal((30, false, 2, 1, 50.0m, true, 0), (quota.TargetPercent, quota.IsHard, quota.Count.Titulars, quota.Count.WomenTitulars, quota.CurrentPercent, quota.Met, quota.WomenShort));
    }

    [Fact]
    public async Task ForCycle_WithNoAgentsAndNoQuota_IsEmptyWithEveryGroupAtZero()
    {
        var data = await ReviewData.NewCycleAsync(app, Ubigeo);

        await using var scope = app.Services.CreateAsyncScope();
        var report = await Representation.ForCycleAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), data.CycleId, Today);

        Assert.True(report.IsEmpty);
        Assert.Null(report.Quota);
        Assert.All(report.BySex, r => Assert.Equal((0, 0m), (r.Agents, r.Percent)));
        Assert.All(report.ByAgeBand, r => Assert.Equal((0, 0m), (r.Agents, r.Percent)));
        Assert.Empty(report.ByDistrict);
    }

    [Fact]
    public async Task AccreditationPage_ShowsTheTablesWithCaptionsCountsAndPercentages()
    {
        var data = await CycleWithAgentsAsync();
        app.Clock.SetLimaDay(Today);
        using var manager = await data.ManagerAsync();

        var page = await manager.GetPageAsync($"/Cycles/Accreditation/{data.CycleId}");

        string[] Row(string table, int index) => page.QuerySelectorAll($"#{table} tbody tr")[index].Children
            .Select(c => c.TextContent.Trim()).Where(t => t.Length > 0).ToArray();
        Assert.Equal("Por sexo", page.QuerySelector("#by-sex caption")!.TextContent.Trim());
        Assert.Equal(["Mujeres", "2", "50.0 %"], Row("by-sex", 0));
        Assert.Equal(["Titulares", "2", "50.0 %", "1", "50.0 %"], Row("by-role", 0));
        Assert.Equal(["De 60 años a más", "1", "25.0 %", "0", "0.0 %"], Row("by-age", 3));
        Assert.Equal(["Organización de mujeres", "2", "50.0 %", "2", "100.0 %"], Row("by-type", 1));
        Assert.Equal(2, page.QuerySelectorAll("#by-district tbody tr").Length);
        Assert.Equal("50", page.QuerySelector("#by-sex tbody tr meter")!.GetAttribute("value")!.Split('.')[0]);
        var quota = page.QuerySelector("#quota-status")!.TextContent;
        Assert.Contains("Cuota referencial", quota, StringComparison.Ordinal);
        Assert.Contains("Se cumple", quota, StringComparison.Ordinal);
        Assert.Contains("1 mujeres de 2 titulares", quota, StringComparison.Ordinal);
    }
}
