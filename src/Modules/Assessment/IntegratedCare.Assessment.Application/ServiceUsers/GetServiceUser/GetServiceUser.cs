using FluentValidation;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Assessment.Application.ServiceUsers.GetServiceUser;

/// <summary>
/// A person's identity, disclosed when the sharing decision permits the caller's agency the identity
/// category (the registering agency always may); contact details and address only under contact-details.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem, Roles.InformationGovernance)]
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
