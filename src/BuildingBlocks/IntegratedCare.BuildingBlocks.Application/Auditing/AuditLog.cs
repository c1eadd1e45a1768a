namespace IntegratedCare.BuildingBlocks.Application.Auditing;

/// <summary>
/// Which audit records to read, newest first. <paramref name="AsOf"/> bounds the listing to records that
/// had happened by then, so paging through it is stable while new records (reading the log is itself
/// audited) keep arriving.
/// </summary>
/// <param name="ServiceUserId">Only the records about this person.</param>
/// <param name="Operation">Only the records of this request (e.g. the staff sign-in).</param>
/// <param name="AgencyId">Only the records of actors acting for this agency.</param>
/// <param name="Outcome">Only records with this outcome.</param>
public sealed record AuditLogFilter(
    DateTimeOffset AsOf,
    string? ServiceUserId = null,
    string? Operation = null,
    string? AgencyId = null,
    AuditOutcome? Outcome = null);

/// <summary>
/// Reads the audit trail for those whose job is to look at it (information governance, a subject access
/// request). The records hold ids and codes only; the caller checks who may read which.
/// </summary>
public interface IAuditLog
{
    Task<(IReadOnlyList<AuditRecord> Records, int Total)> ReadAsync(AuditLogFilter filter, int offset, int take, CancellationToken cancellationToken);
}
