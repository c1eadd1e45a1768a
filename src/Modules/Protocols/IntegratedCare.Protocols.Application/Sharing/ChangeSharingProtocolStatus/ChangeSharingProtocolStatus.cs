using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using MediatR;

namespace IntegratedCare.Protocols.Application.Sharing.ChangeSharingProtocolStatus;

public enum SharingProtocolTransition
{
    /// <summary>A draft with at least two signatories comes into force.</summary>
    Activate = 1,

    /// <summary>The protocol's rules permit nothing from the next decision on.</summary>
    Retire = 2,
}

[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Update, "sharing-protocol")]
public sealed record ChangeSharingProtocolStatusCommand(string SharingProtocolId, long ExpectedVersion, SharingProtocolTransition Transition)
    : ICommand<SharingProtocolDto>;

internal sealed class ChangeSharingProtocolStatusValidator : AbstractValidator<ChangeSharingProtocolStatusCommand>
{
    public ChangeSharingProtocolStatusValidator()
    {
        RuleFor(x => x.SharingProtocolId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
    }
}

internal sealed class ChangeSharingProtocolStatusHandler(SharingProtocolChange change, TimeProvider clock)
    : IRequestHandler<ChangeSharingProtocolStatusCommand, SharingProtocolDto>
{
    public Task<SharingProtocolDto> Handle(ChangeSharingProtocolStatusCommand request, CancellationToken cancellationToken) =>
        change.ApplyAsync(
            request.SharingProtocolId,
            p =>
            {
                if (request.Transition == SharingProtocolTransition.Activate)
                {
                    p.Activate(request.ExpectedVersion, clock.GetUtcNow());
                }
                else
                {
                    p.Retire(request.ExpectedVersion, clock.GetUtcNow());
                }
            },
            cancellationToken);
}
