using IntegratedCare.Assessment.Domain.Assessments;

namespace IntegratedCare.Assessment.Application.Assessments;

public sealed record AssessmentSummaryDto(
    string AssessmentId,
    string LeadAgencyId,
    AssessmentStatus Status,
    bool IsReassessment,
    string SupersedesAssessmentId,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt);
