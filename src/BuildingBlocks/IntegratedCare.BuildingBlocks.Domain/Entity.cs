namespace IntegratedCare.BuildingBlocks.Domain;

/// <summary>An object with identity whose invariants are kept by its aggregate root.</summary>
public abstract class Entity<TId>
    where TId : notnull
{
    protected Entity(TId id) => Id = id;

    public TId Id { get; private init; }

    protected static void CheckRule(IBusinessRule rule) => Rule.Check(rule);
}
