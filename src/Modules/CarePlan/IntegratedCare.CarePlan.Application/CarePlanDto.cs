using IntegratedCare.CarePlan.Domain.Plans;

namespace IntegratedCare.CarePlan.Application;

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
    public static CarePlanDto From(IntegratedCarePlan plan, DateTimeOffset now) => new(
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
        plan.Version);
}

/// <summary>One kept version of a plan: who changed it, when and why, and the plan as it then stood.</summary>
public sealed record CarePlanVersionRecord(long Position, Guid CarePlanId, long Version, DateTimeOffset At, string By, string Why, CarePlanDto Plan);

/// <summary>Every version of every plan, in commit order. The change feed reads it by position.</summary>
public interface ICarePlanHistory
{
    void Record(IntegratedCarePlan plan, string by, string why, DateTimeOffset at);

    /// <summary>The plan as it stood at <paramref name="at"/>: the last version kept at or before it.</summary>
    Task<CarePlanVersionRecord?> AsOfAsync(CarePlanId id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A page of the plan's versions, oldest first (who, when and why; not the plans), and how many there are.</summary>
    Task<(IReadOnlyList<Plans.CarePlanVersionDto> Versions, int Total)> VersionsAsync(CarePlanId id, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Versions after <paramref name="position"/> whose plan the agency took part in then, oldest first.</summary>
    Task<IReadOnlyList<CarePlanVersionRecord>> AfterAsync(long position, Guid agencyId, int limit, CancellationToken cancellationToken);

    /// <summary>The last position kept: a follower starting "now" resumes from it.</summary>
    Task<long> LastPositionAsync(CancellationToken cancellationToken);
}
