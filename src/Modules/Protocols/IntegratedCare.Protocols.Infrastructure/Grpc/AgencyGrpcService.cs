using AutoMapper;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.Protocols.Application.Agencies;
using IntegratedCare.Protocols.Application.Agencies.DeactivateAgency;
using IntegratedCare.Protocols.Application.Agencies.GetAgency;
using IntegratedCare.Protocols.Application.Agencies.ListAgencies;
using IntegratedCare.Protocols.Application.Agencies.RegisterAgency;
using IntegratedCare.Protocols.Application.Agencies.UpdateAgency;
using IntegratedCare.Protocols.Application.Areas;
using IntegratedCare.Protocols.Application.Areas.CreateArea;
using IntegratedCare.Protocols.Application.Areas.GetArea;
using IntegratedCare.Protocols.Application.Areas.ListAreas;
using IntegratedCare.Protocols.V1;
using MediatR;

namespace IntegratedCare.Protocols.Infrastructure.Grpc;

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class AgencyGrpcService(IMediator mediator, IMapper mapper) : AgencyService.AgencyServiceBase
{
    public override Task<Agency> RegisterAgency(RegisterAgencyRequest request, ServerCallContext context) =>
        Send<RegisterAgencyCommand, AgencyDto, Agency>(request, context);

    public override Task<Agency> GetAgency(GetAgencyRequest request, ServerCallContext context) =>
        Send<GetAgencyQuery, AgencyDto, Agency>(request, context);

    public override Task<ListAgenciesResponse> ListAgencies(ListAgenciesRequest request, ServerCallContext context) =>
        Send<ListAgenciesQuery, Page<AgencyDto>, ListAgenciesResponse>(request, context);

    public override Task<Agency> UpdateAgency(UpdateAgencyRequest request, ServerCallContext context) =>
        Send<UpdateAgencyCommand, AgencyDto, Agency>(request, context);

    public override Task<Agency> DeactivateAgency(DeactivateAgencyRequest request, ServerCallContext context) =>
        Send<DeactivateAgencyCommand, AgencyDto, Agency>(request, context);

    public override Task<Area> CreateArea(CreateAreaRequest request, ServerCallContext context) =>
        Send<CreateAreaCommand, AreaDto, Area>(request, context);

    public override Task<Area> GetArea(GetAreaRequest request, ServerCallContext context) =>
        Send<GetAreaQuery, AreaDto, Area>(request, context);

    public override Task<ListAreasResponse> ListAreas(ListAreasRequest request, ServerCallContext context) =>
        Send<ListAreasQuery, Page<AreaDto>, ListAreasResponse>(request, context);

    private async Task<TReply> Send<TRequest, TResult, TReply>(object message, ServerCallContext context)
        where TRequest : IRequest<TResult> =>
        mapper.Map<TReply>(await mediator.Send(mapper.Map<TRequest>(message), context.CancellationToken));
}
