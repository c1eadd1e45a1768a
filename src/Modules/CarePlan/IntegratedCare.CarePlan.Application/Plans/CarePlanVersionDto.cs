namespace IntegratedCare.CarePlan.Application.Plans;

public sealed record CarePlanVersionDto(long Position, long Version, DateTimeOffset At, string By, string Why);
