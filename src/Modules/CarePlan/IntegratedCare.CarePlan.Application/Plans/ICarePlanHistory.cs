using IntegratedCare.CarePlan.Domain.Plans;

namespace IntegratedCare.CarePlan.Application.Plans;

/// <summary>One kept version of a plan: who changed it, when and why, and the plan as it then stood.</summary>
public sealed record CarePlanVersionRecord(long Position, Guid CarePlanId, long Version, DateTimeOffset At, string By, string Why, CarePlanDto Plan);

/// <summary>Every version of every plan, in commit order. The change feed reads it by position.</summary>
internal interface ICarePlanHistory
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
