using AutoMapper;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Mapping;

/// <summary>
/// The base of each module's proto ↔ application profile: timestamps, and enums whose proto and domain
/// numbers match by design.
/// </summary>
public abstract class ModuleProfile : Profile
{
    protected ModuleProfile()
    {
        CreateMap<DateTimeOffset, Timestamp>().ConvertUsing(d => Timestamp.FromDateTimeOffset(d));
        CreateMap<DateTimeOffset?, Timestamp?>().ConvertUsing(d => d.HasValue ? Timestamp.FromDateTimeOffset(d.Value) : null);
        CreateMap<Timestamp?, DateTimeOffset?>().ConvertUsing(t => t == null ? null : t.ToDateTimeOffset());
    }

    /// <summary>
    /// Proto and domain enums share their numbers. A single UNSPECIFIED becomes null ("not given", which
    /// validation refuses); in a repeated field it becomes 0, which validation refuses too.
    /// </summary>
    protected void MapEnum<TProto, TDomain>()
        where TProto : struct, Enum
        where TDomain : struct, Enum
    {
        CreateMap<TProto, TDomain?>().ConvertUsing(v => Convert.ToInt32(v, null) == 0 ? null : (TDomain)Enum.ToObject(typeof(TDomain), Convert.ToInt32(v, null)));
        CreateMap<TProto, TDomain>().ConvertUsing(v => (TDomain)Enum.ToObject(typeof(TDomain), Convert.ToInt32(v, null)));
        CreateMap<TDomain, TProto>().ConvertUsing(v => (TProto)Enum.ToObject(typeof(TProto), Convert.ToInt32(v, null)));
    }
}
