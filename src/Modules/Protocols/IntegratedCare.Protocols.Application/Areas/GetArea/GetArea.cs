using IntegratedCare.BuildingBlocks.Contracts;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Areas.GetArea;

[Authorize]
[Audit(AuditAction.Read, "area")]
public sealed record GetAreaQuery(string AreaId) : IQuery<AreaDto>;

internal sealed class GetAreaValidator : AbstractValidator<GetAreaQuery>
{
    public GetAreaValidator() => RuleFor(x => x.AreaId).MustBeId();
}

internal sealed class GetAreaHandler(IAreaRepository areas, IAuditScope audit) : IRequestHandler<GetAreaQuery, AreaDto>
{
    public async Task<AreaDto> Handle(GetAreaQuery request, CancellationToken cancellationToken)
    {
        var id = new AreaId(Guid.Parse(request.AreaId));
        audit.Resource(id.ToString());
        var area = await areas.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Area", id.ToString());
        return AreaDto.From(area);
    }
}
