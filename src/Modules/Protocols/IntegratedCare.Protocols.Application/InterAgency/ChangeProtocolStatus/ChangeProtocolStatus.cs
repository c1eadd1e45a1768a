using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.InterAgency;
using MediatR;

namespace IntegratedCare.Protocols.Application.InterAgency.ChangeProtocolStatus;

public enum ProtocolTransition
{
    Activate = 1,
    Expire = 2,
}

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "protocol")]
public sealed record ChangeProtocolStatusCommand(string ProtocolId, long ExpectedVersion, ProtocolTransition Transition) : ICommand<InterAgencyProtocolDto>;

internal sealed class ChangeProtocolStatusValidator : AbstractValidator<ChangeProtocolStatusCommand>
{
    public ChangeProtocolStatusValidator()
    {
        RuleFor(x => x.ProtocolId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
    }
}

internal sealed class ChangeProtocolStatusHandler(IInterAgencyProtocolRepository protocols, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<ChangeProtocolStatusCommand, InterAgencyProtocolDto>
{
    public async Task<InterAgencyProtocolDto> Handle(ChangeProtocolStatusCommand request, CancellationToken cancellationToken)
    {
        var protocol = await ProtocolTerms.LoadAsync(protocols, request.ProtocolId, audit, cancellationToken);
        if (request.Transition == ProtocolTransition.Activate)
        {
            protocol.Activate(request.ExpectedVersion);
        }
        else
        {
            protocol.Expire(request.ExpectedVersion);
        }

        return InterAgencyProtocolDto.From(protocol, clock.GetUtcNow());
    }
}
