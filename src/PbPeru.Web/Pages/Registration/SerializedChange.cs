using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;

namespace PbPeru.Web.Pages.Registration;

/// <summary>
/// Runs a read-check-write (is this organization already registered? how many titulars has it?)
/// as one serializable transaction, so two requests at once (a double click, two tabs) cannot both
/// pass the check: the database refuses one of them, which is then run again from the start and
/// sees what the other saved.
/// </summary>
internal static class SerializedChange
{
    private const int Attempts = 4;

    public static async Task<T> RunAsync<T>(AppDbContext db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            try
            {
                var result = await work();
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception e) when (attempt < Attempts && IsConflict(e))
            {
                // Disposing the transaction rolls it back; go round again.
            }
        }
    }

    /// <summary>
    /// PostgreSQL's serialization failure or deadlock, however wrapped (EF and Npgsql add a layer
    /// or two). SQLite serializes writers by itself and never reports one.
    /// </summary>
    private static bool IsConflict(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is DbException { SqlState: "40001" or "40P01" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A unique index refused the row: another request saved the same thing first.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is DbException inner
        && (inner.SqlState == "23505" || inner.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));
}
