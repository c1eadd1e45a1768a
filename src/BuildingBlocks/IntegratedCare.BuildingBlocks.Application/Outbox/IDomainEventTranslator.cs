using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.BuildingBlocks.Application.Outbox;

/// <summary>
/// A module's say on which of its domain events other modules hear of, and in what words. The unit of
/// work asks every translator at commit and writes what they return to the outbox.
/// </summary>
public interface IDomainEventTranslator
{
    IEnumerable<IIntegrationEvent> Translate(IDomainEvent domainEvent);
}
