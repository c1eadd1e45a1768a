using AutoMapper;
using Google.Protobuf.WellKnownTypes;
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
using Domain = IntegratedCare.Protocols.Domain;
using V1 = IntegratedCare.Protocols.V1;

namespace IntegratedCare.Protocols.Infrastructure.Grpc;

/// <summary>Proto ↔ application types. Enum numbers match by design; UNSPECIFIED becomes "not given".</summary>
internal sealed class ProtocolsMappingProfile : Profile
{
    public ProtocolsMappingProfile()
    {
        CreateMap<DateTimeOffset, Timestamp>().ConvertUsing(d => Timestamp.FromDateTimeOffset(d));
        CreateMap<DateTimeOffset?, Timestamp?>().ConvertUsing(d => d.HasValue ? Timestamp.FromDateTimeOffset(d.Value) : null);

        CreateMap<V1.AgencyType, Domain.Agencies.AgencyType?>()
            .ConvertUsing(v => v == V1.AgencyType.Unspecified ? null : (Domain.Agencies.AgencyType)(int)v);
        CreateMap<Domain.Agencies.AgencyType, V1.AgencyType>().ConvertUsing(v => (V1.AgencyType)(int)v);
        CreateMap<Domain.Agencies.AgencyStatus, V1.AgencyStatus>().ConvertUsing(v => (V1.AgencyStatus)(int)v);
        CreateMap<V1.AreaKind, Domain.Areas.AreaKind?>()
            .ConvertUsing(v => v == V1.AreaKind.Unspecified ? null : (Domain.Areas.AreaKind)(int)v);
        CreateMap<Domain.Areas.AreaKind, V1.AreaKind>().ConvertUsing(v => (V1.AreaKind)(int)v);

        // Requests → commands and queries.
        CreateMap<V1.AgencyContact, AgencyContactInput>();
        CreateMap<V1.RegisterAgencyRequest, RegisterAgencyCommand>();
        CreateMap<V1.GetAgencyRequest, GetAgencyQuery>();
        CreateMap<V1.ListAgenciesRequest, ListAgenciesQuery>();
        CreateMap<V1.UpdateAgencyRequest, UpdateAgencyCommand>();
        CreateMap<V1.DeactivateAgencyRequest, DeactivateAgencyCommand>();
        CreateMap<V1.RehabilitationCoordinator, RehabilitationCoordinatorInput>();
        CreateMap<V1.CreateAreaRequest, CreateAreaCommand>();
        CreateMap<V1.GetAreaRequest, GetAreaQuery>();
        CreateMap<V1.ListAreasRequest, ListAreasQuery>();

        // Results → replies.
        CreateMap<AgencyContactDto, V1.AgencyContact>();
        CreateMap<AgencyDto, V1.Agency>();
        CreateMap<Page<AgencyDto>, V1.ListAgenciesResponse>()
            .ForMember(d => d.Agencies, o => o.MapFrom(s => s.Items));
        CreateMap<RehabilitationCoordinatorDto, V1.RehabilitationCoordinator>();
        CreateMap<AreaDto, V1.Area>();
        CreateMap<Page<AreaDto>, V1.ListAreasResponse>()
            .ForMember(d => d.Areas, o => o.MapFrom(s => s.Items));
    }
}
