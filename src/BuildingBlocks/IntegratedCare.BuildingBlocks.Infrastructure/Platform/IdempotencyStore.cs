using IntegratedCare.BuildingBlocks.Application.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Platform;

/// <summary>One kept first result of a create, by caller and operation (scope) and the client's request id.</summary>
public sealed class IdempotencyKeyRow
{
    public required string Scope { get; init; }

    public required string RequestId { get; init; }

    public required string Fingerprint { get; set; }

    public required string Response { get; set; }

    public string? ResourceId { get; set; }

    public string? ServiceUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotencyStore(PlatformDbContext db) : IIdempotencyStore
{
    public async Task<KeptResult?> FindAsync(string scope, string requestId, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        // Retries of one request that arrive together (on one host or several) are answered one after
        // another: the first creates, the rest find its kept result here instead of racing it to the key.
        await Persistence.TransactionLock.TakeAsync(db, $"idempotency:{scope}:{requestId}", cancellationToken);
        var row = await db.IdempotencyKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.Scope == scope && k.RequestId == requestId && k.CreatedAt >= notBefore, cancellationToken);
        return row is null ? null : new KeptResult(row.Fingerprint, row.Response, row.ResourceId, row.ServiceUserId);
    }

    public void Keep(string scope, string requestId, KeptResult result, DateTimeOffset at)
    {
        // An expired key of the same name is replaced; keys past twice the retention go with this commit.
        var stale = at - 2 * IdempotencyKeys.Retention;
        db.IdempotencyKeys.Where(k => k.CreatedAt < stale || (k.Scope == scope && k.RequestId == requestId)).ExecuteDelete();
        db.IdempotencyKeys.Add(new IdempotencyKeyRow
        {
            Scope = scope, RequestId = requestId, Fingerprint = result.Fingerprint, Response = result.Response,
            ResourceId = result.ResourceId, ServiceUserId = result.ServiceUserId, CreatedAt = at,
        });
    }
}
