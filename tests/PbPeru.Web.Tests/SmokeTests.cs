using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PbPeru.Web.Data;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests;

[Trait("Capability", "Foundation")]
public sealed class SmokeTests(PbPeruFactory app) : IClassFixture<PbPeruFactory>
{
    [Fact]
    public async Task Health_OnPostgres_Answers200()
    {
        using var client = app.CreateAppClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.IsType<PostgresAppDbContext>(db);
        Assert.True(db.Database.IsNpgsql());
    }
}
