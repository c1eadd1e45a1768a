using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.CarePlan.Contracts;

/// <summary>
/// How an agency takes part in a person's care plans: whether it leads one (not entered in error), and
/// whether it is an active member of an open plan's care team (an action of its accepted or in progress;
/// merely proposed or declined is not). Protocols asks it to decide a care relationship.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "care-plan")]
public sealed record CarePlanRelationshipQuery(string ServiceUserId, string AgencyId) : IContractQuery<CarePlanRelationship>;

public sealed record CarePlanRelationship(bool LeadsPlan, bool OnCareTeam);
