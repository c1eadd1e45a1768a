using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.BuildingBlocks.Application.Auditing;

public enum AuditOutcome
{
    Success = 1,

    /// <summary>Refused: no credentials, or not permitted.</summary>
    Denied = 2,

    /// <summary>Attempted and failed: invalid input, not found, a broken rule, a stale version, a fault.</summary>
    Failed = 3,
}

/// <summary>
/// One append-only line of the audit trail: who, on behalf of which agency, did what, when, why and with
/// what outcome. Holds ids and codes only, never names or other personal data.
/// </summary>
public sealed record AuditRecord(
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
    string? ServiceUserId,
    string? Purpose,
    string? Basis,
    AuditOutcome Outcome,
    string? OutcomeDetail,
    string CorrelationId);

/// <summary>The audit store. Records are only ever added.</summary>
public interface IAuditTrail
{
    /// <summary>
    /// Adds a record to the current unit of work: it commits or rolls back with the change. In a read, it
    /// waits for <see cref="FlushAsync"/>.
    /// </summary>
    void Append(AuditRecord record);

    /// <summary>
    /// Makes the records a read appended durable, together with those of concurrent reads (one commit for
    /// many), and returns once they are. If they cannot be written it throws: the read discloses nothing.
    /// </summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Writes a record in a transaction of its own: for refusals and failures, whose work rolled back.</summary>
    Task WriteIsolatedAsync(AuditRecord record, CancellationToken cancellationToken);
}

/// <summary>What a handler tells the audit trail about the call it is serving.</summary>
public interface IAuditScope
{
    /// <summary>The record the call created, read or changed.</summary>
    void Resource(string resourceId);

    /// <summary>The person whose data the call disclosed or changed.</summary>
    void ServiceUser(string serviceUserId);

    /// <summary>The basis of a disclosure: the consent or legal rule that permitted it.</summary>
    void Basis(string basis);

    /// <summary>
    /// One more person whose data the call disclosed (a search or list that shows several people): each
    /// gets a record of its own when the call succeeds, with the basis that permitted it.
    /// </summary>
    void Disclosed(string serviceUserId, string basis);

    /// <summary>When the request being audited started: the instant its own audit record carries.</summary>
    DateTimeOffset StartedAt { get; }
}
