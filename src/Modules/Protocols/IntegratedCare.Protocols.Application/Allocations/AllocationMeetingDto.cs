namespace IntegratedCare.Protocols.Application.Allocations;

public sealed record AllocationMeetingDto(string AllocationMeetingId, string AreaId, string HeldOn, IReadOnlyList<string> AttendeeAgencyIds, IReadOnlyList<AllocationItemDto> Items);
