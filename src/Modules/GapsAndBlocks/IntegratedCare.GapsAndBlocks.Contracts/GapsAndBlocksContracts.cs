using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.GapsAndBlocks.Contracts;

/// <summary>
/// A form's stage passed its due date: an alert to whoever holds it (<c>Holder</c>, e.g.
/// "RehabilitationCoordinator"). Raised once per stage. No content of the form. The agency and case
/// manager (a staff id) who drafted it say who holds it at the agency's own rungs; empty in events queued
/// before they were added.
/// </summary>
public sealed record FormStageOverdueIntegrationEvent(
    Guid EventId, DateTimeOffset OccurredAt, Guid FormId, Guid AreaId, string Stage, string Holder, DateTimeOffset DueAt,
    Guid AgencyId = default, string CaseManagerId = "")
    : IntegrationEvent(EventId, OccurredAt);

/// <summary>
/// A form reached a stage of the ladder (its <c>Holder</c> now has a step to take, due by <c>DueAt</c>
/// where the ladder sets a period), or closed (<c>Holder</c> "Nobody"). No content of the form.
/// </summary>
public sealed record FormEnteredStageIntegrationEvent(
    Guid EventId, DateTimeOffset OccurredAt, Guid FormId, Guid AreaId, Guid AgencyId, string CaseManagerId, string Stage, string Holder, DateTimeOffset? DueAt)
    : IntegrationEvent(EventId, OccurredAt);
