using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;
using FluentValidation;

namespace IntegratedCare.Protocols.Application.Agencies.RegisterAgency;

[Authorize(Roles.SystemAdmin, Roles.AgencyAdmin)]
[Audit(AuditAction.Create, "agency")]
public sealed record RegisterAgencyCommand(
    string Name,
    AgencyType? Type,
    IReadOnlyList<string> AreaIds,
    AgencyContactInput? Contact,
    string OrganisationCode, string? RequestId = null) : ICommand<AgencyDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand, IAgencyInput;

internal sealed class RegisterAgencyValidator : AbstractValidator<RegisterAgencyCommand>
{
    public RegisterAgencyValidator() => AgencyInput.AddRules(this);
}

internal sealed class RegisterAgencyHandler(
    IAgencyRepository agencies,
    IAreaRepository areas,
    IAuditScope audit,
    TimeProvider clock) : IRequestHandler<RegisterAgencyCommand, AgencyDto>
{
    public async Task<AgencyDto> Handle(RegisterAgencyCommand request, CancellationToken cancellationToken)
    {
        var details = AgencyInput.ToDetails(request);
        await AgencyInput.EnsureAreasExistAsync(areas, details, cancellationToken);
        var nameIsTaken = await agencies.ActiveNameIsTakenAsync(details.Name, null, cancellationToken);
        var agency = Agency.Register(details, nameIsTaken, clock.GetUtcNow());
        agencies.Add(agency);
        audit.Resource(agency.Id.ToString());
        // No host's acting-agency cache can hold this agency (its id is new, and an id nobody registered is
        // never kept), so nothing is forgotten here or signalled to other hosts: the signal's version row
        // was the one place every registration on every host queued behind another's commit.
        return AgencyDto.From(agency);
    }
}
