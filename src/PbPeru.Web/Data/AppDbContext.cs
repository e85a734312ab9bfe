using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// The app's one DbContext, shared by both providers. Each provider has a subclass that owns its
/// migrations (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();

    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();

    public DbSet<Cycle> Cycles => Set<Cycle>();

    /// <summary>
    /// Bumps a changed cycle's version, so that two people saving the same cycle at once cannot
    /// both win: the second gets a concurrency error instead of overwriting the first.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<Cycle>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property<int>("Version");
            version.CurrentValue = version.OriginalValue + 1;
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is whole céntimos in an integer column on every provider.
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>().Property(u => u.FullName).HasMaxLength(AppUser.MaxFullNameLength);

        builder.Entity<Jurisdiction>(j =>
        {
            j.HasKey(x => x.Ubigeo);
            j.Property(x => x.Ubigeo).HasMaxLength(6);
            j.Property(x => x.ParentUbigeo).HasMaxLength(6);
            j.Property(x => x.Name).HasMaxLength(120);
            j.Property(x => x.Department).HasMaxLength(120);
            j.Property(x => x.Province).HasMaxLength(120);
            j.Property(x => x.District).HasMaxLength(120);
            j.Property(x => x.AreaKm2).HasPrecision(12, 2);
            j.Ignore(x => x.Government);
            j.HasIndex(x => x.ParentUbigeo);
            j.HasIndex(x => x.Level);
        });

        builder.Entity<StaffAssignment>(s =>
        {
            s.Property(x => x.UserId).HasMaxLength(450);
            s.Property(x => x.Role).HasMaxLength(64);
            s.Property(x => x.JurisdictionUbigeo).HasMaxLength(6);
            s.HasIndex(x => new { x.UserId, x.Role, x.JurisdictionUbigeo }).IsUnique();
            s.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            s.HasOne<Jurisdiction>().WithMany().HasForeignKey(x => x.JurisdictionUbigeo).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Cycle>(c =>
        {
            c.Property(x => x.JurisdictionUbigeo).HasMaxLength(6);
            c.Property(x => x.Name).HasMaxLength(Cycle.MaxNameLength);
            c.Property(x => x.CreatedByUserId).HasMaxLength(450);
            c.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
            c.Property<Guid?>("CreationKey");
            c.Property<int>("Version").IsConcurrencyToken();
            c.HasIndex("CreationKey").IsUnique();
            c.HasIndex(x => new { x.JurisdictionUbigeo, x.FiscalYear }).IsUnique();
            c.HasOne<Jurisdiction>().WithMany().HasForeignKey(x => x.JurisdictionUbigeo).OnDelete(DeleteBehavior.Restrict);
            c.Ignore(x => x.NextPhase);

            c.ComplexProperty(x => x.AccreditationRules, r => r.Property(p => p.WomenMinimumSharePercent));
            c.ComplexProperty(x => x.ProposalRules);
            c.ComplexProperty(x => x.VotingRules, r =>
            {
                r.Property(p => p.BallotType).HasConversion<string>().HasMaxLength(20);
                r.Property(p => p.CountingRule).HasConversion<string>().HasMaxLength(40);
            });

            c.HasMany(x => x.Calendar).WithOne().HasForeignKey("CycleId").OnDelete(DeleteBehavior.Cascade);
            c.Navigation(x => x.Calendar).HasField("_calendar").UsePropertyAccessMode(PropertyAccessMode.Field);
            c.HasMany(x => x.Themes).WithOne().HasForeignKey("CycleId").OnDelete(DeleteBehavior.Cascade);
            c.Navigation(x => x.Themes).HasField("_themes").UsePropertyAccessMode(PropertyAccessMode.Field);
            c.HasMany(x => x.Criteria).WithOne().HasForeignKey("CycleId").OnDelete(DeleteBehavior.Cascade);
            c.Navigation(x => x.Criteria).HasField("_criteria").UsePropertyAccessMode(PropertyAccessMode.Field);
            c.HasMany(x => x.Transitions).WithOne().HasForeignKey("CycleId").OnDelete(DeleteBehavior.Cascade);
            c.Navigation(x => x.Transitions).HasField("_transitions").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<CalendarEntry>(e =>
        {
            e.ToTable("CycleCalendarEntries");
            e.Property(x => x.Step).HasConversion<string>().HasMaxLength(40);
            e.HasIndex("CycleId", nameof(CalendarEntry.Step)).IsUnique();
        });

        builder.Entity<Theme>(t =>
        {
            t.ToTable("CycleThemes");
            t.Property(x => x.Name).HasMaxLength(120);
            t.Property(x => x.Description).HasMaxLength(1000);
        });

        builder.Entity<Criterion>(c =>
        {
            c.ToTable("CycleCriteria");
            c.Property(x => x.Name).HasMaxLength(120);
            c.Property(x => x.Description).HasMaxLength(1000);
            c.HasMany(x => x.Levels).WithOne().HasForeignKey("CriterionId").OnDelete(DeleteBehavior.Cascade);
            c.Navigation(x => x.Levels).HasField("_levels").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<ScaleLevel>(l =>
        {
            l.ToTable("CriterionLevels");
            l.Property(x => x.Descriptor).HasMaxLength(500);
        });

        builder.Entity<PhaseTransition>(t =>
        {
            t.ToTable("CyclePhaseTransitions");
            t.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.ActorUserId).HasMaxLength(450);
            t.Property(x => x.ActorName).HasMaxLength(AppUser.MaxFullNameLength);
        });
    }

    private sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Centimos, c => Money.FromCentimos(c));
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset text: store UTC ticks instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
