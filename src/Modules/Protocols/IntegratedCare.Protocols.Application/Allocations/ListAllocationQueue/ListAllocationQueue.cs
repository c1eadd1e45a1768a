using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Allocations;
using IntegratedCare.Protocols.Domain.Areas;
using MediatR;

namespace IntegratedCare.Protocols.Application.Allocations.ListAllocationQueue;

/// <summary>
/// An area's joint allocation queue, longest waiting first, with each item's waiting time. Seen by the
/// area's co-ordinator, sub-group members, system administrators, and staff of agencies serving the area.
/// </summary>
[Authorize(Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.LineManager, Roles.CaseManager, Roles.SystemAdmin)]
[Audit(AuditAction.Read, "allocation-item")]
public sealed record ListAllocationQueueQuery(string AreaId, bool IncludeAllocated, int PageSize = 0, string PageToken = "") : IQuery<Page<AllocationItemDto>>;

internal sealed class ListAllocationQueueValidator : AbstractValidator<ListAllocationQueueQuery>
{
    public ListAllocationQueueValidator()
    {
        RuleFor(x => x.AreaId).MustBeId();
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(0).WithMessage("must not be negative");
    }
}

internal sealed class ListAllocationQueueHandler(
    IAllocationRepository allocations,
    IAreaRepository areas,
    IAgencyRepository agencies,
    ICurrentActor currentActor,
    IAuditScope audit,
    TimeProvider clock) : IRequestHandler<ListAllocationQueueQuery, Page<AllocationItemDto>>
{
    public async Task<Page<AllocationItemDto>> Handle(ListAllocationQueueQuery request, CancellationToken cancellationToken)
    {
        var areaId = new AreaId(Guid.Parse(request.AreaId));
        audit.Resource(areaId.ToString());
        var area = await areas.FindAsync(areaId, cancellationToken) ?? throw new NotFoundException("Area", areaId.ToString());
        if (!await MaySeeQueueAsync(currentActor.Required, area, cancellationToken))
        {
            throw new ForbiddenException("The queue is seen by the area's co-ordinator, sub-group members and agencies serving the area.");
        }

        var now = clock.GetUtcNow();
        var filter = $"{areaId}|{request.IncludeAllocated}";
        var offset = PageToken.Decode(request.PageToken, filter);
        var (items, total) = await allocations.QueueAsync(areaId, request.IncludeAllocated, offset, PageToken.PageSize(request.PageSize), cancellationToken);
        return Page<AllocationItemDto>.At(items.Select(i => AllocationItemDto.From(i, now)).ToList(), offset, total, filter);
    }

    private async Task<bool> MaySeeQueueAsync(Actor actor, Area area, CancellationToken cancellationToken)
    {
        if (actor.Kind == ActorKind.System || actor.IsInRole(Roles.SystemAdmin)
            || (actor.IsInRole(Roles.RehabilitationCoordinator) && actor.Id == area.Coordinator.StaffId))
        {
            return true;
        }

        // Sub-group members, like case and line managers, see the queue of the areas their agency serves.

        var agency = Guid.TryParse(actor.AgencyId, out var agencyId) ? await agencies.FindAsync(new AgencyId(agencyId), cancellationToken) : null;
        return agency is { Status: AgencyStatus.Active } && agency.AreaIds.Contains(area.Id);
    }
}
