using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;

namespace IntegratedCare.Protocols.Application.Referrals.ActOnReferral;

/// <summary>What a party does to a referral: the receiver acknowledges, accepts, rejects or completes; the referrer cancels.</summary>
public enum ReferralAction
{
    Receive = 1,
    Accept = 2,
    Reject = 3,
    Complete = 4,
    Cancel = 5,
}

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Update, "referral")]
public sealed record ActOnReferralCommand(string ReferralId, long ExpectedVersion, ReferralAction Action, RejectionReason? RejectionReason, string Note)
    : ICommand<ReferralDto>;

internal sealed class ActOnReferralValidator : AbstractValidator<ActOnReferralCommand>
{
    public ActOnReferralValidator()
    {
        RuleFor(x => x.ReferralId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.RejectionReason).NotNull().WithMessage("is required when rejecting").IsInEnum().WithMessage("is not a known reason")
            .When(x => x.Action == ReferralAction.Reject);
        // The note is the request's outcome (complete) or reason (cancel): a refusal names that field, as the caller sent it.
        RuleFor(x => x.Note).RequiredText(2000).When(x => x.Action is ReferralAction.Complete).OverridePropertyName("outcome");
        RuleFor(x => x.Note).RequiredText(2000).When(x => x.Action is ReferralAction.Cancel).OverridePropertyName("reason");
        RuleFor(x => x.Note).OptionalText(2000).When(x => x.Action is ReferralAction.Accept or ReferralAction.Reject);
    }
}

internal sealed class ActOnReferralHandler(IReferralRepository referrals, ICurrentActor currentActor, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<ActOnReferralCommand, ReferralDto>
{
    public async Task<ReferralDto> Handle(ActOnReferralCommand request, CancellationToken cancellationToken)
    {
        var side = request.Action == ReferralAction.Cancel ? ReferralSide.Referrer : ReferralSide.Receiver;
        var referral = await ReferralAccess.LoadAsync(referrals, request.ReferralId, currentActor.Required, side, audit, cancellationToken);
        var now = clock.GetUtcNow();
        var note = request.Note ?? string.Empty;
        switch (request.Action)
        {
            case ReferralAction.Receive: referral.Receive(request.ExpectedVersion, now); break;
            case ReferralAction.Accept: referral.Accept(request.ExpectedVersion, note, now); break;
            case ReferralAction.Reject: referral.Reject(request.ExpectedVersion, request.RejectionReason!.Value, note, now); break;
            case ReferralAction.Complete: referral.Complete(request.ExpectedVersion, note, now); break;
            case ReferralAction.Cancel: referral.Cancel(request.ExpectedVersion, note, now); break;
            default: throw new ArgumentOutOfRangeException(nameof(request), request.Action, "Unknown referral action.");
        }

        return ReferralDto.From(referral, now);
    }
}
