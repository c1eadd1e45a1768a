using IntegratedCare.CarePlan.Domain.Plans;

namespace IntegratedCare.CarePlan.Application.Plans;

public sealed record StageTimeDto(PathwayStage Stage, DateTimeOffset EnteredAt, double DaysSpent);

/// <summary>
/// A plan as the caller may see it. <see cref="WithheldDomains"/> lists the need domains whose goals,
/// progress and scores the sharing decision withholds from the caller's agency.
/// </summary>
public sealed record CarePlanDto(
    string CarePlanId,
    string ServiceUserId,
    int Episode,
    string SourceAssessmentId,
    int RecommendedTier,
    string LeadAgencyId,
    string LeadCaseManager,
    CarePlanStatus Status,
    Participation Participation,
    IReadOnlyList<Goal> Goals,
    IReadOnlyList<PlanAction> Actions,
    IReadOnlyList<TeamMember> Team,
    IReadOnlyList<Variance> Variances,
    IReadOnlyList<Review> Reviews,
    PathwayStage Stage,
    IReadOnlyList<StageTimeDto> Pathway,
    int ReviewIntervalWeeks,
    DateOnly? NextReviewDue,
    string ExitReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<Guid> TeamAgencyIds,
    IReadOnlyList<NeedDomain> WithheldDomains,
    long Version)
{
    /// <summary>The Treatment Outcomes Profiles taken, in order; a part the caller may not see is null in each.</summary>
    public IReadOnlyList<TreatmentOutcomesProfile> OutcomeProfiles { get; init; } = [];

    /// <summary>The parts of the profiles the sharing decision withholds from the caller.</summary>
    public IReadOnlyList<TopSection> WithheldOutcomeSections { get; init; } = [];

    internal static CarePlanDto From(IntegratedCarePlan plan, DateTimeOffset now) => new(
        plan.Id.ToString(),
        plan.ServiceUserId.ToString("D"),
        plan.Episode,
        plan.SourceAssessmentId?.ToString("D") ?? string.Empty,
        plan.RecommendedTier,
        plan.LeadAgencyId.ToString("D"),
        plan.LeadCaseManager,
        plan.Status,
        plan.Participation,
        plan.Goals,
        plan.Actions,
        plan.Team,
        plan.Variances,
        plan.Reviews,
        plan.Stage,
        plan.TimeInStages(now).Select(s => new StageTimeDto(s.Stage, s.EnteredAt, Math.Round(s.Spent.TotalDays, 2))).ToList(),
        plan.ReviewIntervalWeeks,
        plan.NextReviewDue,
        plan.ExitReason,
        plan.CreatedAt,
        plan.UpdatedAt,
        plan.ClosedAt,
        plan.TeamAgencyIds.ToList(),
        [],
        plan.Version)
    {
        OutcomeProfiles = plan.OutcomeProfiles.ToList(),
    };
}
