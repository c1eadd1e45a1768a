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

    /// <summary>Lifting a deny is a grant: staff of a record-holding agency the deny does not name.</summary>
    public static async Task EnsureMayLiftDenyAsync(IMediator mediator, Consent consent, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Kind == ActorKind.System || (actor.IsInRole(Roles.SystemAdmin) && actor.AgencyId is null))
        {
            return;
        }

        var agency = Guid.TryParse(actor.AgencyId, out var id) ? id : Guid.Empty;
        var relationship = await mediator.Send(new CareRelationshipQuery(consent.ServiceUserId.ToString("D"), agency.ToString("D")), cancellationToken);
        if (actor.Kind != ActorKind.Staff || !relationship.HoldsRecord
            || consent.Provisions.Any(p => p.Type == ProvisionType.Deny && p.AgencyIds.Contains(agency)))
        {
            throw new ForbiddenException(
                "Withdrawing a deny lets data flow again: it is recorded by staff of the agency holding the person's record, never by an agency the deny names.");
        }
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
