using IntegratedCare.BuildingBlocks.Contracts;
using System.Collections.Concurrent;
using System.Reflection;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Security;

namespace IntegratedCare.BuildingBlocks.Application.Behaviours;

/// <summary>What a request type declares about itself, read once per type.</summary>
public sealed record RequestMetadata(string Operation, AuthorizeAttribute? Authorize, AuditAttribute? Audit)
{
    private static readonly ConcurrentDictionary<Type, RequestMetadata> Cache = new();

    public static RequestMetadata For(Type requestType) => Cache.GetOrAdd(requestType, static type =>
    {
        // "IntegratedCare.Protocols.Application.Agencies.RegisterAgency.RegisterAgencyCommand" → "Protocols.RegisterAgencyCommand"
        var parts = (type.Namespace ?? string.Empty).Split('.');
        var module = parts.Length > 1 && parts[0] == "IntegratedCare" ? parts[1] + "." : string.Empty;
        return new RequestMetadata(
            module + type.Name,
            type.GetCustomAttribute<AuthorizeAttribute>(),
            type.GetCustomAttribute<AuditAttribute>());
    });
}
