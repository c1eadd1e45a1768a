using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.InterAgency;
using MediatR;

namespace IntegratedCare.Protocols.Application.InterAgency.UpdateProtocol;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "protocol")]
public sealed record UpdateProtocolCommand(string ProtocolId, long ExpectedVersion, ProtocolTermsInput Terms) : ICommand<InterAgencyProtocolDto>, IHasProtocolTerms;

internal sealed class UpdateProtocolValidator : AbstractValidator<UpdateProtocolCommand>
{
    public UpdateProtocolValidator()
    {
        RuleFor(x => x.ProtocolId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        ProtocolTerms.AddRules(this);
    }
}

internal sealed class UpdateProtocolHandler(IInterAgencyProtocolRepository protocols, IAgencyRepository agencies, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<UpdateProtocolCommand, InterAgencyProtocolDto>
{
    public async Task<InterAgencyProtocolDto> Handle(UpdateProtocolCommand request, CancellationToken cancellationToken)
    {
        var protocol = await ProtocolTerms.LoadAsync(protocols, request.ProtocolId, audit, cancellationToken);
        protocol.Update(request.ExpectedVersion, await ProtocolTerms.ToTermsAsync(request.Terms, agencies, cancellationToken));
        return InterAgencyProtocolDto.From(protocol, clock.GetUtcNow());
    }
}
