using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.Protocols.Application.Governance;

/// <summary>One line of a person's disclosure log: who, for which agency, did what to their record, when, on what basis, and whether it was allowed.</summary>
public sealed record DisclosureLogEntryDto(
    Guid Id,
    DateTimeOffset OccurredAt,
    string ActorId,
    string ActorKind,
    string? AgencyId,
    string Roles,
    AuditAction Action,
    string Operation,
    string ResourceType,
    string? ResourceId,
    string? Purpose,
    string? Basis,
    AuditOutcome Outcome,
    string? OutcomeDetail,
    string CorrelationId)
{
    public static DisclosureLogEntryDto From(AuditRecord r) => new(
        r.Id, r.OccurredAt, r.ActorId, r.ActorKind, r.AgencyId, r.Roles, r.Action, r.Operation, r.ResourceType, r.ResourceId,
        r.Purpose, r.Basis, r.Outcome, r.OutcomeDetail, r.CorrelationId);
}

/// <summary>A page of the log, and the instant it was read as of: pass it back with the next page token.</summary>
public sealed record DisclosureLogPage(IReadOnlyList<DisclosureLogEntryDto> Entries, string NextPageToken, int TotalSize, DateTimeOffset AsOf);
