using IntegratedCare.BuildingBlocks.Infrastructure.Grpc;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace IntegratedCare.Host;

/// <summary>Configuration section <c>Grpc</c>.</summary>
internal sealed class GrpcLimits
{
    public const string Section = "Grpc";

    public int MaxReceiveMessageSizeBytes { get; set; } = 4 * 1024 * 1024;

    public int MaxSendMessageSizeBytes { get; set; } = 4 * 1024 * 1024;
}

internal static class GrpcHosting
{
    /// <summary>gRPC with the error and identity interceptors, reflection and the standard health service.</summary>
    public static IServiceCollection AddGrpcEndpoints(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(GrpcLimits.Section).Get<GrpcLimits>() ?? new GrpcLimits();
        services.AddGrpc(options =>
        {
            // Errors outermost, so a failure to identify the caller is mapped too.
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<ActorInterceptor>();
            options.MaxReceiveMessageSize = limits.MaxReceiveMessageSizeBytes;
            options.MaxSendMessageSize = limits.MaxSendMessageSizeBytes;
            options.EnableDetailedErrors = false;
        });
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<IntegratedCare.BuildingBlocks.Infrastructure.Outbox.OutboxLagHealthCheck>("outbox");

        // Last, after everything that calls AddGrpc: every service is bound with its request parsing guarded.
        GuardedServiceMethodProvider<object>.Register(services);
        return services;
    }

    /// <summary>Health is open to load balancers; reflection, like every service, needs a token.</summary>
    public static IEndpointRouteBuilder MapGrpcPlumbing(this IEndpointRouteBuilder endpoints)
    {
        // The embedded default's signing key exists from start-up, not from the first call, so the token
        // command and the agency simulator can mint tokens for a host nobody has called yet.
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.UsesExternalAuthority)
        {
            endpoints.ServiceProvider.GetRequiredService<LocalSigningKey>();
        }

        endpoints.MapGrpcHealthChecksService().AllowAnonymous();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}
