using System.Globalization;
using IntegratedCare.BuildingBlocks.Application.Errors;
using Microsoft.Extensions.Primitives;

namespace IntegratedCare.Host.Fhir;

/// <summary>
/// The ids a FHIR client sees. A plan's goals and actions live inside the plan, so their resources' ids carry
/// both: the plan's 32 hex digits then the goal's or action's (64 characters, the most a FHIR id may have).
/// A client never needs to take one apart; the server reads the plan from it.
/// </summary>
internal static class FhirIds
{
    public static string Join(string carePlanId, Guid part) => Guid.Parse(carePlanId).ToString("N") + part.ToString("N");

    public static (string CarePlanId, Guid Part) Split(string id, string resourceType)
    {
        if (id.Length == 64 && Guid.TryParseExact(id[..32], "N", out var plan) && Guid.TryParseExact(id[32..], "N", out var part)
            && plan.ToString("N") + part.ToString("N") == id)
        {
            return (plan.ToString("D"), part);
        }

        // An id this server never issued names nothing here.
        throw new NotFoundException(resourceType, id);
    }

    /// <summary>A plan's, person's or referral's id: a UUID as this server writes it (lower case), or else an id it never issued (404, not a validation error).</summary>
    public static string Uuid(string id, string resourceType) => IsUuid(id) ? id : throw new NotFoundException(resourceType, id);

    /// <summary>Whether the id is a UUID written as this server writes one (lower case, with hyphens).</summary>
    public static bool IsUuid(string id) => id.Length == 36 && Guid.TryParseExact(id, "D", out var uuid) && uuid.ToString("D") == id;

    /// <summary><c>If-Match: W/"7"</c> (or <c>"7"</c>): the plan version the client last saw. Required on an update.</summary>
    public static long IfMatch(StringValues header)
    {
        var value = header.Count == 1 ? header[0]!.Trim() : string.Empty;
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && long.TryParse(value[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new RequestValidationException("If-Match", header.Count == 0
            ? "is required: send the ETag of the version you changed (W/\"n\")"
            : "must be one ETag of the form W/\"n\"");
    }
}
