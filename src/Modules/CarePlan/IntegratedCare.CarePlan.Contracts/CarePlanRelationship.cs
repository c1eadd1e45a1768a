using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.CarePlan.Contracts;

/// <summary>
/// How an agency takes part in a person's care plans: whether it leads one, and whether it is on the care
/// team of one (an action of its accepted or in progress). Protocols asks it to decide a care relationship.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "care-plan")]
public sealed record CarePlanRelationshipQuery(string ServiceUserId, string AgencyId) : IContractQuery<CarePlanRelationship>;

public sealed record CarePlanRelationship(bool LeadsPlan, bool OnCareTeam);
