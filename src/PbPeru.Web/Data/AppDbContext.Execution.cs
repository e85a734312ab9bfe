using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Execution;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// Oversight of execution: one follow-up per approved project (unique (cycle, rank)) with its
/// entries, one per (follow-up, sequence) and per creation key, each with its photos and documents;
/// and the committee's periodic reports, one per (cycle, number) and per creation key. Entries,
/// attachments and reports have no update path: the history stays as it was recorded.
/// </summary>
public abstract partial class AppDbContext
{
    public DbSet<ProjectExecution> ProjectExecutions => Set<ProjectExecution>();

    public DbSet<ExecutionEntry> ExecutionEntries => Set<ExecutionEntry>();

    public DbSet<ExecutionAttachment> ExecutionAttachments => Set<ExecutionAttachment>();

    public DbSet<ExecutionReport> ExecutionReports => Set<ExecutionReport>();

    private static void ConfigureExecution(ModelBuilder builder)
    {
        builder.Entity<ProjectExecution>(p =>
        {
            p.Property<int>("Version").IsConcurrencyToken();
            p.HasIndex(x => new { x.CycleId, x.Rank }).IsUnique();
            p.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            p.Ignore(x => x.Latest);
            p.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.ProjectExecutionId).OnDelete(DeleteBehavior.Restrict);
            p.Navigation(x => x.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<ExecutionEntry>(e =>
        {
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Observations).HasMaxLength(ProjectExecution.MaxObservationsLength);
            e.Property(x => x.CreationKey).HasMaxLength(ProjectExecution.CreationKeyLength);
            e.Property(x => x.RecordedByUserId).HasMaxLength(450);
            e.Property(x => x.RecordedBy).HasMaxLength(AppUser.MaxFullNameLength);
            e.Ignore(x => x.Milestones);
            e.HasIndex(x => new { x.ProjectExecutionId, x.Sequence }).IsUnique();
            e.HasIndex(x => new { x.ProjectExecutionId, x.CreationKey }).IsUnique();
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.ExecutionEntryId).OnDelete(DeleteBehavior.Restrict);
            e.Navigation(x => x.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
            Immutable(e.Metadata);
        });

        builder.Entity<ExecutionAttachment>(a =>
        {
            a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.FileName).HasMaxLength(260);
            a.Property(x => x.StorageKey).HasMaxLength(200);
            a.Property(x => x.ContentType).HasMaxLength(100);
            a.Property(x => x.Sha256).HasMaxLength(64);
            Immutable(a.Metadata);
        });

        builder.Entity<ExecutionReport>(r =>
        {
            r.Property(x => x.Summary).HasMaxLength(ExecutionReport.MaxSummaryLength);
            r.Property(x => x.Content).HasMaxLength(ExecutionReport.MaxContentLength);
            r.Property(x => x.CreationKey).HasMaxLength(ExecutionReport.CreationKeyLength);
            r.Property(x => x.IssuedByUserId).HasMaxLength(450);
            r.Property(x => x.IssuedBy).HasMaxLength(AppUser.MaxFullNameLength);
            r.HasIndex(x => new { x.CycleId, x.Number }).IsUnique();
            r.HasIndex(x => new { x.CycleId, x.CreationKey }).IsUnique();
            r.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            Immutable(r.Metadata);
        });
    }

    private static void Immutable(IMutableEntityType entity)
    {
        foreach (var property in entity.GetProperties().Where(p => !p.IsKey()))
        {
            property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
        }
    }
}
