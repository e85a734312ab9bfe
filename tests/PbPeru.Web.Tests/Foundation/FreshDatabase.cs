using PbPeru.Web.Tests.Infrastructure;

namespace PbPeru.Web.Tests.Foundation;

/// <summary>
/// A new empty database on the shared server for a test that starts the app more than once (or
/// not through a class fixture); dropped on dispose when the server is external.
/// </summary>
internal sealed class FreshDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    private FreshDatabase(PostgresServer server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<FreshDatabase> CreateAsync()
    {
        var server = await PostgresServer.GetSharedAsync();
        return new FreshDatabase(server, await server.CreateDatabaseAsync());
    }

    public async ValueTask DisposeAsync()
    {
        // A throwaway server disappears with its databases; on an external one, drop ours.
        if (_server.IsExternal)
        {
            await _server.DropDatabaseAsync(ConnectionString);
        }
    }
}
