using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Domain.Registration;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// The oversight committee election: one per cycle, its candidates (an agent stands once), one
/// ballot per agent and election (a unique index: the last line against double votes), and the
/// elected members (an agent once, a rank once).
/// </summary>
public abstract partial class AppDbContext
{
    public DbSet<CommitteeElection> CommitteeElections => Set<CommitteeElection>();

    public DbSet<CommitteeBallot> CommitteeBallots => Set<CommitteeBallot>();

    public DbSet<CommitteeMember> CommitteeMembers => Set<CommitteeMember>();

    private static void ConfigureCommittee(ModelBuilder builder)
    {
        builder.Entity<CommitteeElection>(e =>
        {
            e.Property<int>("Version").IsConcurrencyToken();
            e.HasIndex(x => x.CycleId).IsUnique();
            e.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.CreatedByUserId).HasMaxLength(450);
            e.Property(x => x.CountedBy).HasMaxLength(AppUser.MaxFullNameLength);
            e.Ignore(x => x.IsCounted);
            e.HasMany(x => x.Candidates).WithOne().HasForeignKey(x => x.CommitteeElectionId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(x => x.Candidates).HasField("_candidates").UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.CommitteeElectionId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(x => x.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<CommitteeCandidate>(c =>
        {
            c.ToTable("CommitteeCandidates");
            c.Property(x => x.RecordedByUserId).HasMaxLength(450);
            c.Property(x => x.RecordedBy).HasMaxLength(AppUser.MaxFullNameLength);

            // An agent stands once per election.
            c.HasIndex(x => new { x.CommitteeElectionId, x.AgentId }).IsUnique();
            c.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CommitteeMember>(m =>
        {
            m.ToTable("CommitteeMembers");

            // An agent holds one seat, and a rank is held once.
            m.HasIndex(x => new { x.CommitteeElectionId, x.AgentId }).IsUnique();
            m.HasIndex(x => new { x.CommitteeElectionId, x.Rank }).IsUnique();
            m.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CommitteeBallot>(b =>
        {
            b.Property(x => x.Choices).HasMaxLength(400);
            b.Property(x => x.SubmissionHash).HasMaxLength(64);
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.Ignore(x => x.Approvals);

            // One ballot per agent and election, whatever the app does: the database is the last line.
            b.HasIndex(x => new { x.CommitteeElectionId, x.AgentId }).IsUnique();
            b.HasOne<CommitteeElection>().WithMany().HasForeignKey(x => x.CommitteeElectionId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Agent>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
