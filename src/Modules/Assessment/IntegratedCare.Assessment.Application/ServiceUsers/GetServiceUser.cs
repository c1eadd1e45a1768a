using FluentValidation;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.ServiceUsers;

/// <summary>
/// A person's identity, disclosed when the sharing decision permits the caller's agency the identity
/// category (the registering agency always may); contact details and address only under contact-details.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "service-user")]
public sealed record GetServiceUserQuery(string ServiceUserId) : IQuery<ServiceUserDto>;

internal sealed class GetServiceUserValidator : AbstractValidator<GetServiceUserQuery>
{
    public GetServiceUserValidator() => RuleFor(x => x.ServiceUserId).MustBeId();
}

internal sealed class GetServiceUserHandler(IServiceUserRepository people, RequestCallerAgency caller, DisclosureGate gate, IAuditScope audit)
    : IRequestHandler<GetServiceUserQuery, ServiceUserDto>
{
    public async Task<ServiceUserDto> Handle(GetServiceUserQuery request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var person = await ServiceUserAccess.LoadAsync(people, request.ServiceUserId, audit, cancellationToken);
        return await ServiceUserAccess.DiscloseAsync(person, agency, gate, audit, cancellationToken);
    }
}

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
