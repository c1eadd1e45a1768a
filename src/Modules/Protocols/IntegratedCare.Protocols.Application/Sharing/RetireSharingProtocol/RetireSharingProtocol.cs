using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.RetireSharingProtocol;

/// <summary>Retires a protocol: its rules permit nothing from the next decision on.</summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "sharing-protocol")]
public sealed record RetireSharingProtocolCommand(string SharingProtocolId, long ExpectedVersion) : ICommand<SharingProtocolDto>;

internal sealed class RetireSharingProtocolValidator : AbstractValidator<RetireSharingProtocolCommand>
{
    public RetireSharingProtocolValidator()
    {
        RuleFor(x => x.SharingProtocolId).MustBeId();
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("must be the version last read (0 or more)");
    }
}

internal sealed class RetireSharingProtocolHandler(SharingProtocolChange change, TimeProvider clock)
    : IRequestHandler<RetireSharingProtocolCommand, SharingProtocolDto>
{
    public Task<SharingProtocolDto> Handle(RetireSharingProtocolCommand request, CancellationToken cancellationToken) =>
        change.ApplyAsync(request.SharingProtocolId, p => p.Retire(request.ExpectedVersion, clock.GetUtcNow()), cancellationToken);
}
