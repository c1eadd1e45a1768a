namespace IntegratedCare.BuildingBlocks.Domain;

/// <summary>A named rule of the domain; aggregates check them before they change.</summary>
public interface IBusinessRule
{
    bool IsBroken();

    /// <summary>Why the change was refused, safe to show a caller: ids only, never personal data.</summary>
    string Message { get; }
}

/// <summary>A rule that something is unique: broken, it means the thing exists already (gRPC ALREADY_EXISTS).</summary>
public interface IUniquenessRule : IBusinessRule
{
}

/// <summary>A rule whose refusal carries machine-readable details (ids, codes), sent as gRPC ErrorInfo metadata.</summary>
public interface IBusinessRuleWithDetails : IBusinessRule
{
    IReadOnlyDictionary<string, string> Details { get; }
}

/// <summary>Checks a business rule from outside an aggregate (e.g. a decision another module made).</summary>
public static class Rule
{
    public static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
