using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.Assessment.Contracts;

/// <summary>
/// A Single Shared Assessment was completed. Carries needs, risks and the recommended tier — no identity
/// details. <c>CompletedBy</c> is the worker (token subject) who completed it. Need levels and domains are the proto enum names without their prefix (e.g. "HousingAndAccommodation", "High").
/// </summary>
public sealed record AssessmentCompletedIntegrationEvent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid AssessmentId,
    Guid ServiceUserId,
    Guid LeadAgencyId,
    string CompletedBy,
    IReadOnlyList<AssessedDomain> Domains,
    IReadOnlyList<string> RiskFlags,
    int RecommendedTier,
    string TierRationale,
    Guid? SupersedesAssessmentId) : IntegrationEvent(EventId, OccurredAt);

public sealed record AssessedDomain(string Domain, string Need, Guid ContributingAgencyId);

/// <summary>
/// The anonymity guard's question: which parts of <paramref name="Text"/> match a registered person's
/// name, date of birth or identifier? The answer says where and what kind, never who.
/// </summary>
[Authorize]
[Audit(AuditAction.Execute, "anonymity-check")]
public sealed record FindIdentifyingTextQuery(string Text, IReadOnlyList<Guid>? AboutPeople = null) : IContractQuery<IReadOnlyList<IdentifyingSpan>>;

public static class IdentifyingKinds
{
    public const string Name = "name";
    public const string DateOfBirth = "date-of-birth";
    public const string Identifier = "identifier";
    public const string Contact = "contact";
}

/// <summary>A stretch of the text (UTF-16 offsets) that identifies a registered person, and what kind of thing it is.</summary>
public sealed record IdentifyingSpan(int Start, int Length, string Kind);
