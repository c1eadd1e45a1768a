using IntegratedCare.BuildingBlocks.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.CarePlan.Infrastructure;

/// <summary>
/// The CarePlan module's one registration entry point. The module's aggregates, database and gRPC
/// service arrive with issue #5; the host already composes it, so they plug in here without
/// touching the host.
/// </summary>
public static class CarePlanModule
{
    public static IServiceCollection AddCarePlanModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleAssemblies(configuration, typeof(CarePlanModule).Assembly);

    public static IEndpointRouteBuilder MapCarePlanModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
