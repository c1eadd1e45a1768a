using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Sharing;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.GetSharingProtocol;

[Authorize]
[Audit(AuditAction.Read, "sharing-protocol")]
public sealed record GetSharingProtocolQuery(string SharingProtocolId) : IQuery<SharingProtocolDto>;

internal sealed class GetSharingProtocolValidator : AbstractValidator<GetSharingProtocolQuery>
{
    public GetSharingProtocolValidator() => RuleFor(x => x.SharingProtocolId).MustBeId();
}

internal sealed class GetSharingProtocolHandler(ISharingProtocolRepository protocols, IAuditScope audit)
    : IRequestHandler<GetSharingProtocolQuery, SharingProtocolDto>
{
    public async Task<SharingProtocolDto> Handle(GetSharingProtocolQuery request, CancellationToken cancellationToken)
    {
        var id = new SharingProtocolId(Guid.Parse(request.SharingProtocolId));
        audit.Resource(id.ToString());
        var protocol = await protocols.FindAsync(id, cancellationToken) ?? throw new NotFoundException("Sharing protocol", id.ToString());
        return SharingProtocolDto.From(protocol);
    }
}
