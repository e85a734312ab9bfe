using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// Consensus records: one per (cycle, subject) except "other", and one per (cycle, creation key) so
/// that a double submit makes one record. A record is never changed once saved.
/// </summary>
public abstract partial class AppDbContext
{
    public DbSet<ConsensusRecord> ConsensusRecords => Set<ConsensusRecord>();

    private static void ConfigureConsensus(ModelBuilder builder)
    {
        builder.Entity<ConsensusRecord>(r =>
        {
            r.Property(x => x.Subject).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Decision).HasMaxLength(ConsensusRecord.MaxDecisionLength);
            r.Property(x => x.Minutes).HasMaxLength(ConsensusRecord.MaxMinutesLength);
            r.Property(x => x.RecordedByUserId).HasMaxLength(450);
            r.Property(x => x.RecordedBy).HasMaxLength(AppUser.MaxFullNameLength);
            r.Property(x => x.CreationKey).HasMaxLength(ConsensusRecord.CreationKeyLength);

            r.HasIndex(x => new { x.CycleId, x.CreationKey }).IsUnique();

            // The last line behind the page's check: two managers recording the same subject at once make one record.
            r.HasIndex(x => new { x.CycleId, x.Subject }).IsUnique().HasFilter("\"Subject\" <> 'Other'").HasDatabaseName("IX_ConsensusRecords_CycleId_Subject_Once");
            r.HasIndex(x => x.MeetingId);
            r.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);

            foreach (var property in r.Metadata.GetProperties().Where(p => !p.IsKey()))
            {
                property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
            }
        });
    }
}
