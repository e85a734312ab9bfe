using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PbPeru.Domain.Common;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Jurisdictions;
using PbPeru.Domain.Meetings;
using PbPeru.Domain.Registration;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// The app's one DbContext, shared by both providers. Each provider has a subclass that owns its
/// migrations (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>).
/// </summary>
public abstract partial class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();

    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();

    public DbSet<Cycle> Cycles => Set<Cycle>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<AccreditationList> AccreditationLists => Set<AccreditationList>();

    public DbSet<Challenge> Challenges => Set<Challenge>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgentInvitation> AgentInvitations => Set<AgentInvitation>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>
    /// Bumps the version of a changed cycle or proposal review (the entities with a <c>Version</c>
    /// token), so that two people saving the same one at once cannot both win: the second gets a
    /// concurrency error instead of overwriting the first.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified && e.Metadata.FindProperty("Version") is not null))
        {
            var version = entry.Property("Version");
            version.CurrentValue = (int)version.OriginalValue! + 1;
        }

        return SaveWithAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
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
            c.ComplexProperty(x => x.ProposalRules, r =>
            {
                r.Property(p => p.ThemeVoting).HasConversion<string>().HasMaxLength(20);
                r.Property(p => p.ThemePriorityUse).HasConversion<string>().HasMaxLength(20);
            });
            c.ComplexProperty(x => x.ImpactRules);
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

        ConfigurePreparation(builder);
        ConfigureConcertation(builder);
        ConfigureCoordination(builder);
        ConfigureVoting(builder);
        ConfigureCommittee(builder);
        ConfigureActa(builder);
        ConfigureApprovals(builder);
        ConfigureSurvey(builder);
        ConfigureExecution(builder);
        ConfigureConsensus(builder);
        ConfigureQuestions(builder);
        ConfigureDataProtection(builder);
        ConfigureSessions(builder);
        ConfigureAudit(builder);
    }

    private static void ConfigurePreparation(ModelBuilder builder)
    {
        builder.Entity<Organization>(o =>
        {
            o.Property(x => x.RepresentativeUserId).HasMaxLength(450);
            o.Property(x => x.Name).HasMaxLength(Organization.MaxNameLength);
            o.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
            o.Property(x => x.RegistryKind).HasConversion<string>().HasMaxLength(20);
            o.Property(x => x.RegistryNumber).HasMaxLength(Organization.MaxRegistryNumberLength);
            o.Property(x => x.DistrictUbigeo).HasMaxLength(6);
            o.Property(x => x.Address).HasMaxLength(Organization.MaxAddressLength);
            o.Property(x => x.LegalRepresentative).HasMaxLength(Organization.MaxPersonNameLength);
            o.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            o.Ignore(x => x.IsEditable);
            o.HasIndex(x => new { x.CycleId, x.Status });
            o.HasIndex(x => x.RepresentativeUserId);
            o.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            o.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RepresentativeUserId).OnDelete(DeleteBehavior.Restrict);
            o.HasOne<Jurisdiction>().WithMany().HasForeignKey(x => x.DistrictUbigeo).OnDelete(DeleteBehavior.Restrict);

            o.HasMany(x => x.Agents).WithOne().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            o.Navigation(x => x.Agents).HasField("_agents").UsePropertyAccessMode(PropertyAccessMode.Field);
            o.HasMany(x => x.Documents).WithOne().HasForeignKey("OrganizationId").OnDelete(DeleteBehavior.Cascade);
            o.Navigation(x => x.Documents).HasField("_documents").UsePropertyAccessMode(PropertyAccessMode.Field);
            o.HasMany(x => x.Decisions).WithOne().HasForeignKey("OrganizationId").OnDelete(DeleteBehavior.Cascade);
            o.Navigation(x => x.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<Agent>(a =>
        {
            a.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Dni).HasMaxLength(8);
            a.Property(x => x.GivenNames).HasMaxLength(Organization.MaxPersonNameLength);
            a.Property(x => x.Surnames).HasMaxLength(Organization.MaxPersonNameLength);
            a.Property(x => x.Sex).HasConversion<string>().HasMaxLength(10);
            a.Property(x => x.Phone).HasMaxLength(40);
            a.Property(x => x.Email).HasMaxLength(256);
            a.Property(x => x.UserId).HasMaxLength(450);
            a.Ignore(x => x.FullName);

            // One DNI per cycle, across every organization: the last line behind the domain's check.
            a.HasIndex(x => new { x.CycleId, x.Dni }).IsUnique();
            a.HasIndex(x => new { x.CycleId, x.IsAccredited });
            a.HasIndex(x => x.UserId);
            a.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<OrganizationDocument>(d =>
        {
            d.ToTable("OrganizationDocuments");
            d.Property(x => x.FileName).HasMaxLength(255);
            d.Property(x => x.StorageKey).HasMaxLength(100);
            d.Property(x => x.ContentType).HasMaxLength(100);
            d.Property(x => x.Sha256).HasMaxLength(64);
        });

        builder.Entity<ReviewDecision>(d =>
        {
            d.ToTable("OrganizationReviewDecisions");
            d.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.Note).HasMaxLength(Organization.MaxNoteLength);
            d.Property(x => x.ReviewerUserId).HasMaxLength(450);
            d.Property(x => x.ReviewerName).HasMaxLength(AppUser.MaxFullNameLength);
        });

        builder.Entity<AccreditationList>(l =>
        {
            l.HasIndex(x => x.CycleId).IsUnique();
            l.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
            l.Property(x => x.PreliminaryPublishedBy).HasMaxLength(AppUser.MaxFullNameLength);
            l.Property(x => x.FinalPublishedBy).HasMaxLength(AppUser.MaxFullNameLength);
            l.Property(x => x.QuotaJustification).HasMaxLength(AccreditationList.MaxJustificationLength);
            l.Ignore(x => x.IsPreliminaryPublished);
            l.Ignore(x => x.IsFinalPublished);
        });

        builder.Entity<Challenge>(c =>
        {
            c.Property(x => x.FiledByUserId).HasMaxLength(450);
            c.Property(x => x.FiledByName).HasMaxLength(AppUser.MaxFullNameLength);
            c.Property(x => x.Grounds).HasMaxLength(Challenge.MaxTextLength);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.RulingReasons).HasMaxLength(Challenge.MaxTextLength);
            c.Property(x => x.RuledByName).HasMaxLength(AppUser.MaxFullNameLength);
            c.HasIndex(x => new { x.CycleId, x.Status });

            // One pending challenge per person and entry, even when two submits race.
            c.HasIndex(x => new { x.AgentId, x.FiledByUserId }).IsUnique().HasFilter("\"Status\" = 'Pending'");
            c.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<AppUser>().WithMany().HasForeignKey(x => x.FiledByUserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Meeting>(m =>
        {
            m.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            m.Property(x => x.Title).HasMaxLength(Meeting.MaxTitleLength);
            m.Property(x => x.Place).HasMaxLength(Meeting.MaxPlaceLength);
            m.Property(x => x.Facilitator).HasMaxLength(AppUser.MaxFullNameLength);
            m.HasIndex(x => new { x.CycleId, x.Kind });
            m.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            m.HasMany(x => x.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            m.Navigation(x => x.Attendance).HasField("_attendance").UsePropertyAccessMode(PropertyAccessMode.Field);
            m.Property(x => x.Agenda).HasMaxLength(Meeting.MaxAgendaLength);
            m.Property(x => x.Minutes).HasMaxLength(Meeting.MaxMinutesLength);
            m.HasMany(x => x.Guests).WithOne().HasForeignKey(g => g.MeetingId).OnDelete(DeleteBehavior.Cascade);
            m.Navigation(x => x.Guests).HasField("_guests").UsePropertyAccessMode(PropertyAccessMode.Field);
            m.HasMany(x => x.Agreements).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            m.Navigation(x => x.Agreements).HasField("_agreements").UsePropertyAccessMode(PropertyAccessMode.Field);
            m.HasMany(x => x.Documents).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
            m.Navigation(x => x.Documents).HasField("_documents").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<MeetingGuest>(g =>
        {
            g.ToTable("MeetingGuests");
            g.Property(x => x.Name).HasMaxLength(MeetingGuest.MaxNameLength);
            g.Property(x => x.Office).HasMaxLength(MeetingGuest.MaxOfficeLength);
            g.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
            g.Property(x => x.Sex).HasConversion<string>().HasMaxLength(10);
            g.Property(x => x.GovernmentUbigeo).HasMaxLength(6);
            g.HasIndex(x => new { x.MeetingId, x.Position }).IsUnique();
        });

        builder.Entity<MeetingAgreement>(a =>
        {
            a.ToTable("MeetingAgreements");
            a.Property(x => x.Text).HasMaxLength(MeetingAgreement.MaxTextLength);

            // Not unique: recording the minutes again replaces the agreements in one save.
            a.HasIndex(x => new { x.MeetingId, x.Position });
        });

        builder.Entity<MeetingDocument>(d =>
        {
            d.ToTable("MeetingDocuments");
            d.Property(x => x.FileName).HasMaxLength(MeetingDocument.MaxFileNameLength);
            d.Property(x => x.StorageKey).HasMaxLength(200);
            d.Property(x => x.ContentType).HasMaxLength(100);
            d.Property(x => x.Sha256).HasMaxLength(64);
            d.HasIndex(x => x.MeetingId);
        });

        builder.Entity<Attendance>(a =>
        {
            a.ToTable("MeetingAttendance");
            a.Property(x => x.MarkedByUserId).HasMaxLength(450);

            // Marked twice counts once, even under two staff at the door.
            a.HasIndex(x => new { x.MeetingId, x.AgentId }).IsUnique();
            a.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AgentInvitation>(i =>
        {
            i.Property(x => x.TokenHash).HasMaxLength(64);
            i.HasIndex(x => x.TokenHash).IsUnique();
            i.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Notification>(n =>
        {
            n.Property(x => x.UserId).HasMaxLength(450);
            n.Property(x => x.Text).HasMaxLength(Notification.MaxTextLength);
            n.HasIndex(x => new { x.UserId, x.ReadAt });
            n.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
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
