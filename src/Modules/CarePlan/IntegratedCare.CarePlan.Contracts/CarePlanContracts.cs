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

/// <summary>
/// Whether a variance was recorded on a care plan the agency leads. GapsAndBlocks asks it before it lets a
/// case manager link a form to a variance; the answer says nothing about the plan or the person.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "care-plan-variance")]
public sealed record VarianceOfAgencyQuery(string VarianceId, string AgencyId) : IContractQuery<bool>;

/// <summary>
/// The person whose plan, led by the agency, carries the variance: GapsAndBlocks' anonymity guard asks it
/// for a form linked to the variance, so that person's given name alone is refused in the form. Null when
/// the agency leads no plan with that variance. The id stays inside the guard; nothing is stored.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "care-plan-variance")]
public sealed record PersonOfVarianceQuery(string VarianceId, string AgencyId) : IContractQuery<Guid?>;
