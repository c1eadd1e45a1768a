using IntegratedCare.Protocols.Application.Sharing.CheckDisclosure;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
using IntegratedCare.Protocols.Application.Sharing;
using IntegratedCare.Protocols.Application.Sharing.ChangeSharingProtocolStatus;
using IntegratedCare.Protocols.Application.Sharing.CreateSharingProtocol;
using IntegratedCare.Protocols.Application.Sharing.GetSharingProtocol;
using IntegratedCare.Protocols.Application.Sharing.ListSharingProtocols;
using IntegratedCare.Protocols.Application.Sharing.SignSharingProtocol;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.Protocols.Infrastructure.Grpc;

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class InformationSharingGrpcService(GrpcMediator mediator) : InformationSharingService.InformationSharingServiceBase
{
    public override Task<SharingProtocol> CreateSharingProtocol(CreateSharingProtocolRequest request, ServerCallContext context) =>
        mediator.SendAsync<CreateSharingProtocolCommand, SharingProtocolDto, SharingProtocol>(request, context);

    public override Task<SharingProtocol> GetSharingProtocol(GetSharingProtocolRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetSharingProtocolQuery, SharingProtocolDto, SharingProtocol>(request, context);

    public override Task<ListSharingProtocolsResponse> ListSharingProtocols(ListSharingProtocolsRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListSharingProtocolsQuery, Page<SharingProtocolDto>, ListSharingProtocolsResponse>(request, context);

    public override Task<SharingProtocol> SignSharingProtocol(SignSharingProtocolRequest request, ServerCallContext context) =>
        mediator.SendAsync<SignSharingProtocolCommand, SharingProtocolDto, SharingProtocol>(request, context);

    public override Task<SharingProtocol> ActivateSharingProtocol(ActivateSharingProtocolRequest request, ServerCallContext context) =>
        mediator.SendAsync<ChangeSharingProtocolStatusCommand, SharingProtocolDto, SharingProtocol>(request, context);

    public override Task<SharingProtocol> RetireSharingProtocol(RetireSharingProtocolRequest request, ServerCallContext context) =>
        mediator.SendAsync<ChangeSharingProtocolStatusCommand, SharingProtocolDto, SharingProtocol>(request, context);

    public override Task<DisclosureDecision> CheckDisclosure(CheckDisclosureRequest request, ServerCallContext context) =>
        mediator.SendAsync<CheckDisclosureQuery, MaySeeResult, DisclosureDecision>(request, context);
}
