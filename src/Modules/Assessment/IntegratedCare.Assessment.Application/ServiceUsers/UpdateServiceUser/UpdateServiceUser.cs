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

namespace IntegratedCare.Assessment.Application.ServiceUsers.UpdateServiceUser;

/// <summary>
/// Replaces a person's details with those sent, against the version last read (stale → ABORTED). The
/// registering agency keeps the record; other agencies send corrections to it.
/// </summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "service-user")]
public sealed record UpdateServiceUserCommand(string ServiceUserId, long ExpectedVersion, ServiceUserDetailsInput? Details) : ICommand<ServiceUserDto>;

internal sealed class UpdateServiceUserValidator : AbstractValidator<UpdateServiceUserCommand>
{
    public UpdateServiceUserValidator(TimeProvider clock)
    {
        RuleFor(x => x.ServiceUserId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.Details).NotNull().WithMessage("is required").SetValidator(new ServiceUserDetailsValidator(clock)!);
    }
}

internal sealed class UpdateServiceUserHandler(
    IServiceUserRepository people,
    RequestCallerAgency caller,
    DisclosureGate gate,
    IAuditScope audit,
    TimeProvider clock) : IRequestHandler<UpdateServiceUserCommand, ServiceUserDto>
{
    public async Task<ServiceUserDto> Handle(UpdateServiceUserCommand request, CancellationToken cancellationToken)
    {
        var agency = await caller.RequireActiveAsync(cancellationToken);
        var person = await ServiceUserAccess.LoadAsync(people, request.ServiceUserId, audit, cancellationToken);
        if (person.RegisteringAgencyId != agency.AgencyId)
        {
            await gate.HideFromStrangerAsync(person.Id.Value, agency, cancellationToken);
            throw new ForbiddenException("Only the agency that registered a person may change their details.");
        }

        var details = request.Details!.ToDetails();
        await Register.EnsureIdentifiersAreFreeAsync(people, details.Identifiers, person.Id, cancellationToken);
        person.Update(request.ExpectedVersion, details, clock.GetUtcNow());
        audit.Basis(DisclosureGate.OwnRecordBasis);
        return ServiceUserDto.From(person, contactDetails: true, DisclosureGate.OwnRecordBasis);
    }
}
