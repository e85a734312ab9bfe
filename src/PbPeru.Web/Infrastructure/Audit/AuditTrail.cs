using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PbPeru.Domain.Audit;
using PbPeru.Web.Data;

namespace PbPeru.Web.Infrastructure.Audit;

/// <summary>
/// Writes the audit record. <see cref="Record"/> drafts a line into the request's context; the next
/// save seals it on its chain and stores it with the action, in one transaction (see
/// <see cref="AppDbContext"/>'s audit part). Who did it is the signed-in person (empty for the system).
/// </summary>
public sealed class AuditTrail(AppDbContext db, TimeProvider clock, IHttpContextAccessor accessor)
{
    /// <summary>Drafts a line on the cycle's chain (or the general one), saved by the caller's next save.</summary>
    public void Record(int? cycleId, string action, string subject, string? detail = null) =>
        db.DraftAudit(AuditEntry.Draft(AuditChains.For(cycleId), clock.GetUtcNow(), ActorId(), action, subject, detail));

    /// <summary>Records and saves at once: for what changes nothing else, such as a download.</summary>
    public async Task RecordNowAsync(int? cycleId, string action, string subject, string? detail, CancellationToken cancellationToken)
    {
        Record(cycleId, action, subject, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What the line of an acta version's issue is about: the head at the acta is that line.</summary>
    public static string ActaSubject(int cycleId, int versionNumber) => $"acta:{cycleId}:v{versionNumber}";

    /// <summary>The cycle's chain head now (empty when nothing was recorded yet).</summary>
    public static async Task<AuditHead> HeadAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken)
    {
        var chain = AuditChains.ForCycle(cycleId);
        return await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Chain == chain, cancellationToken) ?? AuditHead.Empty(chain);
    }

    /// <summary>
    /// The line that recorded the agreement about <paramref name="subject"/> (an acta version's
    /// issue), if any: the head at that moment. Later lines on the same subject (its downloads) do not count.
    /// </summary>
    public static async Task<AuditHead?> HeadAtAsync(AppDbContext db, int cycleId, string subject, CancellationToken cancellationToken)
    {
        var chain = AuditChains.ForCycle(cycleId);
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.Chain == chain && e.Subject == subject && e.Action == AuditActions.AgreementRecorded)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new AuditHead(e.Chain, e.Sequence, e.Hash))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The whole chain in its order.</summary>
    public static Task<List<AuditEntry>> ChainAsync(AppDbContext db, string chain, CancellationToken cancellationToken) =>
        db.AuditEntries.AsNoTracking().Where(e => e.Chain == chain).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    private string ActorId() => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
