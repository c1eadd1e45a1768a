namespace IntegratedCare.CarePlan.Application.Plans;

public sealed record OverdueReviewDto(string CarePlanId, string ServiceUserId, string LeadCaseManager, DateOnly NextReviewDue, int DaysOverdue);
