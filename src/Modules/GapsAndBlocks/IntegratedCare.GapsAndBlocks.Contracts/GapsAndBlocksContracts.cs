using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.GapsAndBlocks.Contracts;

/// <summary>
/// A form's stage passed its due date: an alert to whoever holds it (<c>Holder</c>, e.g.
/// "RehabilitationCoordinator"). Raised once per stage. No content of the form.
/// </summary>
public sealed record FormStageOverdueIntegrationEvent(
    Guid EventId, DateTimeOffset OccurredAt, Guid FormId, Guid AreaId, string Stage, string Holder, DateTimeOffset DueAt)
    : IntegrationEvent(EventId, OccurredAt);
