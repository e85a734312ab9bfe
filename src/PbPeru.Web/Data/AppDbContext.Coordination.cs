using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Coordination;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Meetings;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// The Coordination phase's tables: one coordination space per department and fiscal year, with the
/// cycles that joined it, their projects, meetings, the append-only ledger of agreements and the minutes.
/// </summary>
public abstract partial class AppDbContext
{
    public DbSet<CoordinationSpace> CoordinationSpaces => Set<CoordinationSpace>();

    private static void ConfigureCoordination(ModelBuilder builder)
    {
        builder.Entity<CoordinationSpace>(s =>
        {
            s.Property(x => x.DepartmentUbigeo).HasMaxLength(2);
            s.Property<int>("Version").IsConcurrencyToken();
            s.Ignore(x => x.State);
            s.Ignore(x => x.MinutesRecorded);
            s.HasIndex(x => new { x.DepartmentUbigeo, x.FiscalYear }).IsUnique();
            s.HasMany(x => x.Cycles).WithOne().HasForeignKey("CoordinationSpaceId").OnDelete(DeleteBehavior.Cascade);
            s.Navigation(x => x.Cycles).HasField("_cycles").UsePropertyAccessMode(PropertyAccessMode.Field);
            s.HasMany(x => x.Projects).WithOne().HasForeignKey("CoordinationSpaceId").OnDelete(DeleteBehavior.Cascade);
            s.Navigation(x => x.Projects).HasField("_projects").UsePropertyAccessMode(PropertyAccessMode.Field);
            s.HasMany(x => x.Meetings).WithOne().HasForeignKey(m => m.CoordinationSpaceId).OnDelete(DeleteBehavior.Cascade);
            s.Navigation(x => x.Meetings).HasField("_meetings").UsePropertyAccessMode(PropertyAccessMode.Field);
            s.HasMany(x => x.Agreements).WithOne().HasForeignKey("CoordinationSpaceId").OnDelete(DeleteBehavior.Cascade);
            s.Navigation(x => x.Agreements).HasField("_agreements").UsePropertyAccessMode(PropertyAccessMode.Field);
            s.HasOne(x => x.Minutes).WithOne().HasForeignKey<CoordinationMinutes>("CoordinationSpaceId").OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CoordinatedCycle>(c =>
        {
            c.ToTable("CoordinatedCycles");
            c.Property(x => x.JurisdictionUbigeo).HasMaxLength(6);
            c.Property(x => x.GovernmentName).HasMaxLength(200);
            c.Ignore(x => x.Level);
            c.ComplexProperty(x => x.ImpactRules);

            // A cycle joins one space, once.
            c.HasIndex("CoordinationSpaceId", nameof(CoordinatedCycle.CycleId)).IsUnique();
            c.HasIndex(x => x.CycleId).IsUnique();
            c.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CoordinatedProject>(p =>
        {
            p.ToTable("CoordinatedProjects");
            p.Property(x => x.Origin).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.Title).HasMaxLength(CoordinatedProject.MaxTitleLength);
            p.Property(x => x.ThemeName).HasMaxLength(120);
            p.Property(x => x.Cui).HasMaxLength(7);
            p.HasIndex("CoordinationSpaceId", nameof(CoordinatedProject.Number)).IsUnique();
            p.Ignore(x => x.Districts);
            p.HasMany<CoordinatedProjectDistrict>("_districts").WithOne().HasForeignKey("CoordinatedProjectId").OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CoordinatedProjectDistrict>(d =>
        {
            d.ToTable("CoordinatedProjectDistricts");
            d.Property(x => x.Ubigeo).HasMaxLength(6);
        });

        // A coordination meeting is a Meeting of a space instead of a cycle (the rest of Meeting is mapped
        // with the cycles' meetings); its attendees are MeetingGuests with their governments.
        builder.Entity<Meeting>(m =>
        {
            m.Property(x => x.RecordedByUserId).HasMaxLength(450);
            m.Property(x => x.RecordedBy).HasMaxLength(AppUser.MaxFullNameLength);
            m.Ignore(x => x.Governments);
            m.HasIndex(x => new { x.CoordinationSpaceId, x.Number }).IsUnique().HasFilter("\"CoordinationSpaceId\" IS NOT NULL");
            m.ToTable(t => t.HasCheckConstraint(
                "CK_Meetings_CycleOrCoordinationSpace",
                "(\"CycleId\" IS NULL) <> (\"CoordinationSpaceId\" IS NULL) AND (\"CoordinationSpaceId\" IS NULL) = (\"Number\" IS NULL)"));
        });

        builder.Entity<CoordinationAgreement>(a =>
        {
            a.ToTable("CoordinationAgreements");
            a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            a.Property(x => x.Title).HasMaxLength(CoordinatedProject.MaxTitleLength);
            a.Property(x => x.Reason).HasMaxLength(CoordinationAgreement.MaxReasonLength);
            a.Property(x => x.RecordedByUserId).HasMaxLength(450);
            a.Property(x => x.RecordedBy).HasMaxLength(AppUser.MaxFullNameLength);
            a.HasIndex("CoordinationSpaceId", nameof(CoordinationAgreement.Number)).IsUnique();
            a.Ignore(x => x.ProjectNumbers);
            a.Ignore(x => x.TouchedProjects);
            a.Ignore(x => x.Shares);
            a.HasMany<AgreementProject>("_projects").WithOne().HasForeignKey("CoordinationAgreementId").OnDelete(DeleteBehavior.Cascade);
            a.HasMany<AgreementShare>("_shares").WithOne().HasForeignKey("CoordinationAgreementId").OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AgreementProject>(p => p.ToTable("CoordinationAgreementProjects"));
        builder.Entity<AgreementShare>(s => s.ToTable("CoordinationAgreementShares"));

        builder.Entity<CoordinationMinutes>(m =>
        {
            m.ToTable("CoordinationMinutes");
            m.Property(x => x.Text).HasMaxLength(CoordinationMinutes.MaxTextLength);
            m.Property(x => x.RecordedByUserId).HasMaxLength(450);
            m.Property(x => x.RecordedBy).HasMaxLength(AppUser.MaxFullNameLength);
            m.Ignore(x => x.MeetingNumbers);
            m.HasMany<CoordinationMinutesMeeting>("_meetings").WithOne().HasForeignKey("CoordinationMinutesId").OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CoordinationMinutesMeeting>(m => m.ToTable("CoordinationMinutesMeetings"));
    }
}
