using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Consents;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents;

/// <summary>
/// Who sees a person's consents. The agencies that hold the person's record (registering, leading the
/// assessment or the plan) see every consent that affects the person, whoever recorded it; another agency
/// in a care relationship sees those it recorded and those that name it. An agency with no care
/// relationship is told neither the consent nor the person exists. A system administrator sees all.
/// </summary>
internal static class ConsentAccess
{
    public static async Task<Consent> LoadVisibleAsync(
        IConsentRepository consents, IMediator mediator, string consentId, Actor actor, IAuditScope audit, CancellationToken cancellationToken)
    {
        var id = new ConsentId(Guid.Parse(consentId));
        audit.Resource(id.ToString());
        var consent = await consents.FindAsync(id, cancellationToken);
        if (consent is null)
        {
            throw new NotFoundException("Consent", id.ToString());
        }

        var visible = await VisibilityAsync(mediator, consent.ServiceUserId, actor, cancellationToken);
        if (visible is null || !visible(consent))
        {
            throw new NotFoundException("Consent", id.ToString());
        }

        audit.ServiceUser(consent.ServiceUserId.ToString("D"));
        return consent;
    }

    /// <summary>Which of the person's consents the caller may see; null when it may see none because it has no care relationship.</summary>
    public static async Task<Func<Consent, bool>?> VisibilityAsync(IMediator mediator, Guid serviceUserId, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Kind == ActorKind.System || actor.IsInRole(Roles.SystemAdmin))
        {
            return _ => true;
        }

        if (!Guid.TryParse(actor.AgencyId, out var agency))
        {
            return null;
        }

        var relationship = await mediator.Send(new CareRelationshipQuery(serviceUserId.ToString("D"), agency.ToString("D")), cancellationToken);
        if (!relationship.Any)
        {
            return null;
        }

        return relationship.HoldsRecord
            ? _ => true
            : c => c.RecordingAgencyId.Value == agency || c.Provisions.Any(p => p.AgencyIds.Contains(agency));
    }
}
