using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Survey;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// The participants' evaluation. Answers and the roll of who answered are two tables with nothing
/// between them but the cycle: an answer has a random Guid key assigned by the domain (never
/// generated here: the PostgreSQL provider would make a time-ordered version-7 Guid), no user and
/// no time. The roll has one row per (cycle, person) — its key — so a second answer, even from two
/// requests at once, fails in the database and takes its answer with it (same transaction).
/// </summary>
public abstract partial class AppDbContext
{
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    public DbSet<SurveyParticipation> SurveyParticipations => Set<SurveyParticipation>();

    public DbSet<SurveySettings> SurveySettings => Set<SurveySettings>();

    private static void ConfigureSurvey(ModelBuilder builder)
    {
        builder.Entity<SurveyAnswer>(a =>
        {
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Overall).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Information).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Training).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.TechnicalEvaluation).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Voting).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Transparency).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Comment).HasMaxLength(SurveyAnswer.MaxCommentLength);
            a.Ignore(x => x.Grades);
            a.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SurveyParticipation>(p =>
        {
            // One per person and cycle: the key itself is the unique index.
            p.HasKey(x => new { x.CycleId, x.UserId });
            p.Property(x => x.UserId).HasMaxLength(450);
            p.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SurveySettings>(s =>
        {
            s.HasKey(x => x.CycleId);
            s.Property(x => x.CycleId).ValueGeneratedNever();
            s.Property<int>("Version").IsConcurrencyToken();
            s.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
