using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Domain.Agencies;

namespace IntegratedCare.Protocols.Application.Agencies;

internal static class AgencyAccess
{
    /// <summary>The agency a change is aimed at, named to the audit trail, once the actor is allowed to change it.</summary>
    public static async Task<Agency> LoadForChangeAsync(
        IAgencyRepository agencies, string agencyId, Actor actor, IAuditScope audit, CancellationToken cancellationToken)
    {
        var id = new AgencyId(Guid.Parse(agencyId));
        audit.Resource(id.ToString());
        var agency = await agencies.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Agency", id.ToString());
        EnsureMayChange(actor, id);
        return agency;
    }

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
