using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents;

/// <summary>The care relationship of the caller's agency with a person, for the Protocols handlers that need one.</summary>
internal static class CareRelationships
{
    /// <summary>
    /// The relationship, or NOT_FOUND for the person when there is none and no consent permits the agency
    /// anything (or there is no such person): existence is not confirmed to strangers.
    /// </summary>
    public static async Task<CareRelationship> RequireAsync(IMediator mediator, string serviceUserId, Guid agencyId, CancellationToken cancellationToken)
    {
        var relationship = await mediator.Send(new CareRelationshipQuery(serviceUserId, agencyId.ToString("D")), cancellationToken);
        return relationship.Any ? relationship
            : relationship.KnowsOfPerson ? throw new ForbiddenException("The caller's agency has no care relationship with this person: a consent permits it to see data, not to act.")
            : throw new NotFoundException("Service user", serviceUserId, hidden: relationship.PersonExists);
    }

    /// <summary>The caller's own agency id; a token without one acts for no agency and has no care relationship.</summary>
    public static Guid AgencyOf(Actor actor, string what) =>
        Guid.TryParse(actor.AgencyId, out var agency) ? agency : throw new ForbiddenException($"{what} needs a token that names the caller's agency.");
}
