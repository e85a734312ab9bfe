using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace PbPeru.Web.Data;

/// <summary>
/// The Data Protection key ring (what protects the sign-in cookies, the antiforgery tokens and the
/// agents' attendance passes) lives in the database, so a restart, a new container or a second
/// instance of the app keeps every session and pass valid.
/// </summary>
public abstract partial class AppDbContext : IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private static void ConfigureDataProtection(ModelBuilder builder) =>
        builder.Entity<DataProtectionKey>(k =>
        {
            k.ToTable("DataProtectionKeys");

            // A key's XML is a kilobyte or more: no length limit (the app's strings default to 400).
            k.Property(x => x.Xml).Metadata.SetMaxLength(null);
        });
}
