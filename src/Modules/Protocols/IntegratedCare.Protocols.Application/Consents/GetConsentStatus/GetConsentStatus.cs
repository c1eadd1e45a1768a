using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Consents;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents.GetConsentStatus;

internal sealed class ConsentStatusValidator : AbstractValidator<ConsentStatusQuery>
{
    public ConsentStatusValidator() => RuleFor(x => x.ConsentId).MustBeId();
}

internal sealed class ConsentStatusHandler(IConsentRepository consents, IAuditScope audit, TimeProvider clock) : IRequestHandler<ConsentStatusQuery, ConsentStatusResult?>
{
    public async Task<ConsentStatusResult?> Handle(ConsentStatusQuery request, CancellationToken cancellationToken)
    {
        var id = new ConsentId(Guid.Parse(request.ConsentId));
        audit.Resource(id.ToString());
        var consent = await consents.FindAsync(id, cancellationToken);
        if (consent is null)
        {
            return null;
        }

        audit.ServiceUser(consent.ServiceUserId.ToString("D"));
        return new ConsentStatusResult(
            consent.Id.Value, consent.ServiceUserId, consent.RecordingAgencyId.Value, consent.IsInForceAt(clock.GetUtcNow()),
            consent.Provisions.Any(p => p.Type == ProvisionType.Permit));
    }
}
