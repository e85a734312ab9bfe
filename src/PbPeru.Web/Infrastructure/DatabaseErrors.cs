using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PbPeru.Web.Infrastructure;

/// <summary>
/// Recognizes a save that lost a race with another request, on either provider, however EF and
/// the driver wrapped it: worth reloading and looking again, not a 500.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>A unique index refused the row: another request saved the same thing first.</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        Any(exception, e => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
            or SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }); // unique, primary key

    /// <summary>PostgreSQL's serialization failure or deadlock; SQLite serializes writers itself and never reports one.</summary>
    public static bool IsSerializationFailure(Exception exception) =>
        Any(exception, e => e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected });

    /// <summary>Any of those, a row someone else changed or removed, or a busy SQLite file.</summary>
    public static bool IsConflict(Exception exception) =>
        IsUniqueViolation(exception)
        || IsSerializationFailure(exception)
        || Any(exception, e => e is DbUpdateConcurrencyException or SqliteException { SqliteErrorCode: 5 or 6 }); // busy, locked

    private static bool Any(Exception exception, Func<Exception, bool> test)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (test(e))
            {
                return true;
            }
        }

        return false;
    }
}
