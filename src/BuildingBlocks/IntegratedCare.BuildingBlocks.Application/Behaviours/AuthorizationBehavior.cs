using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using MediatR;

namespace IntegratedCare.BuildingBlocks.Application.Behaviours;

/// <summary>
/// Checks the roles a request declares before anything is validated or read, and that the agency the
/// caller acts for exists and is active: a deactivated agency, or a token naming an agency nobody
/// registered, is refused on every call at once.
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentActor currentActor, IActingAgencies agencies)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var metadata = RequestMetadata.For(typeof(TRequest));
        var declaration = metadata.Authorize
            ?? throw new InvalidOperationException($"{metadata.Operation} declares no [Authorize]; every request must.");
        var actor = currentActor.Actor ?? throw new UnauthenticatedException();

        // The platform's own background work acts for no agency and holds no role; it is trusted.
        if (actor.Kind == ActorKind.System)
        {
            return await next();
        }

        if (declaration.Roles.Count > 0 && !actor.IsInAnyRole(declaration.Roles))
        {
            throw new ForbiddenException($"{metadata.Operation} needs one of the roles: {string.Join(", ", declaration.Roles)}.");
        }

        if (actor.AgencyId is not null)
        {
            var agency = Guid.TryParse(actor.AgencyId, out var agencyId) ? await agencies.FindAsync(agencyId, cancellationToken) : null;
            if (agency is not { Active: true })
            {
                throw new ForbiddenException("The caller's agency is unknown or inactive.");
            }
        }

        return await next();
    }
}
