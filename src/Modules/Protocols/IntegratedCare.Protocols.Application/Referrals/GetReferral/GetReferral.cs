using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;

namespace IntegratedCare.Protocols.Application.Referrals.GetReferral;

[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "referral")]
public sealed record GetReferralQuery(string ReferralId) : IQuery<ReferralDto>;

internal sealed class GetReferralValidator : AbstractValidator<GetReferralQuery>
{
    public GetReferralValidator() => RuleFor(x => x.ReferralId).MustBeId();
}

internal sealed class GetReferralHandler(IReferralRepository referrals, ICurrentActor currentActor, IAuditScope audit, TimeProvider clock)
    : IRequestHandler<GetReferralQuery, ReferralDto>
{
    public async Task<ReferralDto> Handle(GetReferralQuery request, CancellationToken cancellationToken) =>
        ReferralDto.From(await ReferralAccess.LoadAsync(referrals, request.ReferralId, currentActor.Required, null, audit, cancellationToken), clock.GetUtcNow());
}
