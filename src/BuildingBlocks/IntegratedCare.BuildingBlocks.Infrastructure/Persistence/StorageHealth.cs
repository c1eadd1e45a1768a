using Microsoft.Data.Sqlite;
using Npgsql;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Whether storage refused a write lately (a full disk, or the database's quota reached). The health check
/// reports NOT_SERVING while it lasts, so a load balancer sends callers elsewhere and an operator is told.
/// </summary>
public sealed class StorageHealth(TimeProvider clock)
{
    /// <summary>How long after the last refused write the host still reports itself full.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromSeconds(30);

    private long _fullAtTicks;

    /// <summary>SQLITE_FULL (the disk, or the quota of Database:MaxSizeMegabytes) or PostgreSQL's disk_full / out_of_memory.</summary>
    public static bool IsFull(Exception ex) =>
        Find<SqliteException>(ex) is { SqliteErrorCode: 13 } || Find<PostgresException>(ex) is { SqlState: "53100" or "53200" };

    /// <summary>
    /// SQLITE_IOERR or SQLITE_CANTOPEN (the disk failed under the database); for PostgreSQL, the server cannot
    /// be reached, is shutting down, or refuses connections (class 08, 57P0x, 53300).
    /// </summary>
    public static bool IsUnavailable(Exception ex) =>
        Find<SqliteException>(ex) is { SqliteErrorCode: 10 or 14 }
        || Find<PostgresException>(ex) is { SqlState: "53300" or "57P01" or "57P02" or "57P03" } or { SqlState: ['0', '8', ..] }
        || (Find<NpgsqlException>(ex) is { } npgsql && npgsql is not PostgresException && npgsql.IsTransient);

    /// <summary>
    /// PostgreSQL: another transaction won a unique key or the same rows first (unique_violation,
    /// serialization_failure, deadlock_detected). Trying again sees its result. SQLite's single writer never races.
    /// </summary>
    public static bool IsRace(Exception ex) => Find<PostgresException>(ex) is { SqlState: "23505" or "40001" or "40P01" };

    /// <summary>The table is not there yet (before migrations): SQLite's "no such table", PostgreSQL's undefined_table.</summary>
    public static bool IsMissingTable(Exception ex) =>
        Find<SqliteException>(ex) is { } sqlite && sqlite.Message.Contains("no such table", StringComparison.Ordinal)
        || Find<PostgresException>(ex) is { SqlState: "42P01" or "3F000" };

    public void RecordFull() => Interlocked.Exchange(ref _fullAtTicks, clock.GetUtcNow().UtcTicks);

    public bool IsFullNow
    {
        get
        {
            var at = Interlocked.Read(ref _fullAtTicks);
            return at != 0 && clock.GetUtcNow().UtcTicks - at < Memory.Ticks;
        }
    }

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }

            if (ex is AggregateException { InnerExceptions.Count: > 0 } aggregate && aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(f => f is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
