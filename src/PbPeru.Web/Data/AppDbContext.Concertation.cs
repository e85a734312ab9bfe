using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>The Concertation phase's tables: the information workshop, theme votes, proposals and their technical evaluation.</summary>
public abstract partial class AppDbContext
{
    public DbSet<Briefing> Briefings => Set<Briefing>();

    public DbSet<ThemeVote> ThemeVotes => Set<ThemeVote>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<ProposalReview> ProposalReviews => Set<ProposalReview>();

    public DbSet<TechnicalReport> TechnicalReports => Set<TechnicalReport>();

    private static void ConfigureConcertation(ModelBuilder builder)
    {
        builder.Entity<Briefing>(b =>
        {
            b.Property(x => x.Body).HasMaxLength(Briefing.MaxBodyLength);
            b.Property(x => x.UpdatedByUserId).HasMaxLength(450);
            b.Property(x => x.PublishedByUserId).HasMaxLength(450);
            b.Ignore(x => x.Paragraphs);
            b.Ignore(x => x.IsPublished);
            b.HasIndex(x => x.CycleId).IsUnique();
            b.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.PreviousAgreements).WithOne().HasForeignKey("BriefingId").OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.PreviousAgreements).HasField("_agreements").UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasMany(x => x.Documents).WithOne().HasForeignKey("BriefingId").OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.Documents).HasField("_documents").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<PreviousAgreement>(a =>
        {
            a.ToTable("BriefingAgreements");
            a.Property(x => x.Description).HasMaxLength(PreviousAgreement.MaxDescriptionLength);
            a.Property(x => x.Note).HasMaxLength(PreviousAgreement.MaxNoteLength);
            a.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<BriefingDocument>(d =>
        {
            d.ToTable("BriefingDocuments");
            d.Property(x => x.FileName).HasMaxLength(255);
            d.Property(x => x.StorageKey).HasMaxLength(100);
            d.Property(x => x.ContentType).HasMaxLength(100);
            d.Property(x => x.Sha256).HasMaxLength(64);
        });

        builder.Entity<ThemeVote>(v =>
        {
            v.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
            v.Ignore(x => x.Ranking);
            v.Ignore(x => x.Points);

            // One vote per agent and cycle, even when two submits race: the second changes nothing.
            v.HasIndex(x => new { x.CycleId, x.AgentId }).IsUnique();
            v.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
            v.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
            v.HasMany(x => x.Entries).WithOne().HasForeignKey("ThemeVoteId").OnDelete(DeleteBehavior.Cascade);
            v.Navigation(x => x.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<ThemeVoteEntry>(e =>
        {
            e.ToTable("ThemeVoteEntries");
            e.HasOne<Theme>().WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Proposal>(p =>
        {
            p.Property(x => x.Title).HasMaxLength(Proposal.MaxTitleLength);
            p.Property(x => x.Description).HasMaxLength(Proposal.MaxDescriptionLength);
            p.Property(x => x.Cui).HasMaxLength(Proposal.CuiLength);
            p.Property(x => x.ProposerUserId).HasMaxLength(450);
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            p.Property<Guid?>("CreationKey");
            p.HasIndex("CreationKey").IsUnique();
            p.HasIndex(x => new { x.CycleId, x.Status });
            p.HasIndex(x => new { x.CycleId, x.ThemeId });
            p.HasIndex(x => x.ProposerUserId);
            p.HasIndex(x => x.OrganizationId);
            p.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<Theme>().WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ProposerUserId).OnDelete(DeleteBehavior.Restrict);

            p.Ignore(x => x.DistrictUbigeos);
            p.Ignore(x => x.CofinancingTotal);
            p.HasMany(x => x.Districts).WithOne().HasForeignKey("ProposalId").OnDelete(DeleteBehavior.Cascade);
            p.Navigation(x => x.Districts).HasField("_districts").UsePropertyAccessMode(PropertyAccessMode.Field);
            p.HasMany(x => x.Cofinancing).WithOne().HasForeignKey("ProposalId").OnDelete(DeleteBehavior.Cascade);
            p.Navigation(x => x.Cofinancing).HasField("_cofinancing").UsePropertyAccessMode(PropertyAccessMode.Field);
            p.HasMany(x => x.Years).WithOne().HasForeignKey("ProposalId").OnDelete(DeleteBehavior.Cascade);
            p.Navigation(x => x.Years).HasField("_years").UsePropertyAccessMode(PropertyAccessMode.Field);
            p.HasMany(x => x.Documents).WithOne().HasForeignKey("ProposalId").OnDelete(DeleteBehavior.Cascade);
            p.Navigation(x => x.Documents).HasField("_documents").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<ProposalDistrict>(d =>
        {
            d.ToTable("ProposalDistricts");
            d.Property(x => x.Ubigeo).HasMaxLength(6);

            // The catalogue filters by district.
            d.HasIndex(x => x.Ubigeo);
            d.HasIndex("ProposalId", nameof(ProposalDistrict.Ubigeo)).IsUnique();
            d.HasOne<PbPeru.Domain.Jurisdictions.Jurisdiction>().WithMany().HasForeignKey(x => x.Ubigeo).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CofinancingLine>(c =>
        {
            c.ToTable("ProposalCofinancing");
            c.Property(x => x.Entity).HasMaxLength(CofinancingLine.MaxEntityLength);
        });

        builder.Entity<YearShare>(y => y.ToTable("ProposalYears"));

        builder.Entity<ProposalDocument>(d =>
        {
            d.ToTable("ProposalDocuments");
            d.Property(x => x.FileName).HasMaxLength(255);
            d.Property(x => x.StorageKey).HasMaxLength(100);
            d.Property(x => x.ContentType).HasMaxLength(100);
            d.Property(x => x.Sha256).HasMaxLength(64);
        });

        builder.Entity<ProposalReview>(r =>
        {
            r.Property(x => x.ConsolidatedVerdict).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.ConsolidationMinutes).HasMaxLength(ProposalReview.MaxMinutesLength);
            r.Property(x => x.ConsolidatedBy).HasMaxLength(AppUser.MaxFullNameLength);
            r.Property<int>("Version").IsConcurrencyToken();
            r.HasIndex(x => x.ProposalId).IsUnique();
            r.HasIndex(x => x.CycleId);
            r.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
            r.HasMany(x => x.Assignments).WithOne().HasForeignKey("ProposalReviewId").OnDelete(DeleteBehavior.Cascade);
            r.Navigation(x => x.Assignments).HasField("_assignments").UsePropertyAccessMode(PropertyAccessMode.Field);
            r.HasMany(x => x.Sheets).WithOne().HasForeignKey("ProposalReviewId").OnDelete(DeleteBehavior.Cascade);
            r.Navigation(x => x.Sheets).HasField("_sheets").UsePropertyAccessMode(PropertyAccessMode.Field);
            r.HasMany(x => x.Observations).WithOne().HasForeignKey("ProposalReviewId").OnDelete(DeleteBehavior.Cascade);
            r.Navigation(x => x.Observations).HasField("_observations").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<EvaluationAssignment>(a =>
        {
            a.ToTable("EvaluationAssignments");
            a.Property(x => x.EvaluatorUserId).HasMaxLength(450);
            a.Property(x => x.EvaluatorName).HasMaxLength(AppUser.MaxFullNameLength);
            a.Property(x => x.AssignedBy).HasMaxLength(AppUser.MaxFullNameLength);

            // An evaluator's queue is read by user; assigned twice is assigned once.
            a.HasIndex(x => x.EvaluatorUserId);
            a.HasIndex("ProposalReviewId", nameof(EvaluationAssignment.EvaluatorUserId)).IsUnique();
            a.HasOne<AppUser>().WithMany().HasForeignKey(x => x.EvaluatorUserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<EvaluationSheet>(s =>
        {
            s.ToTable("EvaluationSheets");
            s.Property(x => x.EvaluatorUserId).HasMaxLength(450);
            s.Property(x => x.EvaluatorName).HasMaxLength(AppUser.MaxFullNameLength);
            s.Property(x => x.EligibilityReason).HasMaxLength(EvaluationSheet.MaxTextLength);
            s.Property(x => x.Viability).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.Reason).HasMaxLength(EvaluationSheet.MaxTextLength);
            s.Property(x => x.CostJustification).HasMaxLength(EvaluationSheet.MaxTextLength);
            s.HasIndex("ProposalReviewId", nameof(EvaluationSheet.EvaluatorUserId)).IsUnique();
            s.Ignore(x => x.Scores);
            s.HasMany<EvaluationScore>("_scores").WithOne().HasForeignKey("EvaluationSheetId").OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EvaluationScore>(s =>
        {
            s.ToTable("EvaluationScores");
            s.HasIndex("EvaluationSheetId", nameof(EvaluationScore.CriterionId)).IsUnique();
        });

        builder.Entity<Observation>(o =>
        {
            o.ToTable("EvaluationObservations");
            o.Property(x => x.AskedByUserId).HasMaxLength(450);
            o.Property(x => x.AskedByName).HasMaxLength(AppUser.MaxFullNameLength);
            o.Property(x => x.Question).HasMaxLength(ProposalReview.MaxTextLength);
            o.Property(x => x.Answer).HasMaxLength(ProposalReview.MaxTextLength);
            o.Property(x => x.AnsweredByUserId).HasMaxLength(450);
        });

        builder.Entity<TechnicalReport>(t =>
        {
            t.Property(x => x.PublishedBy).HasMaxLength(AppUser.MaxFullNameLength);
            t.HasIndex(x => x.CycleId).IsUnique();
            t.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
            t.HasMany(x => x.Criteria).WithOne().HasForeignKey("TechnicalReportId").OnDelete(DeleteBehavior.Cascade);
            t.Navigation(x => x.Criteria).HasField("_criteria").UsePropertyAccessMode(PropertyAccessMode.Field);
            t.HasMany(x => x.Entries).WithOne().HasForeignKey("TechnicalReportId").OnDelete(DeleteBehavior.Cascade);
            t.Navigation(x => x.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<TechnicalReportCriterion>(c =>
        {
            c.ToTable("TechnicalReportCriteria");
            c.Property(x => x.Name).HasMaxLength(120);
        });

        builder.Entity<TechnicalReportEntry>(e =>
        {
            e.ToTable("TechnicalReportEntries");
            e.Property(x => x.Title).HasMaxLength(Proposal.MaxTitleLength);
            e.Property(x => x.Verdict).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Reason).HasMaxLength(EvaluationSheet.MaxTextLength + ProposalReview.MaxMinutesLength);
            e.Property(x => x.Score).HasPrecision(9, 4);
            e.Property(x => x.LeftOut).HasConversion<string>().HasMaxLength(20);
            e.HasMany(x => x.Scores).WithOne().HasForeignKey("TechnicalReportEntryId").OnDelete(DeleteBehavior.Cascade);
            e.Navigation(x => x.Scores).HasField("_scores").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<TechnicalReportScore>(s =>
        {
            s.ToTable("TechnicalReportScores");
            s.Property(x => x.Mean).HasPrecision(9, 4);
            s.Property(x => x.Points).HasPrecision(9, 4);
        });
    }
}
