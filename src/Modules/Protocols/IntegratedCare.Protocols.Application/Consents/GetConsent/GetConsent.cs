using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Consents;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents.GetConsent;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem, Roles.SystemAdmin)]
[Audit(AuditAction.Read, "consent")]
public sealed record GetConsentQuery(string ConsentId) : IQuery<ConsentDto>;

internal sealed class GetConsentValidator : AbstractValidator<GetConsentQuery>
{
    public GetConsentValidator() => RuleFor(x => x.ConsentId).MustBeId();
}

internal sealed class GetConsentHandler(IConsentRepository consents, IMediator mediator, ICurrentActor currentActor, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<GetConsentQuery, ConsentDto>
{
    public async Task<ConsentDto> Handle(GetConsentQuery request, CancellationToken cancellationToken) =>
        ConsentDto.From(await ConsentAccess.LoadVisibleAsync(consents, mediator, request.ConsentId, currentActor.Required, audit, cancellationToken), clock.GetUtcNow());
}
