using IntegratedCare.BuildingBlocks.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.Assessment.Infrastructure;

/// <summary>
/// The Assessment module's one registration entry point. The module's aggregates, database and gRPC
/// service arrive with issue #4; the host already composes it, so they plug in here without
/// touching the host.
/// </summary>
public static class AssessmentModule
{
    public static IServiceCollection AddAssessmentModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleAssemblies(configuration, typeof(AssessmentModule).Assembly);

    public static IEndpointRouteBuilder MapAssessmentModule(this IEndpointRouteBuilder endpoints) => endpoints;
}
