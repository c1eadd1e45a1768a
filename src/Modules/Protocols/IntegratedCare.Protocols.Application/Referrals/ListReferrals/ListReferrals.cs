using System.Globalization;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;

namespace IntegratedCare.Protocols.Application.Referrals.ListReferrals;

public enum ReferralDirection
{
    Incoming = 1,
    Outgoing = 2,
}

/// <summary>The caller's agency's referrals, incoming or outgoing, newest first, optionally of one status.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Read, "referral")]
public sealed record ListReferralsQuery(ReferralDirection? Direction, ReferralStatus? Status, int PageSize, string PageToken) : IQuery<Page<ReferralDto>>;

public sealed record ReferralFilter(AgencyId Agency, ReferralDirection Direction, ReferralStatus? Status)
{
    public string Fingerprint() => string.Create(CultureInfo.InvariantCulture, $"referrals|{Agency}|{(int)Direction}|{(int?)Status}");
}

public interface IReferralReadStore
{
    Task<(IReadOnlyList<Referral> Items, int Total)> ListAsync(ReferralFilter filter, int offset, int limit, CancellationToken cancellationToken);
}

internal sealed class ListReferralsValidator : AbstractValidator<ListReferralsQuery>
{
    public ListReferralsValidator()
    {
        RuleFor(x => x.Direction).NotNull().WithMessage("is required").IsInEnum().WithMessage("is not a known direction");
        RuleFor(x => x.Status).IsInEnum().When(x => x.Status is not null).WithMessage("is not a known status");
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ListReferralsHandler(IReferralReadStore store, ICurrentActor currentActor, TimeProvider clock)
    : IRequestHandler<ListReferralsQuery, Page<ReferralDto>>
{
    public async Task<Page<ReferralDto>> Handle(ListReferralsQuery request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        if (!Guid.TryParse(actor.AgencyId, out var agencyId))
        {
            throw new ForbiddenException("Listing referrals needs a token that names the caller's agency.");
        }

        var filter = new ReferralFilter(new AgencyId(agencyId), request.Direction!.Value, request.Status);
        var offset = PageToken.Decode(request.PageToken, filter.Fingerprint());
        var (items, total) = await store.ListAsync(filter, offset, PageToken.PageSize(request.PageSize), cancellationToken);
        var now = clock.GetUtcNow();
        return Page<ReferralDto>.At(items.Select(r => ReferralDto.From(r, now)).ToList(), offset, total, filter.Fingerprint());
    }
}
