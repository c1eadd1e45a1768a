using System.Reflection;
using System.Text.Json;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// Publishes committed outbox messages to their handlers in other modules, at least once. Each handler
/// runs in its own transaction together with an inbox row keyed by (message, handler), so a message
/// delivered again after a crash is skipped by every handler that already handled it.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly MethodInfo DispatchMethod =
        typeof(OutboxDispatcher).GetMethod(nameof(DispatchToHandlersAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Dispatches one batch; returns how many messages were completed.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var batch = await ClaimAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        // Successes are marked processed together, in one transaction after the batch: a crash before
        // that re-delivers them, and every handler's inbox row skips what it already did.
        var completed = new List<Guid>();
        var failed = new List<Guid>();
        try
        {
            await DispatchAsync(batch, completed, failed, cancellationToken);
        }
        finally
        {
            await RecordProcessedAsync(completed);

            // Stopping part way: what this host claimed and did not reach goes back now, not after the lease.
            await ReleaseAsync(batch.Select(m => m.Id).Except(completed).Except(failed).ToList());
        }

        return completed.Count;
    }

    /// <summary>
    /// Claims the next due messages for this host: each gets a lease (<see cref="OutboxOptions.ClaimLease"/>) in
    /// <c>NextAttemptAt</c>, so no other host takes it meanwhile. One statement takes and leases them
    /// (<c>UPDATE … WHERE "Id" IN (the next due) RETURNING *</c>), so a claim is atomic without a transaction of its
    /// own: on PostgreSQL the next due rows are taken <c>FOR UPDATE SKIP LOCKED</c>, so two hosts claiming at once
    /// take different messages rather than wait for each other; on SQLite the statement holds the file's write
    /// lock. On SQLite a first look without a lock keeps an idle poll from taking that lock; on PostgreSQL an
    /// update that finds nothing writes nothing, and the look would only cost a statement per claim.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var max = options.Value.MaxAttempts;
        await using var scope = scopes.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var connections = scope.ServiceProvider.GetRequiredService<ConnectionFactory>();
        if (connections.Provider == DatabaseProvider.Sqlite)
        {
            var due = await platform.OutboxMessages.AsNoTracking()
                .Where(m => m.ProcessedAt == null && m.Attempts < max)
                .Where(m => m.NextAttemptAt == null || m.NextAttemptAt <= now)
                .AnyAsync(cancellationToken);
            if (!due)
            {
                return [];
            }
        }

        var entity = platform.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = platform.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var skipLocked = connections.Provider == DatabaseProvider.PostgreSql ? " FOR UPDATE SKIP LOCKED" : string.Empty;

        // The table's name comes from the model and the suffix from the provider: no caller's text is in it.
        var claim = $"UPDATE {table} SET \"NextAttemptAt\" = {{3}} WHERE \"Id\" IN (SELECT \"Id\" FROM {table} " +
            $"WHERE \"ProcessedAt\" IS NULL AND \"Attempts\" < {{0}} AND (\"NextAttemptAt\" IS NULL OR \"NextAttemptAt\" <= {{1}}) " +
            $"ORDER BY \"OccurredAt\" LIMIT {{2}}{skipLocked}) RETURNING *";
#pragma warning disable EF1003
        var batch = await platform.OutboxMessages
            .FromSqlRaw(claim, max, now.UtcTicks, options.Value.BatchSize, (now + options.Value.ClaimLease).UtcTicks)
            .AsNoTracking().ToListAsync(cancellationToken);
#pragma warning restore EF1003

        // RETURNING gives the rows in no particular order: they are handled in the order they occurred.
        return [.. batch.OrderBy(m => m.OccurredAt)];
    }

    private async Task DispatchAsync(List<OutboxMessage> batch, List<Guid> completed, List<Guid> failed, CancellationToken cancellationToken)
    {
        foreach (var message in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? error = null;
            try
            {
                var integrationEvent = Deserialize(message);
                await (Task)DispatchMethod.MakeGenericMethod(integrationEvent.GetType())
                    .Invoke(this, [integrationEvent, cancellationToken])!;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                error = ex.GetType().Name;
                logger.LogError(ex, "Outbox message {MessageId} ({Type}) failed on attempt {Attempt}", message.Id, message.Type, message.Attempts + 1);
            }

            Telemetry.OutboxDispatched.Add(1, new KeyValuePair<string, object?>("outcome", error is null ? "handled" : "failed"));
            if (error is null)
            {
                Telemetry.OutboxLag.Record(Math.Max(0, (clock.GetUtcNow() - message.OccurredAt).TotalSeconds));
                completed.Add(message.Id);
            }
            else
            {
                failed.Add(message.Id);
                await RecordFailureAsync(message.Id, error, cancellationToken);
            }
        }
    }

    private async Task RecordProcessedAsync(IReadOnlyCollection<Guid> processed)
    {
        if (processed.Count == 0)
        {
            return;
        }

        // One statement, so atomic without a transaction of its own; not cancelled half way: the handlers' work
        // has committed, and this only saves re-delivering it.
        await using var scope = scopes.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow();
        await platform.OutboxMessages.Where(m => processed.Contains(m.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, (string?)null),
            CancellationToken.None);
    }

    private async Task ReleaseAsync(IReadOnlyCollection<Guid> unreached)
    {
        if (unreached.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await platform.OutboxMessages.Where(m => unreached.Contains(m.Id) && m.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null), CancellationToken.None);
    }

    private async Task DispatchToHandlersAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent
    {
        List<Type> handlerTypes;
        await using (var scope = scopes.CreateAsyncScope())
        {
            handlerTypes = scope.ServiceProvider.GetServices<INotificationHandler<TEvent>>()
                .Select(h => h.GetType()).Distinct().ToList();
        }

        foreach (var handlerType in handlerTypes)
        {
            var handlerName = handlerType.FullName ?? handlerType.Name;
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<CurrentActor>().Set(Actor.System("outbox"));
            var unitOfWork = services.GetRequiredService<UnitOfWork>();
            var platform = services.GetRequiredService<PlatformDbContext>();
            await unitOfWork.BeginAsync(cancellationToken);
            try
            {
                var seen = await platform.InboxMessages.AnyAsync(
                    i => i.MessageId == integrationEvent.EventId && i.Handler == handlerName, cancellationToken);
                if (seen)
                {
                    await unitOfWork.RollbackAsync();
                    continue;
                }

                var handler = services.GetServices<INotificationHandler<TEvent>>().First(h => h.GetType() == handlerType);
                await handler.Handle(integrationEvent, cancellationToken);
                platform.InboxMessages.Add(new InboxMessage
                {
                    MessageId = integrationEvent.EventId,
                    Handler = handlerName,
                    HandledAt = clock.GetUtcNow(),
                });
                await unitOfWork.CommitAsync(cancellationToken);
            }
            catch
            {
                await unitOfWork.RollbackAsync();
                throw;
            }
        }
    }

    private async Task RecordFailureAsync(Guid messageId, string error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await unitOfWork.BeginAsync(cancellationToken);
        var message = await platform.OutboxMessages.SingleAsync(m => m.Id == messageId, cancellationToken);
        var now = clock.GetUtcNow();
        message.Attempts++;
        message.LastError = error;
        message.NextAttemptAt = now + Backoff(message.Attempts);
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            logger.LogCritical("Outbox message {MessageId} is parked after {Attempts} attempts", message.Id, message.Attempts);
        }

        await unitOfWork.CommitAsync(cancellationToken);
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));

    private static IIntegrationEvent Deserialize(OutboxMessage message)
    {
        var type = Type.GetType(message.Type, throwOnError: true)!;
        if (!typeof(IIntegrationEvent).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"Outbox message {message.Id} names a type that is not an integration event.");
        }

        return (IIntegrationEvent)(JsonSerializer.Deserialize(message.Payload, type, Outbox.Json)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload."));
    }
}
