using System.Globalization;
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

        // Ids travel in their canonical text form, calendar dates as YYYY-MM-DD; absent ones as empty strings.
        CreateMap<Guid, string>().ConvertUsing(g => g.ToString("D"));
        CreateMap<Guid?, string>().ConvertUsing(g => g.HasValue ? g.Value.ToString("D") : string.Empty);
        CreateMap<DateOnly, string>().ConvertUsing(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        CreateMap<DateOnly?, string>().ConvertUsing(d => d.HasValue ? d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
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
