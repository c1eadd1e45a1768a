using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Immutable value lists stored as one JSON column (enums by name, so stored rows read plainly and
/// survive reordering). The lists are replaced, never mutated, so comparing them item by item is enough.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<List<T>, string> Converter<T>() => new ListConverter<T>();

    public static ValueComparer<List<T>> Comparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        v => v.ToList());

    /// <summary>Marks the column as JSON, so PostgreSQL stores it as <c>jsonb</c> (<see cref="PostgreSqlModel"/>).</summary>
    internal sealed class ListConverter<T>() : ValueConverter<List<T>, string>(
        v => JsonSerializer.Serialize(v, Options),
        s => JsonSerializer.Deserialize<List<T>>(s, Options) ?? new List<T>()), IJsonConverter;

    internal interface IJsonConverter;
}
