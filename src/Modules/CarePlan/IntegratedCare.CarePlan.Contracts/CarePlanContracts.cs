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
/// An action on a care plan was given to an agency: new work for that agency's staff. Ids and the due
/// date only; what the action is stays in the plan, where the sharing decision guards it.
/// </summary>
public sealed record ActionAssignedIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CarePlanId,
    Guid ActionId,
    Guid AgencyId,
    Guid LeadAgencyId,
    DateOnly DueDate) : IntegrationEvent(EventId, OccurredAt);

/// <summary>An open action passed its due date (noted once, by the deadline sweep); the lead case manager is a staff id.</summary>
public sealed record ActionOverdueIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid CarePlanId,
    Guid ActionId,
    Guid AgencyId,
    Guid LeadAgencyId,
    string LeadCaseManager,
    DateOnly DueDate) : IntegrationEvent(EventId, OccurredAt);

/// <summary>
/// Whether an action is still waiting on its agency (open and not yet past its due date noted), so a
/// reminder that it is due soon is still worth sending. False for an unknown plan or action.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "care-plan")]
public sealed record ActionStillOpenQuery(string CarePlanId, string ActionId) : IContractQuery<bool>;

/// <summary>
/// The lead case manager (a staff id) of the person's open care plan, for telling them of a change that
/// touches their caseload (a consent withdrawn). Null when the person has no open plan or it has no lead yet.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "care-plan")]
public sealed record LeadCaseManagerOfPersonQuery(string ServiceUserId) : IContractQuery<string?>;

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
