using System.Security.Claims;
using IntegratedCare.BuildingBlocks.Application.Security;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Security;

public static class ClaimsActor
{
    public const string AgencySystemKind = "agency-system";
    public const string StaffKind = "staff";

    /// <summary>
    /// The actor a validated token names, or null when it names no subject, or names a partner system
    /// without the agency it acts for. Unknown roles are ignored.
    /// </summary>
    public static Actor? From(ClaimsPrincipal principal, AuthOptions options)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = principal.FindFirst(options.SubjectClaimType)?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var roles = principal.FindAll(options.RoleClaimType)
            .Select(c => c.Value)
            .Where(Roles.All.Contains)
            .ToHashSet(StringComparer.Ordinal);
        var kind = principal.FindFirst(options.ActorKindClaimType)?.Value == AgencySystemKind || roles.Contains(Roles.AgencySystem)
            ? ActorKind.AgencySystem
            : ActorKind.Staff;
        var agency = principal.FindFirst(options.AgencyClaimType)?.Value;
        if (string.IsNullOrWhiteSpace(agency))
        {
            return kind == ActorKind.AgencySystem ? null : new Actor(subject, kind, null, roles);
        }

        return new Actor(subject, kind, agency, roles);
    }
}
