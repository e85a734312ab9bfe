using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PbPeru.Domain.Concertation;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Deliberation;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// Questions and answers on proposals and their moderation. A question is one per (proposal,
/// creation key) and an answer one per (question, creation key), so a form sent twice makes one
/// record; a report is one per (reporter, target). The moderation of a question or answer lives in
/// its own row (Hidden* columns, null when shown): nothing is ever deleted. The log has no update path.
/// </summary>
public abstract partial class AppDbContext
{
    public DbSet<ProposalQuestion> ProposalQuestions => Set<ProposalQuestion>();

    public DbSet<ProposalAnswer> ProposalAnswers => Set<ProposalAnswer>();

    public DbSet<ContentReport> ContentReports => Set<ContentReport>();

    public DbSet<ModerationLogEntry> ModerationLog => Set<ModerationLogEntry>();

    private static void ConfigureQuestions(ModelBuilder builder)
    {
        builder.Entity<ProposalQuestion>(q =>
        {
            q.Property(x => x.AuthorUserId).HasMaxLength(450);
            q.Property(x => x.AuthorName).HasMaxLength(ProposalQuestion.MaxNameLength);
            q.Property(x => x.Text).HasMaxLength(ProposalQuestion.MaxTextLength);
            q.Property(x => x.CreationKey).HasMaxLength(ProposalQuestion.CreationKeyLength);
            q.Ignore(x => x.IsHidden);
            q.HasIndex(x => new { x.ProposalId, x.CreationKey }).IsUnique();
            q.HasIndex(x => new { x.CycleId, x.AskedAt });
            q.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            q.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
            q.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
            q.OwnsOne(x => x.Hidden, ConfigureModeration);
            q.Navigation(x => x.Hidden).IsRequired(false);
            q.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
            q.Navigation(x => x.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<ProposalAnswer>(a =>
        {
            a.Property(x => x.AuthorUserId).HasMaxLength(450);
            a.Property(x => x.AuthorName).HasMaxLength(ProposalQuestion.MaxNameLength);
            a.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Text).HasMaxLength(ProposalAnswer.MaxTextLength);
            a.Property(x => x.CreationKey).HasMaxLength(ProposalQuestion.CreationKeyLength);
            a.Ignore(x => x.IsHidden);
            a.HasIndex(x => new { x.QuestionId, x.CreationKey }).IsUnique();
            a.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
            a.OwnsOne(x => x.Hidden, ConfigureModeration);
            a.Navigation(x => x.Hidden).IsRequired(false);
        });

        builder.Entity<ContentReport>(r =>
        {
            r.Property(x => x.Target).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.ReporterUserId).HasMaxLength(450);
            r.Property(x => x.ReporterName).HasMaxLength(ProposalQuestion.MaxNameLength);
            r.Property(x => x.Reason).HasMaxLength(Moderation.MaxReasonLength);
            r.Property(x => x.ClosedByUserId).HasMaxLength(450);
            r.Property(x => x.ClosedBy).HasConversion<string>().HasMaxLength(20);
            r.Ignore(x => x.IsOpen);
            r.HasIndex(x => new { x.ReporterUserId, x.Target, x.TargetId }).IsUnique();
            r.HasIndex(x => new { x.CycleId, x.ClosedAt });
            r.HasIndex(x => x.QuestionId);
            r.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<ProposalQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<ProposalAnswer>().WithMany().HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Restrict);
            r.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReporterUserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ModerationLogEntry>(l =>
        {
            l.ToTable("ModerationLog");
            l.Property(x => x.Target).HasConversion<string>().HasMaxLength(20);
            l.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
            l.Property(x => x.ActorUserId).HasMaxLength(450);
            l.Property(x => x.ActorName).HasMaxLength(ProposalQuestion.MaxNameLength);
            l.Property(x => x.Reason).HasMaxLength(Moderation.MaxReasonLength);
            l.HasIndex(x => new { x.CycleId, x.At });
            l.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            l.HasOne<ProposalQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
            l.HasOne<ProposalAnswer>().WithMany().HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Restrict);
            Immutable(l.Metadata);
        });
    }

    private static void ConfigureModeration<TOwner>(OwnedNavigationBuilder<TOwner, Moderation> m)
        where TOwner : class
    {
        m.Property(x => x.Reason).HasColumnName("HiddenReason").HasMaxLength(Moderation.MaxReasonLength).IsRequired();
        m.Property(x => x.ByUserId).HasColumnName("HiddenByUserId").HasMaxLength(450).IsRequired();
        m.Property(x => x.ByName).HasColumnName("HiddenByName").HasMaxLength(ProposalQuestion.MaxNameLength).IsRequired();
        m.Property(x => x.At).HasColumnName("HiddenAt");
    }
}
