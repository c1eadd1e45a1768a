using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Contracts;
using MediatR;

namespace IntegratedCare.Protocols.Application.Agencies.CallerAgency;

internal sealed class CallerAgencyHandler(ICurrentActor currentActor, IActingAgencies acting, IAuditScope audit) : IRequestHandler<CallerAgencyQuery, AgencyProfile>
{
    public async Task<AgencyProfile> Handle(CallerAgencyQuery request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(currentActor.Required.AgencyId, out var agencyId))
        {
            throw new ForbiddenException("This is done on behalf of an agency: the token must name the caller's agency.");
        }

        audit.Resource(agencyId.ToString("D"));
        var agency = await acting.FindAsync(agencyId, cancellationToken);
        return agency is { Active: true }
            ? new AgencyProfile(agency.AgencyId, agency.Name, agency.AgencyType, agency.Active, agency.AreaIds)
            : throw new ForbiddenException("The caller's agency is unknown or inactive.");
    }
}
