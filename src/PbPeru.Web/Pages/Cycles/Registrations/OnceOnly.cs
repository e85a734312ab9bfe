using PbPeru.Web.Data;

namespace PbPeru.Web.Pages.Cycles.Registrations;

/// <summary>
/// Saves a decision that must be taken once (a review, a ruling, a publication) even when two
/// requests race for it — a double click, two managers on the same record.
/// </summary>
public static class OnceOnly
{
    /// <summary>
    /// In one transaction: runs <paramref name="claim"/>, a conditional UPDATE that moves the record
    /// out of the state the decision was taken on (for example <c>Status = Submitted</c>), then saves
    /// the context. The database lets one claim win: a concurrent one waits for it and then finds
    /// nothing to update. False, with nothing saved, when the claim found the record already decided.
    /// </summary>
    public static async Task<bool> SaveAsync(AppDbContext db, Func<CancellationToken, Task<int>> claim, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await claim(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
