using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.InterAgency;
using MediatR;

namespace IntegratedCare.Protocols.Application.InterAgency.CreateProtocol;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Create, "protocol")]
public sealed record CreateProtocolCommand(ProtocolTermsInput Terms, string? RequestId = null) : ICommand<InterAgencyProtocolDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand, IHasProtocolTerms;

internal sealed class CreateProtocolValidator : AbstractValidator<CreateProtocolCommand>
{
    public CreateProtocolValidator() => ProtocolTerms.AddRules(this);
}

internal sealed class CreateProtocolHandler(IInterAgencyProtocolRepository protocols, IAgencyRepository agencies, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<CreateProtocolCommand, InterAgencyProtocolDto>
{
    public async Task<InterAgencyProtocolDto> Handle(CreateProtocolCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var protocol = InterAgencyProtocol.Create(await ProtocolTerms.ToTermsAsync(request.Terms, agencies, cancellationToken), now);
        protocols.Add(protocol);
        audit.Resource(protocol.Id.ToString());
        return InterAgencyProtocolDto.From(protocol, now);
    }
}
