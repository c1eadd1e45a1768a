using System.Data.Common;
using Npgsql;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// "Only one host at a time does this" (a deadline sweep's round). On PostgreSQL a session advisory lock on a
/// connection held for the work: another host that asks meanwhile is told no and skips its turn; a host that
/// dies loses its connection, and with it the lock, so the next host's turn runs. On SQLite there is one host.
/// </summary>
public sealed class HostLease(ConnectionFactory connections)
{
    /// <summary>The lease of a process that is the only host: held, and nothing to release.</summary>
    public static IAsyncDisposable Alone => Held.None;

    /// <summary>The lease, to dispose when done; null when another host holds it now.</summary>
    public async Task<IAsyncDisposable?> TryTakeAsync(string name, CancellationToken cancellationToken)
    {
        if (connections.Provider != DatabaseProvider.PostgreSql)
        {
            return Held.None;
        }

        var connection = connections.OpenBackground();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT pg_try_advisory_lock({CommitOrder.Key("lease:" + name)})";
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Held(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class Held(DbConnection? connection) : IAsyncDisposable
    {
        public static readonly Held None = new(null);

        public async ValueTask DisposeAsync()
        {
            if (connection is NpgsqlConnection postgres)
            {
                // The lock is the session's: a pooled connection is reset on return, which releases it,
                // but say so plainly rather than rely on the pool.
                try
                {
                    await using var command = postgres.CreateCommand();
                    command.CommandText = "SELECT pg_advisory_unlock_all()";
                    await command.ExecuteNonQueryAsync();
                }
                finally
                {
                    await postgres.DisposeAsync();
                }
            }
        }
    }
}
