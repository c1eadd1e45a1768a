using IntegratedCare.Assessment.Domain.Assessments;

namespace IntegratedCare.Assessment.Application.Assessments;

public sealed record DomainFindingDto(
    NeedDomain Domain,
    NeedLevel Need,
    string Notes,
    string ContributingAgencyId,
    string ContributedBy,
    DateTimeOffset ContributedAt,
    int? ChildrenInHousehold,
    bool ChildProtectionConcern);

public sealed record RiskFlagDto(RiskFlag Flag, string Note, string RaisedByAgencyId, string RaisedBy, DateTimeOffset RaisedAt);

/// <summary>
/// An assessment as the caller may see it: the domains and risk flags the sharing decision withholds are
/// left out and listed as withheld. The recommended tier is the one fixed at completion, or while in
/// progress what the rule recommends from the domains so far.
/// </summary>
public sealed record AssessmentDto(
    string AssessmentId,
    string ServiceUserId,
    string LeadAgencyId,
    AssessmentStatus Status,
    bool IsReassessment,
    string SupersedesAssessmentId,
    string SupersededByAssessmentId,
    IReadOnlyList<DomainFindingDto> Domains,
    IReadOnlyList<NeedDomain> WithheldDomains,
    IReadOnlyList<NeedDomain> OutstandingDomains,
    IReadOnlyList<RiskFlagDto> RiskFlags,
    bool RiskFlagsWithheld,
    int RecommendedTier,
    string TierRationale,
    string AssessorName,
    string AssessorRole,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset UpdatedAt,
    long Version);
