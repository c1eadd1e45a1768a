using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.ActivateSharingProtocol;

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "sharing-protocol")]
public sealed record ActivateSharingProtocolCommand(string SharingProtocolId, long ExpectedVersion) : ICommand<SharingProtocolDto>;

internal sealed class ActivateSharingProtocolValidator : AbstractValidator<ActivateSharingProtocolCommand>
{
    public ActivateSharingProtocolValidator()
    {
        RuleFor(x => x.SharingProtocolId).MustBeId();
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("must be the version last read (0 or more)");
    }
}

internal sealed class ActivateSharingProtocolHandler(SharingProtocolChange change, TimeProvider clock)
    : IRequestHandler<ActivateSharingProtocolCommand, SharingProtocolDto>
{
    public Task<SharingProtocolDto> Handle(ActivateSharingProtocolCommand request, CancellationToken cancellationToken) =>
        change.ApplyAsync(request.SharingProtocolId, p => p.Activate(request.ExpectedVersion, clock.GetUtcNow()), cancellationToken);
}
