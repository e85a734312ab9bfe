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

    /// <summary>
    /// Saves; when the save carries drafted audit lines, seals them under their chains' head locks.
    /// The action is written first and the lines last, just before the commit: every ballot of a
    /// cycle passes through its one head row, so the lock is held for the lines' write and the
    /// commit only, not for the action's statements as well.
    /// </summary>
    private async Task<int> SaveWithAuditAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var drafts = _auditDrafts.Where(d => Entry(d).State == EntityState.Added).ToList();
        _auditDrafts.Clear();
        if (drafts.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var savepoints = Database.AutoSavepointsEnabled;
        var heads = new List<AuditHead>();
        try
        {
            // In a transaction of our own a failed save leaves nothing to go back to: no savepoint
            // (two more round trips) around each of the two saves.
            Database.AutoSavepointsEnabled = savepoints && transaction is null;
            var saved = 0;
            if (acceptAllChangesOnSuccess)
            {
                // Without accepting, the action would be written again by the second save: then it goes with the lines.
                drafts.ForEach(d => Entry(d).State = EntityState.Detached);
                try
                {
                    saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
                finally
                {
                    drafts.ForEach(d => Entry(d).State = EntityState.Added);
                }
            }

            // Chains locked in one order: two saves touching the same two chains cannot deadlock.
            foreach (var chain in drafts.GroupBy(d => d.Chain).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var head = await LockHeadAsync(chain.Key, cancellationToken);
                foreach (var entry in chain)
                {
                    entry.Seal(head);
                    head = entry.AsHead();
                }

                // Saved in the lines' batch: one round trip for the lines and their heads.
                Entry(head).State = EntityState.Modified;
                heads.Add(head);
            }

            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
            // The heads are read afresh under the lock at every save, never from the tracker.
            heads.ForEach(h => Entry(h).State = EntityState.Detached);
            Database.AutoSavepointsEnabled = savepoints;
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>The chain's head, locked until the transaction ends; created empty first if the chain is new.</summary>
    private async Task<AuditHead> LockHeadAsync(string chain, CancellationToken cancellationToken)
    {
        if (await ReadHeadAsync(chain, cancellationToken) is { } head)
        {
            return head;
        }

        var genesis = AuditHead.GenesisHash;
        await Database.ExecuteSqlAsync(
            $"""INSERT INTO "AuditHeads" ("Chain", "Sequence", "Hash") VALUES ({chain}, 0, {genesis}) ON CONFLICT ("Chain") DO NOTHING""",
            cancellationToken);
        return await ReadHeadAsync(chain, cancellationToken) ?? throw new InvalidOperationException($"The audit chain {chain} has no head.");
    }

    private async Task<AuditHead?> ReadHeadAsync(string chain, CancellationToken cancellationToken)
    {
        var heads = Database.IsNpgsql()
            ? AuditHeads.FromSql($"""SELECT * FROM "AuditHeads" WHERE "Chain" = {chain} FOR UPDATE""")
            : AuditHeads.FromSql($"""SELECT * FROM "AuditHeads" WHERE "Chain" = {chain}""");
        return (await heads.AsNoTracking().ToListAsync(cancellationToken)).SingleOrDefault();
    }
}
