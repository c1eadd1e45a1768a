using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Areas.GetAreaProfile;

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
