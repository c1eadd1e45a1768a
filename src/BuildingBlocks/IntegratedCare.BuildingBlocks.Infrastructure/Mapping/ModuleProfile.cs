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
        CreateMap<Timestamp?, DateTimeOffset?>().ConvertUsing(t => t == null ? null : ValidTimestamp(t).ToDateTimeOffset());

        // Ids travel in their canonical text form, calendar dates as YYYY-MM-DD; absent ones as empty strings.
        CreateMap<Guid, string>().ConvertUsing(g => g.ToString("D"));
        CreateMap<Guid?, string>().ConvertUsing(g => g.HasValue ? g.Value.ToString("D") : string.Empty);
        CreateMap<DateOnly, string>().ConvertUsing(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        CreateMap<DateOnly?, string>().ConvertUsing(d => d.HasValue ? d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
    }

    /// <summary>The earliest and latest instants a Timestamp may hold (0001-01-01 to 9999-12-31, as protobuf defines).</summary>
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>A caller's out-of-range timestamp is their mistake, named by the mediator as the field it came in.</summary>
    private static Timestamp ValidTimestamp(Timestamp t) =>
        t.Seconds is < MinSeconds or > MaxSeconds || t.Nanos is < 0 or > 999_999_999
            ? throw new InvalidTimestampException()
            : t;

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

/// <summary>A timestamp outside 0001-01-01 to 9999-12-31, or with nanos outside 0 to 999,999,999.</summary>
public sealed class InvalidTimestampException() : Exception("must be a timestamp from 0001-01-01 to 9999-12-31 with nanos from 0 to 999,999,999");
