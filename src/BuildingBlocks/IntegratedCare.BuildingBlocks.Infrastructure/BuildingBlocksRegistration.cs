using Microsoft.AspNetCore.DataProtection;
using IntegratedCare.BuildingBlocks.Infrastructure.Caching;
using System.Reflection;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure.Auditing;
using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
using IntegratedCare.BuildingBlocks.Infrastructure.Mapping;
using IntegratedCare.BuildingBlocks.Infrastructure.Mediation;
using IntegratedCare.BuildingBlocks.Infrastructure.Outbox;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IntegratedCare.BuildingBlocks.Infrastructure;

public static class BuildingBlocksRegistration
{
    /// <summary>Everything the modules share: persistence, pipeline, audit, outbox, token checks, gRPC plumbing.</summary>
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));

        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<StorageHealth>();
        services.AddSingleton<HostLease>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<UnitOfWork>());
        services.AddModuleDbContext<PlatformDbContext, Platform.PostgreSql.PlatformPostgreSqlContext>(PlatformDbContext.Module, migrationOrder: 0);

        // The key ring that protects sign-in cookies and anti-forgery tokens lives in the database, so a cookie
        // one host issued is read by every other behind the load balancer, and survives a restart.
        services.AddDataProtection()
            .SetApplicationName("IntegratedCare")
            .PersistKeysToDbContext<PlatformDbContext>();

        services.AddScoped<CurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());
        services.AddScoped<AuditScope>();
        services.AddScoped<IAuditScope>(sp => sp.GetRequiredService<AuditScope>());
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddSingleton<AuditWriter>();
        services.AddScoped<IOutbox, Outbox.Outbox>();
        services.AddScoped<Application.Idempotency.IIdempotencyStore, Platform.IdempotencyStore>();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();

        services.AddMediatorPipeline();
        services.AddSingleton<Calendar.WorkingCalendars>();
        services.AddSharedCache(Calendar.WorkingCalendars.CacheName, sp => sp.GetRequiredService<Calendar.WorkingCalendars>().Reload);
        services.AddScoped<Application.Caching.ISharedCaches, Caching.SharedCaches>();
        services.AddSingleton<Caching.CacheWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Caching.CacheWatcher>());
        services.AddSingleton<Application.Calendar.IWorkingCalendars>(sp => sp.GetRequiredService<Calendar.WorkingCalendars>());
        services.AddMediatorHandlers(typeof(Application.Calendar.IWorkingCalendars).Assembly);
        services.AddMediatorHandlers(typeof(BuildingBlocksRegistration).Assembly);
        services.AddIntegratedCareAuthentication(configuration);
        services.AddSingleton<ErrorMappingInterceptor>();
        services.AddSingleton<ActorInterceptor>();
        services.AddScoped<GrpcMediator>();
        return services;
    }

    /// <summary>Registers a module's handlers, validators and AutoMapper profiles.</summary>
    public static IServiceCollection AddModuleAssemblies(this IServiceCollection services, IConfiguration configuration, params Assembly[] assemblies)
    {
        foreach (var assembly in assemblies)
        {
            services.AddMediatorHandlers(assembly);
        }

        services.AddMapping(configuration, assemblies);
        return services;
    }

    /// <summary>
    /// Puts the database file in WAL mode and applies every module's migrations in their order (see <see cref="IModuleDatabase.MigrationOrder"/>).
    /// Runs at start-up (<see cref="DatabaseMigrator"/>).
    /// </summary>
    public static async Task MigrateDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        services.GetRequiredService<ConnectionFactory>().PrepareDatabase();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BuildingBlocksRegistration));
        var databases = services.GetServices<IModuleDatabase>()
            .OrderBy(d => d.MigrationOrder)
            .ThenBy(d => d.Module, StringComparer.Ordinal);
        foreach (var database in databases)
        {
            await using var scope = services.CreateAsyncScope();
            await database.MigrateAsync(scope.ServiceProvider, cancellationToken);
            logger.LogInformation("Database of module {Module} is up to date", database.Module);
        }
    }
}
