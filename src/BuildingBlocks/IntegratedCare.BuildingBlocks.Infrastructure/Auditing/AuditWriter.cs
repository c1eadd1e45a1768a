using System.Threading.Channels;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Auditing;

/// <summary>
/// The group-commit audit writer for reads: the records of every read waiting at a moment are written
/// in one transaction, so concurrent reads share one commit (one fsync) instead of queueing for the
/// write lock one by one. Each read's answer waits for its own records' commit. If a commit fails, each
/// read's records are tried alone, so only a read whose own records cannot be written fails, and it
/// discloses nothing.
/// </summary>
internal sealed class AuditWriter(IServiceScopeFactory scopes, ILogger<AuditWriter> logger)
{
    private const int MostRowsPerCommit = 2_000;
    private readonly Channel<Batch> _queue = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

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
            await using (var scope = scopes.CreateAsyncScope())
            {
                var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
                var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                await unitOfWork.BeginAsync(CancellationToken.None);
                platform.AuditEvents.AddRange(batches.SelectMany(b => b.Rows));
                await unitOfWork.CommitAsync(CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
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
}
