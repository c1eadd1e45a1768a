using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Storage conventions every module's context applies.</summary>
public static class ModelConventions
{
    /// <summary>
    /// Instants are stored as UTC ticks: SQLite cannot compare or order DateTimeOffset text, and every
    /// time is UTC by rule (docs/architecture.md, Persistence), so nothing is lost.
    /// </summary>
    public static void Apply(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configuration.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
