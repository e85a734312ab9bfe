using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>At start-up: apply migrations, make sure the roles and the ubigeo list exist, seed the demo.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        // Beside the app's binaries, wherever it was started from.
        await JurisdictionImporter.ImportIfEmptyAsync(db, Path.Combine(AppContext.BaseDirectory, "SeedData", "ubigeo.csv"), cancellationToken);

        var configuration = provider.GetRequiredService<IConfiguration>();
        if (DemoSeeder.IsEnabled(configuration))
        {
            await DemoSeeder.SeedAsync(provider, cancellationToken);
        }
    }
}
