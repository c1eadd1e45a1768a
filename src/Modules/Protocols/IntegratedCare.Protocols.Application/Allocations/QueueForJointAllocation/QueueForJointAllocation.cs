using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Application.Referrals;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Allocations;
using IntegratedCare.Protocols.Domain.Areas;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;

namespace IntegratedCare.Protocols.Application.Allocations.QueueForJointAllocation;

/// <summary>A party to a referral that needs more than one agency puts it on an area's joint allocation queue.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.AgencySystem)]
[Audit(AuditAction.Create, "allocation-item")]
public sealed record QueueForJointAllocationCommand(string ReferralId, string AreaId, string Reason, string? RequestId = null) : ICommand<AllocationItemDto>, IntegratedCare.BuildingBlocks.Application.Idempotency.IIdempotentCommand;

internal sealed class QueueForJointAllocationValidator : AbstractValidator<QueueForJointAllocationCommand>
{
    public QueueForJointAllocationValidator()
    {
        RuleFor(x => x.ReferralId).MustBeId();
        RuleFor(x => x.AreaId).MustBeId();
        RuleFor(x => x.Reason).RequiredText(1000);
    }
}

internal sealed class QueueForJointAllocationHandler(
    IAllocationRepository allocations,
    IReferralRepository referrals,
    IAgencyRepository agencies,
    IAreaRepository areas,
    ICurrentActor currentActor,
    IAuditScope audit,
    TimeProvider clock) : IRequestHandler<QueueForJointAllocationCommand, AllocationItemDto>
{
    public async Task<AllocationItemDto> Handle(QueueForJointAllocationCommand request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        var referral = await ReferralAccess.LoadAsync(referrals, request.ReferralId, actor, null, audit, cancellationToken);
        var area = await areas.FindAsync(new AreaId(Guid.Parse(request.AreaId)), cancellationToken)
            ?? throw new RequestValidationException("area_id", "no area has this id");
        var from = await agencies.FindAsync(referral.FromAgencyId, cancellationToken);
        var to = await agencies.FindAsync(referral.ToAgencyId, cancellationToken);
        if (!(from?.AreaIds.Contains(area.Id) ?? false) && !(to?.AreaIds.Contains(area.Id) ?? false))
        {
            throw new RequestValidationException("area_id", "neither party to the referral serves this area");
        }

        var now = clock.GetUtcNow();
        var queuedBy = string.Equals(actor.AgencyId, referral.FromAgencyId.ToString(), StringComparison.OrdinalIgnoreCase)
            ? referral.FromAgencyId
            : referral.ToAgencyId;
        var item = AllocationItem.Queue(referral, area.Id, queuedBy, await allocations.IsQueuedAsync(referral.Id, cancellationToken), request.Reason, now);
        allocations.Add(item);
        audit.Resource(item.Id.ToString());
        return AllocationItemDto.From(item, now);
    }
}
