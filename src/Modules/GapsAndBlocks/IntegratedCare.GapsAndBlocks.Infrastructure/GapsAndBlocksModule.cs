using IntegratedCare.BuildingBlocks.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.GapsAndBlocks.Infrastructure;

/// <summary>
/// The GapsAndBlocks module's one registration entry point. The module's aggregates, database and gRPC
/// service arrive with issue #6; the host already composes it, so they plug in here without
/// touching the host.
/// </summary>
public static class GapsAndBlocksModule
{
    public static IServiceCollection AddGapsAndBlocksModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleAssemblies(configuration, typeof(GapsAndBlocksModule).Assembly);

    public static IEndpointRouteBuilder MapGapsAndBlocksModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
