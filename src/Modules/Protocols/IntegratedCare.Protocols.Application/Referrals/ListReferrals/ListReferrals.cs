using System.Globalization;
using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;

namespace IntegratedCare.Protocols.Application.Referrals;

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

/// <summary>
/// Flags every unanswered referral past its due time, once each, and closes as expired those still
/// unanswered <paramref name="ExpireAfter"/> later; run by the platform's deadline worker. Returns how many
/// it flagged.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Execute, "referral")]
public sealed record RaiseOverdueReferralsCommand(TimeSpan ExpireAfter) : ICommand<int>
{
    /// <summary>Referrals flagged (and, apart, expired) per transaction.</summary>
    public const int Batch = 200;
}

internal sealed class RaiseOverdueReferralsHandler(IReferralRepository referrals, TimeProvider clock) : IRequestHandler<RaiseOverdueReferralsCommand, int>
{
    private const int Batch = RaiseOverdueReferralsCommand.Batch;

    public async Task<int> Handle(RaiseOverdueReferralsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var flagged = (await referrals.NewlyOverdueAsync(now, Batch, cancellationToken)).Count(r => r.MarkOverdue(now));
        foreach (var lapsed in await referrals.LapsedAsync(now - request.ExpireAfter, Batch, cancellationToken))
        {
            lapsed.ExpireIfLapsed(request.ExpireAfter, now);
        }

        return flagged;
    }
}
