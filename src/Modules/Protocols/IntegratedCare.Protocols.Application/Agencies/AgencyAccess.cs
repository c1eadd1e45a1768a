using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Domain.Agencies;

namespace IntegratedCare.Protocols.Application.Agencies;

internal static class AgencyAccess
{
    /// <summary>A system administrator may change any agency; an agency administrator only their own.</summary>
    public static void EnsureMayChange(Actor actor, AgencyId agencyId)
    {
        if (actor.Kind == ActorKind.System || actor.IsInRole(Roles.SystemAdmin))
        {
            return;
        }

        if (actor.IsInRole(Roles.AgencyAdmin) && string.Equals(actor.AgencyId, agencyId.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        throw new ForbiddenException("An agency administrator may change only their own agency.");
    }
}
