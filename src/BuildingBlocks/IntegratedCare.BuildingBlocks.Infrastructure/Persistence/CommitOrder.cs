using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// A lock held until the transaction ends, keyed by a name: transactions that take the same name run one
/// after another. PostgreSQL only (an advisory lock); on SQLite every write transaction already holds the
/// file's one write lock, so this does nothing there.
/// </summary>
public static class TransactionLock
{
    public static async Task TakeAsync(DbContext context, string name, CancellationToken cancellationToken)
    {
        if (!context.Database.IsNpgsql())
        {
            return;
        }

        var transaction = context.Database.CurrentTransaction
            ?? throw new InvalidOperationException($"The lock '{name}' lasts until a transaction ends: take it inside one.");
        await CommitOrder.TakeAsync(context.Database.GetDbConnection(), transaction.GetDbTransaction(), name, cancellationToken);
    }
}

/// <summary>
/// Makes a feed's positions follow commit order (docs/adr/0009-commit-ordered-feed-on-postgresql.md).
/// A follower reads "everything after the last position I saw", which is only safe if no transaction can
/// commit a lower position after a higher one became visible. SQLite's single write lock already gives
/// that. On PostgreSQL a sequence does not: two transactions take 7 and 8, 8 commits, a follower moves to
/// 8, then 7 commits and is never read. So an append first takes a transaction-scoped advisory lock for
/// its feed: appends to one feed commit one at a time, in the order they took their positions, and the
/// lock goes with the commit (or the rollback, or the connection when a host dies).
/// </summary>
public static class CommitOrder
{
    /// <summary>Called inside the appending transaction, before the row that takes the position is inserted.</summary>
    public static Task TakeAsync(DbContext context, string feed, CancellationToken cancellationToken) =>
        TransactionLock.TakeAsync(context, feed, cancellationToken);

    /// <summary>The same lock on a PostgreSQL connection of one's own (tests, tools).</summary>
    public static async Task TakeAsync(DbConnection connection, DbTransaction transaction, string feed, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({Key(feed)})";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A stable 64-bit key per name (FNV-1a), the same on every host and every run.</summary>
    public static long Key(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
