namespace IntegratedCare.BuildingBlocks.Domain;

/// <summary>Something that happened inside an aggregate, in the language of its module.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
