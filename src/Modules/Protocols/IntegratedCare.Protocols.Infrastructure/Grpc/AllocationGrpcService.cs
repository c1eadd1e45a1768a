using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
using IntegratedCare.Protocols.Application.Allocations;
using IntegratedCare.Protocols.Application.Allocations.ListAllocationQueue;
using IntegratedCare.Protocols.Application.Allocations.QueueForJointAllocation;
using IntegratedCare.Protocols.Application.Allocations.RecordAllocationMeeting;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.Protocols.Infrastructure.Grpc;

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class AllocationGrpcService(GrpcMediator mediator) : AllocationService.AllocationServiceBase
{
    public override Task<AllocationItem> QueueForJointAllocation(QueueForJointAllocationRequest request, ServerCallContext context) =>
        mediator.SendAsync<QueueForJointAllocationCommand, AllocationItemDto, AllocationItem>(request, context);

    public override Task<ListAllocationQueueResponse> ListAllocationQueue(ListAllocationQueueRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListAllocationQueueQuery, Page<AllocationItemDto>, ListAllocationQueueResponse>(request, context);

    public override Task<AllocationMeeting> RecordAllocationMeeting(RecordAllocationMeetingRequest request, ServerCallContext context) =>
        mediator.SendAsync<RecordAllocationMeetingCommand, AllocationMeetingDto, AllocationMeeting>(request, context);
}
