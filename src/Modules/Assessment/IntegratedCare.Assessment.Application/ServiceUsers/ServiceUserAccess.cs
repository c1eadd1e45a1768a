using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.Protocols.Contracts;

namespace IntegratedCare.Assessment.Application.ServiceUsers;

internal static class ServiceUserAccess
{
    public static async Task<ServiceUser> LoadAsync(IServiceUserRepository people, string serviceUserId, IAuditScope audit, CancellationToken cancellationToken)
    {
        var id = new ServiceUserId(Guid.Parse(serviceUserId));
        audit.Resource(id.ToString());
        audit.ServiceUser(id.ToString());
        return await people.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Service user", id.ToString());
    }

    /// <summary>Identity or PERMISSION_DENIED; contact details if permitted too. The basis goes to the audit trail.</summary>
    public static async Task<ServiceUserDto> DiscloseAsync(
        ServiceUser person, AgencyProfile agency, DisclosureGate gate, IAuditScope audit, CancellationToken cancellationToken)
    {
        var owns = person.RegisteringAgencyId == agency.AgencyId;
        var identity = await gate.RequireAsync(person.Id.Value, agency, owns, DataCategories.Identity, cancellationToken);
        var contact = await gate.DecideAsync(person.Id.Value, agency, owns, DataCategories.ContactDetails, cancellationToken);
        audit.Basis(identity.Basis);
        return ServiceUserDto.From(person, contact.Permitted, identity.Basis);
    }
}
