using IntegratedCare.Protocols.Domain.Allocations;

namespace IntegratedCare.Protocols.Application.Allocations;

public sealed record AllocationItemDto(
    string AllocationItemId,
    string AreaId,
    string ReferralId,
    string QueuedByAgencyId,
    string Reason,
    DateTimeOffset QueuedAt,
    AllocationStatus Status,
    string LeadAgencyId,
    IReadOnlyList<string> ContributingAgencyIds,
    DateTimeOffset? AllocatedAt,
    int Deferrals,
    string LastDeferralReason,
    long WaitingSeconds,
    long Version)
{
    internal static AllocationItemDto From(AllocationItem i, DateTimeOffset now) => new(
        i.Id.ToString(), i.AreaId.ToString(), i.ReferralId.ToString(), i.QueuedByAgencyId.ToString(), i.Reason, i.QueuedAt, i.Status,
        i.LeadAgencyId?.ToString() ?? string.Empty, i.ContributingAgencyIds.Select(c => c.ToString()).ToList(), i.AllocatedAt,
        i.Deferrals, i.LastDeferralReason ?? string.Empty, (long)i.WaitingTime(now).TotalSeconds, i.Version);
}
