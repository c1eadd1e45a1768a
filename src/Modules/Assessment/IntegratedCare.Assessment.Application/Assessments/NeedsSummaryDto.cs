using IntegratedCare.Assessment.Domain.Assessments;

namespace IntegratedCare.Assessment.Application.Assessments;

public enum NeedTrend
{
    /// <summary>Assessed once so far: nothing to compare.</summary>
    FirstAssessment = 1,
    Improved = 2,
    Unchanged = 3,
    Worsened = 4,
}

public sealed record NeedPointDto(string AssessmentId, DateTimeOffset CompletedAt, NeedLevel Need);

public sealed record DomainTrendDto(NeedDomain Domain, IReadOnlyList<NeedPointDto> Points, NeedTrend Trend);

public sealed record TierPointDto(string AssessmentId, DateTimeOffset CompletedAt, int Tier);

public sealed record NeedsSummaryDto(
    string ServiceUserId,
    IReadOnlyList<DomainTrendDto> Domains,
    IReadOnlyList<NeedDomain> WithheldDomains,
    IReadOnlyList<TierPointDto> Tiers);
