using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Foundation;

[Trait("Capability", "Foundation")]
public sealed class JurisdictionImportTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    private const long PeruPopulation = 34_350_244;

    [Fact]
    public async Task Import_AtStartUp_Loads25Departments196ProvincesAnd1891Districts()
    {
        var all = await ReadAllAsync(app);

        Assert.Equal(2_112, all.Count);
        Assert.Equal(25, all.Count(j => j.Level == TerritoryLevel.Department));
        Assert.Equal(196, all.Count(j => j.Level == TerritoryLevel.Province));
        Assert.Equal(1_891, all.Count(j => j.Level == TerritoryLevel.District));
        Assert.All(all, j => Assert.Equal(j.Ubigeo.Length / 2 - 1, (int)j.Level));
    }

    [Fact]
    public async Task Import_AtStartUp_GivesCuscoItsThirteenProvinces()
    {
        var all = await ReadAllAsync(app);

        var cusco = Assert.Single(all, j => j.Ubigeo == "08");
        Assert.Equal("Cusco", cusco.Name);
        var provinces = all.Where(j => j.ParentUbigeo == "08").ToList();
        Assert.Equal(13, provinces.Count);
        Assert.All(provinces, p => Assert.Equal(TerritoryLevel.Province, p.Level));
    }

    [Fact]
    public async Task Import_AtStartUp_GivesEveryDistrictAPopulationThatAddsUpToPeru()
    {
        var all = await ReadAllAsync(app);

        var districts = all.Where(j => j.Level == TerritoryLevel.District).ToList();
        Assert.All(districts, d => Assert.True(d.Population > 0, $"District {d.Ubigeo} {d.Name} has population {d.Population}."));
        Assert.Equal(PeruPopulation, districts.Sum(d => d.Population));
        Assert.Equal(PeruPopulation, all.Where(j => j.Level == TerritoryLevel.Department).Sum(d => d.Population));
    }

    [Fact]
    public async Task Import_AtStartUp_GivesEachProvinceAndDepartmentTheSumOfItsChildren()
    {
        var all = await ReadAllAsync(app);

        var childrenSums = all.Where(j => j.ParentUbigeo is not null)
            .GroupBy(j => j.ParentUbigeo!)
            .ToDictionary(g => g.Key, g => g.Sum(j => j.Population));
        var parents = all.Where(j => j.Level != TerritoryLevel.District).ToList();
        var mismatches = parents
            .Where(p => childrenSums.GetValueOrDefault(p.Ubigeo) != p.Population)
            .Select(p => $"{p.Ubigeo} {p.Name}: {p.Population} but children sum {childrenSums.GetValueOrDefault(p.Ubigeo)}")
            .ToList();
        Assert.Empty(mismatches);
        Assert.All(all.Where(j => j.ParentUbigeo is not null), j => Assert.Contains(parents, p => p.Ubigeo == j.ParentUbigeo));
    }

    [Fact]
    public async Task Import_AtStartUp_LeavesProvincialCapitalDistrictsWithoutAGovernmentOfTheirOwn()
    {
        var all = await ReadAllAsync(app);

        var capital = Assert.Single(all, j => j.Ubigeo == "080101");
        Assert.Null(capital.Government);
        var districts = all.Where(j => j.Level == TerritoryLevel.District).ToList();
        Assert.All(districts.Where(d => d.Ubigeo.EndsWith("01", StringComparison.Ordinal)), d => Assert.Null(d.Government));
        Assert.All(districts.Where(d => !d.Ubigeo.EndsWith("01", StringComparison.Ordinal)), d => Assert.Equal(GovernmentLevel.District, d.Government));
        Assert.Equal(GovernmentLevel.Provincial, Assert.Single(all, j => j.Ubigeo == "0801").Government);
        Assert.Equal(GovernmentLevel.Regional, Assert.Single(all, j => j.Ubigeo == "08").Government);
    }

    [Fact]
    public async Task Import_OnASecondStartUp_DoesNotImportAgain()
    {
        await using var database = await FreshDatabase.CreateAsync();
        string firstImport;
        await using (var first = new PbPeruFactory { ConnectionString = database.ConnectionString })
        {
            firstImport = await ImportTransactionsAsync(first);
        }

        await using var second = new PbPeruFactory { ConnectionString = database.ConnectionString };

        Assert.Equal(2_112, (await ReadAllAsync(second)).Count);
        // The rows are the ones the first start-up wrote, not deleted and written again.
        Assert.Equal(firstImport, await ImportTransactionsAsync(second));
    }

    /// <summary>The PostgreSQL transactions that wrote the Jurisdictions rows still there.</summary>
    private static Task<string> ImportTransactionsAsync(PbPeruFactory factory) =>
        ReadAsync(factory, db => db.Database
            .SqlQueryRaw<string>("SELECT string_agg(DISTINCT xmin::text, ',') AS \"Value\" FROM \"Jurisdictions\"")
            .SingleAsync());

    private static Task<List<Jurisdiction>> ReadAllAsync(PbPeruFactory factory) =>
        ReadAsync(factory, db => db.Jurisdictions.AsNoTracking().ToListAsync());

    private static async Task<T> ReadAsync<T>(PbPeruFactory factory, Func<AppDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
