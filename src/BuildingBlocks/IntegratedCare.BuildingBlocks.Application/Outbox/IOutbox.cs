using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.BuildingBlocks.Application.Outbox;

/// <summary>Queues an integration event in the current unit of work; it is published after commit.</summary>
public interface IOutbox
{
    void Add(IIntegrationEvent integrationEvent);
}

/// <summary>The transaction around one request. Nested requests join the outer one.</summary>
public interface IUnitOfWork
{
    bool IsActive { get; }

    Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A read: a deferred transaction (a snapshot, no write lock), so reads never queue behind writers or
    /// each other. Its audit records are made durable apart, by the group-commit audit writer.
    /// </summary>
    Task BeginReadAsync(CancellationToken cancellationToken);

    /// <summary>Whether the unit of work under way is a read.</summary>
    bool IsReadOnly { get; }

    /// <summary>Ends a read; refuses (and rolls back) one whose handler changed data, which a query must not.</summary>
    Task EndReadAsync();

    /// <summary>Saves every participating context and commits; a stale write becomes a concurrency conflict.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync();

    /// <summary>Runs <paramref name="action"/> once the current transaction has committed; never if it rolls back.</summary>
    void AfterCommit(Action action);
}
