using IntegratedCare.BuildingBlocks.Contracts;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Domain.Agencies;
using MediatR;

namespace IntegratedCare.Protocols.Application.Agencies.GetAgency;

[Authorize]
[Audit(AuditAction.Read, "agency")]
public sealed record GetAgencyQuery(string AgencyId) : IQuery<AgencyDto>;

internal sealed class GetAgencyValidator : AbstractValidator<GetAgencyQuery>
{
    public GetAgencyValidator() => RuleFor(x => x.AgencyId).MustBeId();
}

internal sealed class GetAgencyHandler(IAgencyRepository agencies, IAuditScope audit) : IRequestHandler<GetAgencyQuery, AgencyDto>
{
    public async Task<AgencyDto> Handle(GetAgencyQuery request, CancellationToken cancellationToken)
    {
        var id = new AgencyId(Guid.Parse(request.AgencyId));
        audit.Resource(id.ToString());
        var agency = await agencies.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Agency", id.ToString());
        return AgencyDto.From(agency);
    }
}
