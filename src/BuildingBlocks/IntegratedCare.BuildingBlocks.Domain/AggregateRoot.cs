namespace IntegratedCare.BuildingBlocks.Domain;

/// <summary>
/// The unit of consistency. <see cref="Version"/> is the concurrency token: callers send back the
/// version they read and a stale one is refused, so two agencies cannot silently overwrite each other.
/// </summary>
public abstract class AggregateRoot<TId> : Entity<TId>, IAggregateRoot
    where TId : notnull
{
    private readonly List<IDomainEvent> _domainEvents = [];

    protected AggregateRoot(TId id)
        : base(id)
    {
    }

    public long Version { get; private set; }

    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>Refuses a change made against a version other than the current one.</summary>
    public void EnsureVersion(long expectedVersion)
    {
        if (expectedVersion != Version)
        {
            throw new ConcurrencyConflictException(GetType().Name, Id.ToString() ?? string.Empty, expectedVersion, Version);
        }
    }

    /// <summary>Call once per state change so the stored version moves on.</summary>
    protected void Touch() => Version++;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}

/// <summary>Marker that lets infrastructure find aggregates without knowing their id type.</summary>
public interface IAggregateRoot
{
    long Version { get; }

    IReadOnlyCollection<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
