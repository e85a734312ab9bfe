using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Domain.Cycles;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Cycles;

/// <summary>The app on SQLite, as the quick start runs it: the demo on, a file database.</summary>
public sealed class SqlitePbPeruFactory : PbPeruFactory
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pbperu-test-{Guid.NewGuid():N}.db");

    public SqlitePbPeruFactory()
    {
        // Keeps the base class from creating a PostgreSQL database it will not use.
        ConnectionString = "Host=unused.invalid";
        DemoEnabled = true;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_file}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

[Trait("Capability", "Foundation")]
public sealed class SqliteCycleTests(SqlitePbPeruFactory app) : IClassFixture<SqlitePbPeruFactory>
{
    [Fact]
    public async Task CreateCycle_OnSqliteWithTheDemo_WorksAsOnPostgres()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.IsType<SqliteAppDbContext>(db);
            Assert.Equal(2_112, await db.Jurisdictions.CountAsync());
        }

        using var client = app.CreateAppClient(followRedirects: false);
        await client.LoginAsync(DemoAccounts.CycleManager, PbPeruFactory.DemoPassword);

        // The demo cycle is there and public.
        var home = await client.GetPageAsync("/");
        Assert.Contains("Presupuesto Participativo 2027 del Gobierno Regional del Cusco", home.Body!.TextContent);

        using (var invalid = await client.SubmitAsync("/Cycles/Create", "main form", CycleTestData.CreateFields("08", 2028, ceiling: "0")))
        {
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        }

        using var created = await client.SubmitAsync("/Cycles/Create", "main form", CycleTestData.CreateFields("08", 2028, ceiling: "4,200,000.25"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using (var duplicate = await client.SubmitAsync("/Cycles/Create", "main form", CycleTestData.CreateFields("08", 2028)))
        {
            var page = await AppClient.ParseAsync(duplicate);
            Assert.Contains("Ya existe un ciclo de esta jurisdicción para el año fiscal 2028.", page.QuerySelector("[data-valmsg-for='Input.FiscalYear']")!.TextContent);
        }

        var cycle = await CycleTestData.FindCycleAsync(app, "08", 2028);
        Assert.NotNull(cycle);
        Assert.Equal(Phase.Draft, cycle.Phase);
        Assert.Equal(420_000_025, cycle.Ceiling.Centimos);

        var dashboard = await client.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("S/ 4,200,000.25", dashboard.Body!.TextContent);

        // Money and times order and compare in SQL on SQLite too.
        var ordered = await CycleTestData.ReadAsync(app, db => db.Cycles.OrderByDescending(c => c.Ceiling).ThenBy(c => c.CreatedAt).Select(c => c.FiscalYear).ToListAsync());
        // The demo's cycles and the one just created (S/ 4.2 M), by ceiling: the 2026 region (S/ 20 M),
        // the 2027 region (S/ 12.5 M), the 2024 and 2025 regions (S/ 12 M, the older first), the new one, the 2026 province
        // (S/ 3.5 M), the 2027 province (S/ 3 M), the two 2026 districts (S/ 900,000 and S/ 800,000).
        Assert.Equal([2026, 2027, 2024, 2025, 2028, 2026, 2027, 2026, 2026], ordered);
    }
}
