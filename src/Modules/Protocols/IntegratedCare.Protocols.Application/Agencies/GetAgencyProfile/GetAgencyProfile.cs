using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using MediatR;

namespace IntegratedCare.Protocols.Application.Agencies.GetAgencyProfile;

internal sealed class AgencyProfileValidator : AbstractValidator<AgencyProfileQuery>
{
    public AgencyProfileValidator() => RuleFor(x => x.AgencyId).MustBeId();
}

internal sealed class AgencyProfileHandler(IAgencyRepository agencies, IAuditScope audit) : IRequestHandler<AgencyProfileQuery, AgencyProfile?>
{
    public async Task<AgencyProfile?> Handle(AgencyProfileQuery request, CancellationToken cancellationToken)
    {
        var id = new AgencyId(Guid.Parse(request.AgencyId));
        audit.Resource(id.ToString());
        var agency = await agencies.FindAsync(id, cancellationToken);
        return agency is null
            ? null
            : new AgencyProfile(agency.Id.Value, agency.Name, agency.Type.ToString(), agency.Status == AgencyStatus.Active, agency.AreaIds.Select(a => a.Value).ToList());
    }
}
