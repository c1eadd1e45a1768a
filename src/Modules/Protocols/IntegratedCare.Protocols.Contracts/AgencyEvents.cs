using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.Protocols.Contracts;

/// <summary>
/// An agency joined the registry. <see cref="AgencyType"/> is the proto enum name without its prefix
/// (e.g. "HousingAndHomelessness"), so consumers need no Protocols types.
/// </summary>
public sealed record AgencyRegisteredIntegrationEvent(
    Guid EventId, DateTimeOffset OccurredAt, Guid AgencyId, string AgencyType, IReadOnlyList<Guid> AreaIds)
    : IntegrationEvent(EventId, OccurredAt);

/// <summary>An agency's type or areas may have changed.</summary>
public sealed record AgencyUpdatedIntegrationEvent(
    Guid EventId, DateTimeOffset OccurredAt, Guid AgencyId, string AgencyType, IReadOnlyList<Guid> AreaIds)
    : IntegrationEvent(EventId, OccurredAt);

/// <summary>An agency was deactivated: other modules stop routing work and data to it.</summary>
public sealed record AgencyDeactivatedIntegrationEvent(Guid EventId, DateTimeOffset OccurredAt, Guid AgencyId)
    : IntegrationEvent(EventId, OccurredAt);

/// <summary>An area's calendar or rehabilitation co-ordinator may have changed: its forms go to the new co-ordinator.</summary>
public sealed record AreaUpdatedIntegrationEvent(Guid EventId, DateTimeOffset OccurredAt, Guid AreaId, string TimeZone, string CoordinatorStaffId)
    : IntegrationEvent(EventId, OccurredAt);

/// <summary>A new area exists, with the staff id of its rehabilitation co-ordinator.</summary>
public sealed record AreaCreatedIntegrationEvent(Guid EventId, DateTimeOffset OccurredAt, Guid AreaId, string TimeZone, string CoordinatorStaffId)
    : IntegrationEvent(EventId, OccurredAt);
