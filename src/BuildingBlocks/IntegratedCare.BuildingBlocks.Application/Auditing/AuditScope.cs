using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Application.Security;

namespace IntegratedCare.BuildingBlocks.Application.Auditing;

/// <summary>
/// Collects, per request, what the audit record will say. Requests can nest (a handler asking another
/// module a Contracts query), so entries form a stack and each request gets a record of its own.
/// </summary>
public sealed class AuditScope(ICurrentActor currentActor, TimeProvider clock) : IAuditScope
{
    private readonly Stack<Entry> _entries = new();

    public Entry? Current => _entries.Count == 0 ? null : _entries.Peek();

    public Entry Begin(AuditAttribute declaration, string operation, string? purpose)
    {
        var entry = new Entry(declaration, operation, purpose, clock.GetUtcNow());
        _entries.Push(entry);
        return entry;
    }

    public void End(Entry entry)
    {
        if (_entries.Count > 0 && ReferenceEquals(_entries.Peek(), entry))
        {
            _entries.Pop();
        }
    }

    public void Resource(string resourceId) => Require().ResourceId = resourceId;

    public void ServiceUser(string serviceUserId) => Require().ServiceUserId = serviceUserId;

    public void Basis(string basis) => Require().Basis = basis;

    public void Disclosed(string serviceUserId, string basis) => Require().Disclosures.Add((serviceUserId, basis));

    public DateTimeOffset StartedAt => Require().StartedAt;

    /// <summary>The record of a successful call, then one per further person it disclosed.</summary>
    public IEnumerable<AuditRecord> ToSuccessRecords(Entry entry)
    {
        var record = ToRecord(entry, AuditOutcome.Success, null);
        if (entry.Disclosures.Count > 0)
        {
            // A list or search: its own record names nobody (not the last person it looked at); each
            // person it disclosed gets a record of their own, with their basis.
            record = record with { ServiceUserId = null, Basis = $"disclosed {entry.Disclosures.Count} people, one record each" };
        }

        yield return record;
        foreach (var (serviceUserId, basis) in entry.Disclosures)
        {
            yield return record with { Id = Guid.NewGuid(), ServiceUserId = serviceUserId, Basis = basis };
        }
    }

    public AuditRecord ToRecord(Entry entry, AuditOutcome outcome, string? detail)
    {
        var actor = currentActor.Actor;
        return new AuditRecord(
            Guid.NewGuid(),
            entry.StartedAt,
            actor?.Id ?? "anonymous",
            actor?.Kind.ToString() ?? "Anonymous",
            actor?.AgencyId,
            actor is null ? string.Empty : string.Join(' ', actor.Roles.Order(StringComparer.Ordinal)),
            entry.Declaration.Action,
            entry.Operation,
            entry.Declaration.ResourceType,
            entry.ResourceId,
            entry.ServiceUserId,
            entry.Purpose,
            entry.Basis,
            outcome,
            detail,
            currentActor.CorrelationId);
    }

    private Entry Require() =>
        Current ?? throw new InvalidOperationException("No request is being audited in this scope.");

    public sealed class Entry(AuditAttribute declaration, string operation, string? purpose, DateTimeOffset startedAt)
    {
        public AuditAttribute Declaration { get; } = declaration;

        public string Operation { get; } = operation;

        public string? Purpose { get; } = purpose;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public string? ResourceId { get; set; }

        public string? ServiceUserId { get; set; }

        public string? Basis { get; set; }

        public List<(string ServiceUserId, string Basis)> Disclosures { get; } = [];
    }
}
