using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.Assessment.Contracts;

/// <summary>
/// How an agency holds a person's record in the register: whether the person exists, whether the agency
/// registered them, and whether it leads one of their assessments. Protocols asks it to decide a care
/// relationship; it discloses nothing about the person.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "service-user")]
public sealed record RegisterRelationshipQuery(string ServiceUserId, string AgencyId) : IContractQuery<RegisterRelationship>;

public sealed record RegisterRelationship(bool PersonExists, bool Registered, bool LeadsAssessment);
