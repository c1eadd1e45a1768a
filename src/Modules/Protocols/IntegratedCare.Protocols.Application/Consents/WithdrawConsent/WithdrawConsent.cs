using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Consents;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents.WithdrawConsent;

/// <summary>The person withdraws a consent. It stops permitting at once; the agencies it named are told.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem, Roles.SystemAdmin)]
[Audit(AuditAction.Update, "consent")]
public sealed record WithdrawConsentCommand(string ConsentId, long ExpectedVersion, string Reason) : ICommand<ConsentDto>;

internal sealed class WithdrawConsentValidator : AbstractValidator<WithdrawConsentCommand>
{
    public WithdrawConsentValidator()
    {
        RuleFor(x => x.ConsentId).MustBeId();
        RuleFor(x => x.ExpectedVersion).MustBeAVersion();
        RuleFor(x => x.Reason).RequiredText(500);
    }
}

/// <remarks>
/// Withdrawal is as easy as giving: any agency in a care relationship that sees the consent may record
/// it, staff or system. Withdrawing a deny lets data flow again, so it is taken like a permit: by staff
/// of an agency that holds the record, and never by an agency the deny names.
/// </remarks>
internal sealed class WithdrawConsentHandler(IConsentRepository consents, IMediator mediator, ICurrentActor currentActor, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<WithdrawConsentCommand, ConsentDto>
{
    public async Task<ConsentDto> Handle(WithdrawConsentCommand request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        var consent = await ConsentAccess.LoadVisibleAsync(consents, mediator, request.ConsentId, actor, audit, cancellationToken);
        if (consent.Provisions.Any(p => p.Type == ProvisionType.Deny))
        {
            await ConsentAccess.EnsureMayLiftDenyAsync(mediator, consent, actor, cancellationToken);
        }

        var now = clock.GetUtcNow();
        consent.Withdraw(request.ExpectedVersion, request.Reason, now);
        return ConsentDto.From(consent, now);
    }
}
