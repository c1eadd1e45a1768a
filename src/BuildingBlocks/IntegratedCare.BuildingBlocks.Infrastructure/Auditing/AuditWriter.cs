using System.Data.Common;
using System.Threading.Channels;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// The group-commit audit writer for reads: the records of every read waiting at a moment are written
/// in one transaction, so concurrent reads share one commit (one fsync) instead of queueing for the
/// write lock one by one. Each read's answer waits for its own records' commit. If a commit fails, each
/// read's records are tried alone, so only a read whose own records cannot be written fails, and it
/// discloses nothing. The loop keeps one connection of its own and one prepared insert, whose columns
/// and conversions are read from the platform context's model: the mapping is stated once, there.
/// </summary>
internal sealed class AuditWriter(IServiceScopeFactory scopes, ConnectionFactory connections, ILogger<AuditWriter> logger)
{
    private const int MostRowsPerCommit = 2_000;
    private readonly Channel<Batch> _queue = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;
    private AuditInsert? _insert;
    private DbConnection? _connection;

    public Task WriteAsync(IReadOnlyList<AuditEventRow> rows)
    {
        EnsureRunning();
        var batch = new Batch(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(batch))
        {
            batch.Done.SetException(new InvalidOperationException("The audit writer has stopped."));
        }

        return batch.Done.Task;
    }

    private void EnsureRunning()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_start)
        {
            _loop ??= Task.Run(LoopAsync);
        }
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                var batches = new List<Batch>();
                var rows = 0;
                while (rows < MostRowsPerCommit && reader.TryRead(out var batch))
                {
                    batches.Add(batch);
                    rows += batch.Rows.Count;
                }

                if (await TryCommitAsync(batches) is not null && batches.Count > 1)
                {
                    // One read's bad record must not fail the others: each alone, so only its own read fails.
                    foreach (var batch in batches)
                    {
                        await TryCommitAsync([batch]);
                    }
                }
            }
        }
        catch (Exception ex)
        {
            // The loop itself broke: refuse every read from now on rather than let them wait for nothing.
            logger.LogCritical(ex, "The audit writer stopped; reads are refused until the host restarts.");
            _queue.Writer.TryComplete(ex);
            while (reader.TryRead(out var waiting))
            {
                waiting.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Commits the batches' records in one transaction; on success completes them, on failure returns why.</summary>
    private async Task<Exception?> TryCommitAsync(IReadOnlyList<Batch> batches)
    {
        try
        {
            _insert ??= AuditInsert.FromModel(scopes);
            _connection ??= connections.OpenBackground();
            await using var transaction = await _connection.BeginTransactionAsync();
            await using var command = _insert.Prepare(_connection, transaction);
            foreach (var row in batches.SelectMany(b => b.Rows))
            {
                _insert.Bind(command, row);
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            // A connection that failed is not trusted again: the next commit opens a fresh one.
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            logger.LogCritical(ex, "Audit records of {Reads} reads could not be written; those reads are refused.", batches.Count);
            if (batches.Count == 1)
            {
                batches[0].Done.TrySetException(ex);
            }

            return ex;
        }

        foreach (var batch in batches)
        {
            batch.Done.TrySetResult();
        }

        return null;
    }

    private sealed record Batch(IReadOnlyList<AuditEventRow> Rows, TaskCompletionSource Done);

    /// <summary>The audit table's insert, built from EF's mapping of <see cref="AuditEventRow"/> (names, converters, parameter types).</summary>
    private sealed class AuditInsert
    {
        private readonly (IProperty Property, RelationalTypeMapping Mapping)[] _columns;
        private readonly string _sql;

        private AuditInsert((IProperty, RelationalTypeMapping)[] columns, string sql)
        {
            _columns = columns;
            _sql = sql;
        }

        public static AuditInsert FromModel(IServiceScopeFactory scopes)
        {
            using var scope = scopes.CreateScope();
            var entity = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Model.FindEntityType(typeof(AuditEventRow))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties().Select(p => (p, (RelationalTypeMapping)p.GetTypeMapping())).ToArray();
            var names = string.Join(", ", columns.Select(c => $"\"{c.p.GetColumnName(table)}\""));
            var parameters = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
            var qualified = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
            return new AuditInsert(columns, $"INSERT INTO {qualified} ({names}) VALUES ({parameters});");
        }

        public DbCommand Prepare(DbConnection connection, DbTransaction transaction)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = _sql;
            for (var i = 0; i < _columns.Length; i++)
            {
                var (property, mapping) = _columns[i];
                command.Parameters.Add(mapping.CreateParameter(command, $"@p{i}", null, property.IsNullable));
            }

            command.Prepare();
            return command;
        }

        public void Bind(DbCommand command, AuditEventRow row)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var (property, mapping) = _columns[i];
                var value = property.GetGetter().GetClrValue(row);
                command.Parameters[i].Value = (mapping.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }
        }
    }
}
