using FluentValidation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;

namespace IntegratedCare.Protocols.Application.Referrals.ReferralsReceived;

internal sealed class ReferralsReceivedValidator : AbstractValidator<ReferralsReceivedQuery>
{
    public ReferralsReceivedValidator() =>
        RuleFor(x => x.To).Must((q, to) => to > q.From).WithMessage("must be after from");
}

internal sealed class ReferralsReceivedHandler(IReferralRepository referrals) : IRequestHandler<ReferralsReceivedQuery, IReadOnlyList<ReceivedReferral>>
{
    public async Task<IReadOnlyList<ReceivedReferral>> Handle(ReferralsReceivedQuery request, CancellationToken cancellationToken) =>
        [.. (await referrals.ReceivedBetweenAsync(request.From, request.To, cancellationToken))
            .Select(r => new ReceivedReferral(
                r.Id.Value, r.ServiceUserId, r.ToAgencyId.Value, r.RequestedAt,
                r.Status is ReferralStatus.Rejected or ReferralStatus.Cancelled or ReferralStatus.Expired,
                r.Status is ReferralStatus.Requested or ReferralStatus.Received or ReferralStatus.Accepted))];
}
