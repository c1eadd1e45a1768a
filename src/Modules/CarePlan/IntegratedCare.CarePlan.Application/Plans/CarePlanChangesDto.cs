namespace IntegratedCare.CarePlan.Application.Plans;

public sealed record CarePlanChangeDto(long Position, string Why, DateTimeOffset At, CarePlanDto CarePlan);

/// <summary>What a follower gets: the changes it may see, and the position to resume after (even past changes it may not see).</summary>
public sealed record CarePlanChangesDto(IReadOnlyList<CarePlanChangeDto> Changes, long ResumeAfter);
