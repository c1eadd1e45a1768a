using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using MediatR;

namespace IntegratedCare.BuildingBlocks.Application.Idempotency;

/// <summary>
/// A create a client may retry safely: with the same <see cref="RequestId"/> (an idempotency key, a UUID
/// is best), the same caller gets the first call's result for at least 24 hours instead of a duplicate.
/// </summary>
public interface IIdempotentCommand
{
    /// <summary>Optional; 1–100 characters of letters, digits and <c>. _ : -</c>.</summary>
    string? RequestId { get; }
}

/// <summary>A first result kept for its key: what the handler returned, and what its audit record named.</summary>
public sealed record KeptResult(string Fingerprint, string Response, string? ResourceId, string? ServiceUserId);

/// <summary>The store of idempotency keys; a key is written in the same transaction as the create it answers.</summary>
public interface IIdempotencyStore
{
    Task<KeptResult?> FindAsync(string scope, string requestId, DateTimeOffset notBefore, CancellationToken cancellationToken);

    void Keep(string scope, string requestId, KeptResult result, DateTimeOffset at);
}

public static partial class IdempotencyKeys
{
    /// <summary>How long a key answers retries. Keys older than twice this are deleted as new ones are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    public static partial Regex Valid();
}

/// <summary>
/// Innermost in the pipeline, inside the unit of work: a retried create with a known key returns the first
/// result (audited as a replay) and changes nothing; a new key is kept with the result, in the create's own
/// transaction, so a create that committed always has its key and one that rolled back never does. The
/// single write lock orders two concurrent retries: the second finds the first's key.
/// </summary>
public sealed class IdempotencyBehavior<TRequest, TResponse>(IIdempotencyStore store, ICurrentActor currentActor, AuditScope audit, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General) { Converters = { new JsonStringEnumConverter() } };

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IIdempotentCommand { RequestId: { Length: > 0 } requestId })
        {
            return await next();
        }

        if (!IdempotencyKeys.Valid().IsMatch(requestId))
        {
            throw new RequestValidationException("request_id", "must be 1 to 100 letters, digits or . _ : - (a UUID is best)");
        }

        var actor = currentActor.Required;
        // The request's name, not its namespace: moving a use case to another folder must not forget its keys.
        var scope = $"{typeof(TRequest).Name}|{actor.Id}|{actor.AgencyId}";
        var fingerprint = Fingerprint(request);
        var now = clock.GetUtcNow();
        if (await store.FindAsync(scope, requestId, now - IdempotencyKeys.Retention, cancellationToken) is { } kept)
        {
            if (kept.Fingerprint != fingerprint)
            {
                throw new RequestValidationException("request_id", "was used within 24 hours for a different request: use a new request_id for a new request");
            }

            if (audit.Current is { } entry)
            {
                entry.ResourceId = kept.ResourceId;
                entry.ServiceUserId = kept.ServiceUserId;
                entry.Basis = $"replay of request_id {requestId}: the first result, nothing changed";
            }

            return JsonSerializer.Deserialize<TResponse>(kept.Response, Json)!;
        }

        var response = await next();
        store.Keep(scope, requestId, new KeptResult(fingerprint, JsonSerializer.Serialize(response, Json), audit.Current?.ResourceId, audit.Current?.ServiceUserId), now);
        return response;
    }

    private static string Fingerprint(TRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, Json))));
}
