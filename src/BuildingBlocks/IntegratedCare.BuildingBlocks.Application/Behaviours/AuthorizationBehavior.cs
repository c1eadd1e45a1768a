using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using MediatR;

namespace IntegratedCare.BuildingBlocks.Application.Behaviours;

/// <summary>Checks the roles a request declares before anything is validated or read.</summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentActor currentActor)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var metadata = RequestMetadata.For(typeof(TRequest));
        var declaration = metadata.Authorize
            ?? throw new InvalidOperationException($"{metadata.Operation} declares no [Authorize]; every request must.");
        var actor = currentActor.Actor ?? throw new UnauthenticatedException();

        // The platform's own background work acts for no agency and holds no role; it is trusted.
        if (actor.Kind != ActorKind.System && declaration.Roles.Count > 0 && !actor.IsInAnyRole(declaration.Roles))
        {
            throw new ForbiddenException($"{metadata.Operation} needs one of the roles: {string.Join(", ", declaration.Roles)}.");
        }

        return next();
    }
}
