using IntegratedCare.BuildingBlocks.Application.Calendar;
using Grpc.Core;
using IntegratedCare.BuildingBlocks.Application.Paging;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
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
using IntegratedCare.Protocols.Application.Areas.UpdateArea;
using IntegratedCare.Protocols.V1;

namespace IntegratedCare.Protocols.Infrastructure.Grpc;

/// <summary>Thin adapter: proto → request → mediator → proto. No rules live here.</summary>
internal sealed class AgencyGrpcService(GrpcMediator mediator) : AgencyService.AgencyServiceBase
{
    public override Task<Agency> RegisterAgency(RegisterAgencyRequest request, ServerCallContext context) =>
        mediator.SendAsync<RegisterAgencyCommand, AgencyDto, Agency>(request, context);

    public override Task<Agency> GetAgency(GetAgencyRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetAgencyQuery, AgencyDto, Agency>(request, context);

    public override Task<ListAgenciesResponse> ListAgencies(ListAgenciesRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListAgenciesQuery, Page<AgencyDto>, ListAgenciesResponse>(request, context);

    public override Task<Agency> UpdateAgency(UpdateAgencyRequest request, ServerCallContext context) =>
        mediator.SendAsync<UpdateAgencyCommand, AgencyDto, Agency>(request, context);

    public override Task<Agency> DeactivateAgency(DeactivateAgencyRequest request, ServerCallContext context) =>
        mediator.SendAsync<DeactivateAgencyCommand, AgencyDto, Agency>(request, context);

    public override Task<Area> CreateArea(CreateAreaRequest request, ServerCallContext context) =>
        mediator.SendAsync<CreateAreaCommand, AreaDto, Area>(request, context);

    public override Task<Area> GetArea(GetAreaRequest request, ServerCallContext context) =>
        mediator.SendAsync<GetAreaQuery, AreaDto, Area>(request, context);

    public override Task<Area> UpdateArea(UpdateAreaRequest request, ServerCallContext context) =>
        mediator.SendAsync<UpdateAreaCommand, AreaDto, Area>(request, context);

    public override Task<ListAreasResponse> ListAreas(ListAreasRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListAreasQuery, Page<AreaDto>, ListAreasResponse>(request, context);

    public override Task<ListHolidayCalendarsResponse> ListHolidayCalendars(ListHolidayCalendarsRequest request, ServerCallContext context) =>
        mediator.SendAsync<ListHolidayCalendarsQuery, IReadOnlyList<HolidayCalendarDto>, ListHolidayCalendarsResponse>(request, context);

    public override Task<ListHolidayCalendarsResponse> LoadHolidays(LoadHolidaysRequest request, ServerCallContext context) =>
        mediator.SendAsync<LoadHolidaysCommand, IReadOnlyList<HolidayCalendarDto>, ListHolidayCalendarsResponse>(request, context);
}
