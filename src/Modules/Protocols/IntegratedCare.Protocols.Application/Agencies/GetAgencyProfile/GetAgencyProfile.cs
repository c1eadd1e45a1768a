using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Agencies;

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

internal sealed class AreaProfileValidator : AbstractValidator<AreaProfileQuery>
{
    public AreaProfileValidator() => RuleFor(x => x.AreaId).MustBeId();
}

internal sealed class AreaProfileHandler(IAreaRepository areas, IAuditScope audit) : IRequestHandler<AreaProfileQuery, AreaProfile?>
{
    public async Task<AreaProfile?> Handle(AreaProfileQuery request, CancellationToken cancellationToken)
    {
        var id = new AreaId(Guid.Parse(request.AreaId));
        audit.Resource(id.ToString());
        var area = await areas.FindAsync(id, cancellationToken);
        return area is null ? null : new AreaProfile(area.Id.Value, area.Name, area.TimeZone, area.Coordinator.StaffId, area.Jurisdiction);
    }
}

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
