using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.InterAgency;
using MediatR;

namespace IntegratedCare.Protocols.Application.InterAgency.GetProtocol;

[Authorize]
[Audit(AuditAction.Read, "protocol")]
public sealed record GetProtocolQuery(string ProtocolId) : IQuery<InterAgencyProtocolDto>;

internal sealed class GetProtocolValidator : AbstractValidator<GetProtocolQuery>
{
    public GetProtocolValidator() => RuleFor(x => x.ProtocolId).MustBeId();
}

internal sealed class GetProtocolHandler(IInterAgencyProtocolRepository protocols, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<GetProtocolQuery, InterAgencyProtocolDto>
{
    public async Task<InterAgencyProtocolDto> Handle(GetProtocolQuery request, CancellationToken cancellationToken) =>
        InterAgencyProtocolDto.From(await ProtocolTerms.LoadAsync(protocols, request.ProtocolId, audit, cancellationToken), clock.GetUtcNow());
}
