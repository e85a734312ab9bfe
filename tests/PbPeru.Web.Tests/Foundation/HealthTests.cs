using System.Net;
using Npgsql;
using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Foundation;

[Trait("Capability", "Foundation")]
public sealed class HealthTests
{
    [Fact]
    public async Task Health_WhenTheDatabaseAnswers_Answers200ToAnAnonymousVisitor()
    {
        await using var database = await FreshDatabase.CreateAsync();
        await using var app = new PbPeruFactory { ConnectionString = database.ConnectionString };
        using var client = app.CreateAppClient(followRedirects: false);

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_WhenTheDatabaseIsGone_Answers503()
    {
        await using var database = await FreshDatabase.CreateAsync();
        await using var app = new PbPeruFactory { ConnectionString = database.ConnectionString };
        using var client = app.CreateAppClient(followRedirects: false);
        using (var before = await client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await DropAsync(database.ConnectionString);
        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Drops the app's database under it, closing the connections it holds open.</summary>
    private static async Task DropAsync(string connectionString)
    {
        var server = await PostgresServer.GetSharedAsync();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
