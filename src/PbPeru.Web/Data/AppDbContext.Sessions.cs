using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Identity;
using PbPeru.Web.Infrastructure.Security;

namespace PbPeru.Web.Data;

/// <summary>Server-side sign-in sessions (see <see cref="DatabaseTicketStore"/>).</summary>
public abstract partial class AppDbContext
{
    public DbSet<UserSession> Sessions => Set<UserSession>();

    private static void ConfigureSessions(ModelBuilder builder) =>
        builder.Entity<UserSession>(s =>
        {
            s.ToTable("Sessions");
            s.Property(x => x.Id).HasMaxLength(UserSession.IdLength);
            s.Property(x => x.UserId).HasMaxLength(450);
            s.HasIndex(x => x.UserId);
            s.HasIndex(x => x.ExpiresUtc);
            s.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
}
