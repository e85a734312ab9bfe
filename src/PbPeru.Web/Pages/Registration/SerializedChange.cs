using System.Data;
using Microsoft.EntityFrameworkCore;
using PbPeru.Web.Data;
using PbPeru.Web.Infrastructure;

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
            catch (Exception e) when (attempt < Attempts && DatabaseErrors.IsSerializationFailure(e))
            {
                // Disposing the transaction rolls it back; go round again.
            }
        }
    }
}
