using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Domain.Consents;

namespace IntegratedCare.Protocols.Application.Consents;

internal static class ConsentAccess
{
    /// <summary>
    /// A consent as the recording agency (or a system administrator) may see it. Any other agency is told
    /// it does not exist: a consent's existence says something about the person.
    /// </summary>
    public static async Task<Consent> LoadVisibleAsync(
        IConsentRepository consents, string consentId, Actor actor, IAuditScope audit, CancellationToken cancellationToken)
    {
        var id = new ConsentId(Guid.Parse(consentId));
        audit.Resource(id.ToString());
        var consent = await consents.FindAsync(id, cancellationToken);
        if (consent is null || !MaySee(actor, consent))
        {
            throw new NotFoundException("Consent", id.ToString());
        }

        audit.ServiceUser(consent.ServiceUserId.ToString("D"));
        return consent;
    }

    public static bool MaySee(Actor actor, Consent consent) =>
        actor.Kind == ActorKind.System || actor.IsInRole(Roles.SystemAdmin)
        || string.Equals(actor.AgencyId, consent.RecordingAgencyId.ToString(), StringComparison.OrdinalIgnoreCase);
}
