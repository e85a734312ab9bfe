using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// The acta's tables: the commitments it prints, one acta per cycle and its issued versions, one per
/// (cycle, number). An issued version has no update path: every column throws if changed after
/// it was saved, so not even a stray edit in code can rewrite what was signed.
/// </summary>
public abstract partial class AppDbContext
{
    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<Acta> Actas => Set<Acta>();

    public DbSet<ActaVersion> ActaVersions => Set<ActaVersion>();

    private static void ConfigureActa(ModelBuilder builder)
    {
        builder.Entity<Commitment>(c =>
        {
            c.Property<int>("Version").IsConcurrencyToken();
            c.Property(x => x.Party).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Text).HasMaxLength(Commitment.MaxTextLength);
            c.Property(x => x.Responsible).HasMaxLength(Commitment.MaxResponsibleLength);
            c.Property(x => x.CreationKey).HasMaxLength(Commitment.CreationKeyLength);
            c.Property(x => x.RecordedByUserId).HasMaxLength(450);

            // A second submit of the same "add" form makes no second commitment.
            c.HasIndex(x => new { x.CycleId, x.CreationKey }).IsUnique();
            c.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Acta>(a =>
        {
            a.Property<int>("Version").IsConcurrencyToken();
            a.HasIndex(x => x.CycleId).IsUnique();
            a.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            a.Ignore(x => x.Latest);
            a.Ignore(x => x.NextNumber);
            a.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.ActaId).OnDelete(DeleteBehavior.Restrict);
            a.Navigation(x => x.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<ActaVersion>(v =>
        {
            v.Property(x => x.IssuedByUserId).HasMaxLength(450);
            v.Property(x => x.IssuedBy).HasMaxLength(AppUser.MaxFullNameLength);
            v.Property(x => x.Place).HasMaxLength(ActaVersion.MaxPlaceLength);
            v.Property(x => x.Reason).HasMaxLength(ActaVersion.MaxReasonLength);
            v.Property(x => x.Content).HasMaxLength(ActaVersion.MaxContentLength);
            v.Property(x => x.Hash).HasMaxLength(64);
            v.Ignore(x => x.IsIntact);

            // Version numbers are unique per cycle: two managers issuing at once cannot both make version n.
            v.HasIndex(x => new { x.CycleId, x.Number }).IsUnique();
            v.HasIndex(x => new { x.ActaId, x.Number }).IsUnique();
            v.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);

            foreach (var property in v.Metadata.GetProperties().Where(p => !p.IsKey()))
            {
                property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
            }
        });
    }
}
