using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Registration;
using PbPeru.Domain.Voting;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// The final vote's tables: one vote per cycle with its ballot items and substitutions, one ballot
/// per agent and vote (a unique index: the last line against double votes), and the result.
/// </summary>
public abstract partial class AppDbContext
{
    public DbSet<FinalVote> FinalVotes => Set<FinalVote>();

    public DbSet<AgentBallot> AgentBallots => Set<AgentBallot>();

    public DbSet<VoteResult> VoteResults => Set<VoteResult>();

    private static void ConfigureVoting(ModelBuilder builder)
    {
        builder.Entity<FinalVote>(v =>
        {
            v.Property<int>("Version").IsConcurrencyToken();
            v.HasIndex(x => x.CycleId).IsUnique();
            v.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            v.Property(x => x.PreparedByUserId).HasMaxLength(450);
            v.Property(x => x.PreparedBy).HasMaxLength(AppUser.MaxFullNameLength);
            v.Ignore(x => x.IsOnline);
            v.ComplexProperty(x => x.Rules, r =>
            {
                r.Property(p => p.BallotType).HasConversion<string>().HasMaxLength(20);
                r.Property(p => p.CountingRule).HasConversion<string>().HasMaxLength(40);
            });
            v.HasMany(x => x.Items).WithOne().HasForeignKey("FinalVoteId").OnDelete(DeleteBehavior.Cascade);
            v.Navigation(x => x.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
            v.HasMany(x => x.Substitutions).WithOne().HasForeignKey("FinalVoteId").OnDelete(DeleteBehavior.Cascade);
            v.Navigation(x => x.Substitutions).HasField("_substitutions").UsePropertyAccessMode(PropertyAccessMode.Field);
            v.HasOne(x => x.Result).WithOne().HasForeignKey<VoteResult>(r => r.FinalVoteId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BallotItem>(i =>
        {
            i.ToTable("BallotItems");
            i.Property(x => x.Title).HasMaxLength(BallotItem.MaxTitleLength);
            i.Property(x => x.Cui).HasMaxLength(7);
            i.Property(x => x.ThemeName).HasMaxLength(120);
            i.Property(x => x.TechnicalScore).HasPrecision(18, 6);
            i.Ignore(x => x.Key);
            i.HasIndex("FinalVoteId", nameof(BallotItem.Position)).IsUnique();
        });

        builder.Entity<Substitution>(s =>
        {
            s.ToTable("VoteSubstitutions");
            s.Property(x => x.RecordedByUserId).HasMaxLength(450);

            // A titular is replaced once, and a suplente replaces one titular.
            s.HasIndex("FinalVoteId", nameof(Substitution.TitularAgentId)).IsUnique();
            s.HasIndex("FinalVoteId", nameof(Substitution.SuplenteAgentId)).IsUnique();
            s.HasOne<Agent>().WithMany().HasForeignKey(x => x.TitularAgentId).OnDelete(DeleteBehavior.Restrict);
            s.HasOne<Agent>().WithMany().HasForeignKey(x => x.SuplenteAgentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AgentBallot>(b =>
        {
            b.Property(x => x.Choices).HasMaxLength(4000);
            b.Property(x => x.ReceiptHash).HasMaxLength(64);
            b.Property(x => x.SubmissionHash).HasMaxLength(64);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.Ignore(x => x.Selections);

            // One ballot per agent and vote, whatever the app does: the database is the last line.
            b.HasIndex(x => new { x.FinalVoteId, x.AgentId }).IsUnique();
            b.HasOne<FinalVote>().WithMany().HasForeignKey(x => x.FinalVoteId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<VoteResult>(r =>
        {
            r.Property(x => x.Rule).HasConversion<string>().HasMaxLength(40);
            r.Property(x => x.RuleName).HasMaxLength(40);
            r.Property(x => x.ComputedByUserId).HasMaxLength(450);
            r.Property(x => x.ComputedBy).HasMaxLength(AppUser.MaxFullNameLength);
            r.Property(x => x.ConsensusMinutes).HasMaxLength(FinalVote.MaxMinutesLength);
            r.Ignore(x => x.Selected);
            r.HasIndex(x => x.FinalVoteId).IsUnique();
            r.HasMany(x => x.Lines).WithOne().HasForeignKey("VoteResultId").OnDelete(DeleteBehavior.Cascade);
            r.Navigation(x => x.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<ResultLine>(l =>
        {
            l.ToTable("ResultLines");
            l.Property(x => x.SharePerSupporter).HasPrecision(24, 4);
            l.Ignore(x => x.IsSelected);
        });
    }
}
