namespace IntegratedCare.BuildingBlocks.Domain;

/// <summary>A business rule refused the change (gRPC FAILED_PRECONDITION).</summary>
public sealed class BusinessRuleViolationException(IBusinessRule rule)
    : Exception(rule.Message)
{
    public string Rule { get; } = rule.GetType().Name;

    /// <summary>The change would duplicate something that must be unique.</summary>
    public bool IsUniqueness { get; } = rule is IUniquenessRule;

    /// <summary>Ids and codes that help the caller act on the refusal (e.g. the records it may duplicate).</summary>
    public IReadOnlyDictionary<string, string> Details { get; } =
        rule is IBusinessRuleWithDetails withDetails ? withDetails.Details : new Dictionary<string, string>();
}

/// <summary>The caller changed a stale version of an aggregate (gRPC ABORTED).</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string aggregate, string id, long expectedVersion, long actualVersion)
        : base($"{aggregate} {id} is at version {actualVersion}, not {expectedVersion}: read it again and reapply the change.")
    {
        Aggregate = aggregate;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Another writer saved the aggregate between this caller's read and write.</summary>
    public ConcurrencyConflictException(string aggregate)
        : base($"The {aggregate} was changed by someone else meanwhile: read it again and reapply the change.")
    {
        Aggregate = aggregate;
    }

    public string Aggregate { get; }

    public long? ExpectedVersion { get; }

    public long? ActualVersion { get; }
}
