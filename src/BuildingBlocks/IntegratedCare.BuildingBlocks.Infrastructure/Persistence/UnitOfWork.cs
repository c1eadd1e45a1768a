using System.Data.Common;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// One connection per scope, shared by every module's DbContext and the platform tables, so a command's
/// change, its outbox messages and its audit record commit in one transaction. Contexts created in the
/// scope enlist themselves (see <see cref="PersistenceRegistration"/>).
/// </summary>
public sealed class UnitOfWork(ConnectionFactory connections, IServiceProvider services) : IUnitOfWork, IAsyncDisposable, IDisposable
{
    private readonly List<DbContext> _contexts = [];
    private readonly List<Action> _afterCommit = [];
    private DbConnection? _connection;
    private DbTransaction? _transaction;

    public DbConnection Connection => _connection ??= connections.Create();

    public bool IsActive => _transaction is not null;

    public bool IsReadOnly { get; private set; }

    /// <summary>Raised after a commit that wrote outbox messages, so the dispatcher need not wait for its poll.</summary>
    public event Action? Committed;

    internal void Enlist(DbContext context)
    {
        // EF wraps each SaveChanges inside an outer transaction in a savepoint, so a failed save could be
        // undone alone. Here a failed save ends the whole unit of work, so the savepoints would only cost
        // two round trips per context per command (four of an UpdateAgency's ten on PostgreSQL).
        context.Database.AutoSavepointsEnabled = false;
        _contexts.Add(context);
        if (_transaction is not null)
        {
            context.Database.UseTransaction(_transaction);
            Track(context);
        }
    }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A unit of work is already under way in this scope.");
        }

        _transaction = await connections.BeginWriteAsync(Connection, cancellationToken);
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(_transaction, cancellationToken);
        }
    }

    public async Task BeginReadAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A unit of work is already under way in this scope.");
        }

        // One snapshot for the whole read, and never the write lock.
        _transaction = await connections.BeginReadAsync(Connection, cancellationToken);
        IsReadOnly = true;
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(_transaction, cancellationToken);
            Track(context);
        }
    }

    public async Task EndReadAsync()
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No read under way.");
        if (_contexts.Any(c => c.ChangeTracker.HasChanges()))
        {
            throw new InvalidOperationException("A query changed data: changes are made by commands, which take the write lock.");
        }

        await transaction.RollbackAsync(CancellationToken.None);
        await EndAsync();
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("No unit of work to commit.");
        PublishDomainEvents();
        try
        {
            // Contexts can be created while others save (a handler's lazy resolution): loop by index.
            for (var i = 0; i < _contexts.Count; i++)
            {
                await _contexts[i].SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(ex.Entries.FirstOrDefault()?.Metadata.ClrType.Name ?? "record");
        }
        catch (DbUpdateException ex) when (StorageHealth.IsRace(ex))
        {
            // Another transaction (another host's, on PostgreSQL) won the same row or unique key first:
            // trying again sees its result.
            throw new ConcurrencyConflictException("record");
        }

        // Commit must not be abandoned half way by a caller who has gone.
        try
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception ex) when (StorageHealth.IsRace(ex))
        {
            throw new ConcurrencyConflictException("record");
        }

        await EndAsync();
        Committed?.Invoke();
        var actions = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            action();
        }
    }

    public void AfterCommit(Action action)
    {
        if (_transaction is null || IsReadOnly)
        {
            throw new InvalidOperationException("No write unit of work is under way to run an action after: a read commits nothing.");
        }

        _afterCommit.Add(action);
    }

    /// <summary>Turns the domain events of every changed aggregate into outbox messages, in this transaction.</summary>
    private void PublishDomainEvents()
    {
        var aggregates = _contexts
            .SelectMany(c => c.ChangeTracker.Entries<IAggregateRoot>())
            .Select(e => e.Entity)
            .Where(a => a.DomainEvents.Count > 0)
            .ToList();
        if (aggregates.Count == 0)
        {
            return;
        }

        var translators = services.GetServices<IDomainEventTranslator>().ToList();
        var outbox = services.GetRequiredService<IOutbox>();
        foreach (var aggregate in aggregates)
        {
            foreach (var domainEvent in aggregate.DomainEvents)
            {
                foreach (var integrationEvent in translators.SelectMany(t => t.Translate(domainEvent)))
                {
                    outbox.Add(integrationEvent);
                }
            }

            aggregate.ClearDomainEvents();
        }
    }

    public async Task RollbackAsync()
    {
        if (_transaction is null)
        {
            return;
        }

        try
        {
            await _transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            _afterCommit.Clear();
            await EndAsync();
            foreach (var context in _contexts)
            {
                context.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A read tracks nothing: it changes nothing, so EF need not snapshot what it loads (its JSON lists above all).</summary>
    private void Track(DbContext context) =>
        context.ChangeTracker.QueryTrackingBehavior = IsReadOnly ? QueryTrackingBehavior.NoTracking : QueryTrackingBehavior.TrackAll;

    private async Task EndAsync()
    {
        IsReadOnly = false;
        foreach (var context in _contexts)
        {
            await context.Database.UseTransactionAsync(null);
            Track(context);
        }

        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _connection?.Dispose();
    }
}
