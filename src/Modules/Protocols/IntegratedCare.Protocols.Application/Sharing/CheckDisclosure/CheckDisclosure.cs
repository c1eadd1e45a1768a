using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.CheckDisclosure;

/// <summary>
/// The sharing decision as a partner asks it over the wire (<c>CheckDisclosure</c>). A refusal's reason
/// says something about the person (a consent that denies, the rule that applied), so an agency that may
/// not know of the person gets the same bare refusal as for an id nobody holds. The decision's own audit
/// record keeps the real basis.
/// </summary>
[Authorize]
[Audit(AuditAction.Execute, "disclosure-check")]
public sealed record CheckDisclosureQuery(
    string ServiceUserId,
    string AgencyId,
    string Category,
    string Purpose,
    string? OverrideBasis = null,
    string? OverrideReason = null) : IQuery<MaySeeResult>;

internal sealed class CheckDisclosureHandler(IMediator mediator, ICurrentActor currentActor) : IRequestHandler<CheckDisclosureQuery, MaySeeResult>
{
    private const string NotPermitted = "not permitted";

    public async Task<MaySeeResult> Handle(CheckDisclosureQuery request, CancellationToken cancellationToken)
    {
        var decision = await mediator.Send(
            new MaySeeQuery(request.ServiceUserId, request.AgencyId, request.Category, request.Purpose, request.OverrideBasis, request.OverrideReason), cancellationToken);
        var actor = currentActor.Required;
        var strangerAsks = !decision.Permitted && !actor.IsInRole(Roles.SystemAdmin)
            && !(await mediator.Send(new CareRelationshipQuery(request.ServiceUserId, request.AgencyId), cancellationToken)).KnowsOfPerson;
        return strangerAsks ? new MaySeeResult(false, NotPermitted, null, null, null, "deny: " + NotPermitted) : decision;
    }
}
