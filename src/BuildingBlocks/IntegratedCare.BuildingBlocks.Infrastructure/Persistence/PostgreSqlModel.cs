using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// What a module's model becomes on PostgreSQL. Every module has a small subclass of its context for
/// PostgreSQL (so each provider keeps its own migrations) whose model is the module's own with this applied:
/// the module's tables in a schema of its own, JSON columns as <c>jsonb</c>, and SQLite's NOCASE as an ICU
/// case-insensitive collation. Nothing else differs: names, keys, indexes and filters are the same.
/// </summary>
public static class PostgreSqlModel
{
    /// <summary>ICU, "und-u-ks-level2": equal when only case differs; in <c>public</c>, which every search path has.</summary>
    public const string CaseInsensitive = "case_insensitive";

    public static string Schema(string module) => module.ToLowerInvariant();

    public static void Apply(ModelBuilder modelBuilder, string module)
    {
        modelBuilder.HasDefaultSchema(Schema(module));
        var caseInsensitive = false;
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.GetValueConverter() is JsonColumn.IJsonConverter)
            {
                property.SetColumnType("jsonb");
            }

            if (string.Equals(property.GetCollation(), "NOCASE", StringComparison.OrdinalIgnoreCase))
            {
                property.SetCollation(CaseInsensitive);
                caseInsensitive = true;
            }
        }

        if (caseInsensitive)
        {
            modelBuilder.HasCollation("public", CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        }
    }
}
