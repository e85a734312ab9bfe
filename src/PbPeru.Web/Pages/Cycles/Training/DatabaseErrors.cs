using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PbPeru.Web.Pages.Cycles.Training;

/// <summary>
/// Recognizes a save that lost a race with another request (a unique index, a serialization
/// failure, a row someone else changed or removed): worth reloading and looking again, not a 500.
/// </summary>
public static class DatabaseErrors
{
    public static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // busy, locked
                case SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }: // unique, primary key
                    return true;
            }
        }

        return false;
    }
}
