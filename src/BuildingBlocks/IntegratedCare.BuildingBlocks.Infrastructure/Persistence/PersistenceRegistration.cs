using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Persistence;

public static class PersistenceRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the scope's shared connection. Each module keeps its own tables
    /// (prefixed with the module name) and its own migrations history table.
    /// </summary>
    /// <typeparam name="TPostgreSqlContext">The same context for PostgreSQL: its own migrations, the module's schema.</typeparam>
    /// <param name="migrationOrder">
    /// When its migrations run, lowest first: the platform's tables at 0, modules by default after them;
    /// a module whose tables another's migration fills runs before it.
    /// </param>
    public static IServiceCollection AddModuleDbContext<TContext, TPostgreSqlContext>(this IServiceCollection services, string module, int migrationOrder = 1)
        where TContext : DbContext
        where TPostgreSqlContext : TContext
    {
        // Contexts are pooled: a request rents one per module and lends it the scope's connection, so it
        // does not build EF's internal services afresh each time (a tenth of a read's CPU before).
        // Each provider has its own context type, which is what keeps its migrations apart (see
        // PostgreSqlModel); every module's code asks for TContext and never learns which it got.
        services.AddSingleton(sp => Factory<TContext>(sp, DatabaseProvider.Sqlite, module));
        services.AddSingleton(sp => Factory<TPostgreSqlContext>(sp, DatabaseProvider.PostgreSql, module));
        services.AddScoped<TContext>(sp =>
        {
            var unitOfWork = sp.GetRequiredService<UnitOfWork>();
            TContext context = sp.GetRequiredService<ConnectionFactory>().Provider == DatabaseProvider.PostgreSql
                ? sp.GetRequiredService<PooledDbContextFactory<TPostgreSqlContext>>().CreateDbContext()
                : sp.GetRequiredService<PooledDbContextFactory<TContext>>().CreateDbContext();
            context.Database.SetDbConnection(unitOfWork.Connection, contextOwnsConnection: false);
            unitOfWork.Enlist(context);
            return context;
        });
        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(module, migrationOrder));
        return services;
    }

    private static PooledDbContextFactory<T> Factory<T>(IServiceProvider sp, DatabaseProvider provider, string module)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        Configure(builder, provider, module);

        // The host's logging: EF's categories (Microsoft.EntityFrameworkCore.Database.Command for the SQL)
        // follow Logging:LogLevel like any other. Parameter values stay out unless a developer turns on
        // Database:LogParameterValues, since they carry people's data.
        builder.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());

        // EF otherwise keeps each "is this log level on?" answer for a second. A host asks its own logger
        // factory every time: the answer then follows a change of Logging:LogLevel at once, and nothing
        // decided for another host in the same process (the tests run dozens) reaches this one.
        builder.ConfigureLoggingCacheTime(TimeSpan.Zero);
        if (sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.LogParameterValues)
        {
            builder.EnableSensitiveDataLogging();
        }

        return new PooledDbContextFactory<T>(builder.Options);
    }

    /// <summary>The one place the provider is chosen; design-time factories call it too. The connection is the scope's.</summary>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string module, string? connectionString = null)
    {
        var history = $"__{module.ToLowerInvariant()}_migrations";
        if (provider == DatabaseProvider.PostgreSql)
        {
            // Each module in a schema of its own, its migrations' history in it too.
            Action<Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder> npgsql =
                o => o.MigrationsHistoryTable(history, PostgreSqlModel.Schema(module));
            _ = connectionString is null ? builder.UseNpgsql(npgsql) : builder.UseNpgsql(connectionString, npgsql);
        }
        else if (connectionString is null)
        {
            builder.UseSqlite(sqlite => sqlite.MigrationsHistoryTable(history));
        }
        else
        {
            builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(history));
        }
    }

    /// <summary>For tools and tests that open a SQLite file of their own.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string connectionString, string module) =>
        Configure(builder, DatabaseProvider.Sqlite, module, connectionString);
}

/// <summary>A module's database: the host applies every module's migrations at start-up.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    int MigrationOrder { get; }

    Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext>(string module, int migrationOrder) : IModuleDatabase
    where TContext : DbContext
{
    public string Module { get; } = module;

    public int MigrationOrder { get; } = migrationOrder;

    public Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);
}
