namespace IntegratedCare.BuildingBlocks.Domain;

/// <summary>A business rule refused the change (gRPC FAILED_PRECONDITION).</summary>
public sealed class BusinessRuleViolationException(IBusinessRule rule)
    : Exception(rule.Message)
{
    public string Rule { get; } = rule.GetType().Name;

    /// <summary>The change would duplicate something that must be unique.</summary>
    public bool IsUniqueness { get; } = rule is IUniquenessRule;
}

/// <summary>The caller changed a stale version of an aggregate (gRPC ABORTED).</summary>
public sealed class ConcurrencyConflictException(string aggregate, string id, long expectedVersion, long actualVersion)
    : Exception($"{aggregate} {id} is at version {actualVersion}, not {expectedVersion}: read it again and reapply the change.")
{
    public string Aggregate { get; } = aggregate;

    public long ExpectedVersion { get; } = expectedVersion;

    public long ActualVersion { get; } = actualVersion;
}
