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
    /// <param name="migrationOrder">
    /// When its migrations run, lowest first: the platform's tables at 0, modules by default after them;
    /// a module whose tables another's migration fills runs before it.
    /// </param>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module, int migrationOrder = 1)
        where TContext : DbContext
    {
        // Contexts are pooled: a request rents one per module and lends it the scope's connection, so it
        // does not build EF's internal services afresh each time (a tenth of a read's CPU before).
        services.AddSingleton(sp =>
        {
            var builder = new DbContextOptionsBuilder<TContext>();
            Configure(builder, module);

            // The host's logging: EF's categories (Microsoft.EntityFrameworkCore.Database.Command for the SQL)
            // follow Logging:LogLevel like any other. Parameter values stay out unless a developer turns on
            // Database:LogParameterValues, since they carry people's data.
            builder.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>());
            if (sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.LogParameterValues)
            {
                builder.EnableSensitiveDataLogging();
            }

            return new PooledDbContextFactory<TContext>(builder.Options);
        });
        services.AddScoped(sp =>
        {
            var unitOfWork = sp.GetRequiredService<UnitOfWork>();
            var context = sp.GetRequiredService<PooledDbContextFactory<TContext>>().CreateDbContext();
            context.Database.SetDbConnection(unitOfWork.Connection, contextOwnsConnection: false);
            unitOfWork.Enlist(context);
            return context;
        });
        services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(module, migrationOrder));
        return services;
    }

    /// <summary>The one place the provider is chosen; design-time factories call it too.</summary>
    public static void Configure(DbContextOptionsBuilder builder, string module) =>
        builder.UseSqlite(sqlite => sqlite.MigrationsHistoryTable($"__{module.ToLowerInvariant()}_migrations"));

    public static void Configure(DbContextOptionsBuilder builder, string connectionString, string module) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable($"__{module.ToLowerInvariant()}_migrations"));
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
