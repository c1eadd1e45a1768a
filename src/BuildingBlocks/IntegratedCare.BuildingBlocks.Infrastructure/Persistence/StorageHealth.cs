using Microsoft.Data.Sqlite;

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

    /// <summary>SQLITE_FULL: the disk, or the quota of Database:MaxSizeMegabytes, is full.</summary>
    public static bool IsFull(Exception ex) => Find(ex) is { SqliteErrorCode: 13 };

    /// <summary>SQLITE_IOERR or SQLITE_CANTOPEN: the disk failed under the database.</summary>
    public static bool IsUnavailable(Exception ex) => Find(ex) is { SqliteErrorCode: 10 or 14 };

    public void RecordFull() => Interlocked.Exchange(ref _fullAtTicks, clock.GetUtcNow().UtcTicks);

    public bool IsFullNow
    {
        get
        {
            var at = Interlocked.Read(ref _fullAtTicks);
            return at != 0 && clock.GetUtcNow().UtcTicks - at < Memory.Ticks;
        }
    }

    private static SqliteException? Find(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqliteException sqlite)
            {
                return sqlite;
            }

            if (ex is AggregateException { InnerExceptions.Count: > 0 } aggregate && aggregate.InnerExceptions.Select(Find).FirstOrDefault(f => f is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
