using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PbPeru.Domain.Cycles;
using PbPeru.Domain.Formalization;
using PbPeru.Web.Identity;

namespace PbPeru.Web.Data;

/// <summary>
/// The approval chain's tables: one chain per cycle with its decisions, one per (chain, sequence),
/// each known by the creation key of the form that recorded it. A decision has no update path:
/// the record of an observed or rejected list stays as it was decided.
/// </summary>
public abstract partial class AppDbContext
{
    public DbSet<ApprovalChain> ApprovalChains => Set<ApprovalChain>();

    public DbSet<ApprovalDecision> ApprovalDecisions => Set<ApprovalDecision>();

    private static void ConfigureApprovals(ModelBuilder builder)
    {
        builder.Entity<ApprovalChain>(c =>
        {
            c.Property<int>("Version").IsConcurrencyToken();
            c.HasIndex(x => x.CycleId).IsUnique();
            c.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Restrict);
            c.Property(x => x.MefReference).HasMaxLength(ApprovalChain.MaxMefReferenceLength);
            c.Property(x => x.MefRecordedByUserId).HasMaxLength(450);
            c.Property(x => x.MefRecordedBy).HasMaxLength(AppUser.MaxFullNameLength);
            c.Ignore(x => x.IsSubmittedToMef);
            c.Ignore(x => x.IsApproved);
            c.Ignore(x => x.NextBody);
            c.HasMany(x => x.Decisions).WithOne().HasForeignKey(x => x.ApprovalChainId).OnDelete(DeleteBehavior.Restrict);
            c.Navigation(x => x.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        builder.Entity<ApprovalDecision>(d =>
        {
            d.Property(x => x.Body).HasConversion<string>().HasMaxLength(30);
            d.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.AgreementNumber).HasMaxLength(ApprovalChain.MaxAgreementNumberLength);
            d.Property(x => x.Note).HasMaxLength(ApprovalChain.MaxNoteLength);
            d.Property(x => x.DocumentFileName).HasMaxLength(260);
            d.Property(x => x.DocumentKey).HasMaxLength(200);
            d.Property(x => x.DocumentContentType).HasMaxLength(100);
            d.Property(x => x.DocumentSha256).HasMaxLength(64);
            d.Property(x => x.CreationKey).HasMaxLength(ApprovalChain.CreationKeyLength);
            d.Property(x => x.RecordedByUserId).HasMaxLength(450);
            d.Property(x => x.RecordedBy).HasMaxLength(AppUser.MaxFullNameLength);

            // Two managers recording at once cannot both make decision n; a repeated form makes none.
            d.HasIndex(x => new { x.ApprovalChainId, x.Sequence }).IsUnique();
            d.HasIndex(x => new { x.ApprovalChainId, x.CreationKey }).IsUnique();

            foreach (var property in d.Metadata.GetProperties().Where(p => !p.IsKey()))
            {
                property.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
            }
        });
    }
}
