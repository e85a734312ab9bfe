using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Audit;

namespace PbPeru.Web.Data;

/// <summary>
/// The audit record: append-only lines, one hash chain per cycle (and one for the rest), and a head
/// row per chain. A save that carries drafted lines locks the head rows of their chains (on
/// PostgreSQL <c>SELECT … FOR UPDATE</c>; SQLite's write lock serializes writers anyway), seals the
/// lines after the head and moves the head, all in the save's transaction: the action and its line
/// commit together or not at all, and two concurrent saves cannot both take the same place. A unique
/// index on (chain, sequence) is the last line; the migration adds triggers that refuse UPDATE and
/// DELETE on the lines.
/// </summary>
public abstract partial class AppDbContext
{
    private readonly List<AuditEntry> _auditDrafts = [];

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    /// <summary>Adds a drafted line to be sealed and stored by the next save (see <see cref="Infrastructure.Audit.AuditTrail"/>).</summary>
    internal void DraftAudit(AuditEntry entry)
    {
        _auditDrafts.RemoveAll(d => Entry(d).State != EntityState.Added);
        _auditDrafts.Add(entry);
        AuditEntries.Add(entry);
    }

    private static void ConfigureAudit(ModelBuilder builder)
    {
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.Property(x => x.Chain).HasMaxLength(AuditEntry.MaxChainLength);
            e.Property(x => x.Actor).HasMaxLength(AuditEntry.MaxActorLength);
            e.Property(x => x.Action).HasMaxLength(AuditEntry.MaxActionLength);
            e.Property(x => x.Subject).HasMaxLength(AuditEntry.MaxSubjectLength);
            e.Property(x => x.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
            e.Property(x => x.PreviousHash).HasMaxLength(AuditEntry.HashLength);
            e.Property(x => x.Hash).HasMaxLength(AuditEntry.HashLength);
            e.Ignore(x => x.IsSealed);

            // Two lines never share a place in a chain, whatever the app does.
            e.HasIndex(x => new { x.Chain, x.Sequence }).IsUnique();
            e.HasIndex(x => new { x.Chain, x.Subject });
        });

        builder.Entity<AuditHead>(h =>
        {
            h.ToTable("AuditHeads");
            h.HasKey(x => x.Chain);
            h.Property(x => x.Chain).HasMaxLength(AuditEntry.MaxChainLength);
            h.Property(x => x.Hash).HasMaxLength(AuditEntry.HashLength);
            h.Ignore(x => x.IsEmpty);
        });
    }

    /// <summary>Saves; when the save carries drafted audit lines, seals them under their chains' head locks first.</summary>
    private async Task<int> SaveWithAuditAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var drafts = _auditDrafts.Where(d => Entry(d).State == EntityState.Added).ToList();
        _auditDrafts.Clear();
        if (drafts.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Chains locked in one order: two saves touching the same two chains cannot deadlock.
            foreach (var chain in drafts.GroupBy(d => d.Chain).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var head = await LockHeadAsync(chain.Key, cancellationToken);
                foreach (var entry in chain)
                {
                    entry.Seal(head);
                    head = entry.AsHead();
                }

                await Database.ExecuteSqlAsync(
                    $"""UPDATE "AuditHeads" SET "Sequence" = {head.Sequence}, "Hash" = {head.Hash} WHERE "Chain" = {head.Chain}""",
                    cancellationToken);
            }

            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        catch
        {
            // Not saved: the lines go back to the drafts, to be sealed afresh if the caller saves again.
            _auditDrafts.InsertRange(0, drafts);
            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>The chain's head, created empty if new, locked until the transaction ends.</summary>
    private async Task<AuditHead> LockHeadAsync(string chain, CancellationToken cancellationToken)
    {
        var genesis = AuditHead.GenesisHash;
        await Database.ExecuteSqlAsync(
            $"""INSERT INTO "AuditHeads" ("Chain", "Sequence", "Hash") VALUES ({chain}, 0, {genesis}) ON CONFLICT ("Chain") DO NOTHING""",
            cancellationToken);
        var heads = Database.IsNpgsql()
            ? AuditHeads.FromSql($"""SELECT * FROM "AuditHeads" WHERE "Chain" = {chain} FOR UPDATE""")
            : AuditHeads.FromSql($"""SELECT * FROM "AuditHeads" WHERE "Chain" = {chain}""");
        var found = await heads.AsNoTracking().ToListAsync(cancellationToken);
        return found.Single();
    }
}
