using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
using IntegratedCare.Protocols.Application.InterAgency;
using IntegratedCare.Protocols.Application.InterAgency.ChangeProtocolStatus;
using IntegratedCare.Protocols.Application.InterAgency.CreateProtocol;
using IntegratedCare.Protocols.Application.InterAgency.GetProtocol;
using IntegratedCare.Protocols.Application.InterAgency.ListProtocols;
using IntegratedCare.Protocols.Application.InterAgency.UpdateProtocol;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.Protocols.Infrastructure.Grpc;

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class ProtocolGrpcService(GrpcMediator mediator) : ProtocolService.ProtocolServiceBase
{
    public override Task<InterAgencyProtocol> CreateProtocol(CreateProtocolRequest request, ServerCallContext context) =>
        mediator.SendAsync<CreateProtocolCommand, InterAgencyProtocolDto, InterAgencyProtocol>(request, context);

    public override Task<InterAgencyProtocol> GetProtocol(GetProtocolRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetProtocolQuery, InterAgencyProtocolDto, InterAgencyProtocol>(request, context);

    public override Task<ListProtocolsResponse> ListProtocols(ListProtocolsRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListProtocolsQuery, Page<InterAgencyProtocolDto>, ListProtocolsResponse>(request, context);

    public override Task<InterAgencyProtocol> UpdateProtocol(UpdateProtocolRequest request, ServerCallContext context) =>
        mediator.SendAsync<UpdateProtocolCommand, InterAgencyProtocolDto, InterAgencyProtocol>(request, context);

    public override Task<InterAgencyProtocol> ActivateProtocol(ActivateProtocolRequest request, ServerCallContext context) =>
        mediator.SendAsync<ChangeProtocolStatusCommand, InterAgencyProtocolDto, InterAgencyProtocol>(request, context);

    public override Task<InterAgencyProtocol> ExpireProtocol(ExpireProtocolRequest request, ServerCallContext context) =>
        mediator.SendAsync<ChangeProtocolStatusCommand, InterAgencyProtocolDto, InterAgencyProtocol>(request, context);
}
