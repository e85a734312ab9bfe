using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace PbPeru.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the database from configuration: <c>Database:Provider</c> is Sqlite (default) or Postgres.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        switch (Provider(configuration))
        {
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Postgres is empty. Set ConnectionStrings__Postgres.");
                }

                // Pooled: a request borrows a context instead of building one (the contexts keep no state of their own).
                services.AddDbContextPool<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(TunedPool(postgres)));
                break;
            default:
                var sqlite = configuration.GetConnectionString("Sqlite");
                if (string.IsNullOrWhiteSpace(sqlite))
                {
                    var folder = Path.Combine(environment.ContentRootPath, "App_Data");
                    Directory.CreateDirectory(folder);
                    sqlite = $"Data Source={Path.Combine(folder, "pbperu.db")}";
                }

                services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(sqlite));
                break;
        }

        return services;
    }

    /// <summary>
    /// The PostgreSQL connection pool as a busy vote wants it, where the connection string does not
    /// say otherwise. Statements the app sends again and again (every signed-in request's session
    /// lookup, the voting pages' queries) are prepared once per connection instead of planned each
    /// time. A connection going back to the pool, which EF Core does after nearly every query, is not
    /// reset: the app leaves nothing on a connection (no SET, temporary table, session lock or
    /// LISTEN), and the reset would cost a statement on each reuse.
    /// </summary>
    public static string TunedPool(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var pool = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            pool.MaxAutoPrepare = 64;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            pool.NoResetOnClose = true;
        }

        return pool.ConnectionString;
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server (it never connects).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=pbperu_design").Options);
}
