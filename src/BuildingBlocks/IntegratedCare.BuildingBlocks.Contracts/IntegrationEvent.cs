using MediatR;

namespace IntegratedCare.BuildingBlocks.Contracts;

/// <summary>
/// A fact one module publishes for others. Written to the outbox in the same transaction as the change
/// that raised it and delivered at least once; handlers are made idempotent by the inbox, keyed by
/// <see cref="EventId"/>. Carries ids and codes only, never personal data.
/// </summary>
public interface IIntegrationEvent : INotification
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }
}

public abstract record IntegrationEvent(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;
