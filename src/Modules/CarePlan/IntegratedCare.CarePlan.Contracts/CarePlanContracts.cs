using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.CarePlan.Contracts;

/// <summary>
/// The case manager handed a variance (where a plan left its path) to gaps and blocks. No identity:
/// the agency whose action it was, the kind and the reason code (e.g. "ResourceGap"). Free text stays in the plan.
/// </summary>
public sealed record VarianceHandedToGapsAndBlocksIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CarePlanId,
    Guid VarianceId,
    Guid LeadAgencyId,
    Guid ActionAgencyId,
    string Kind,
    string Reason) : IntegrationEvent(EventId, OccurredAt);
