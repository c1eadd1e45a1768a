using IntegratedCare.Assessment.Application;
using IntegratedCare.Assessment.Application.Assessments;
using IntegratedCare.Assessment.Domain.Assessments;
using IntegratedCare.Assessment.Domain.ServiceUsers;
using IntegratedCare.Assessment.Infrastructure.Grpc;
using IntegratedCare.Assessment.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.Assessment.Infrastructure;

/// <summary>The Assessment module's one registration entry point.</summary>
public static class AssessmentModule
{
    public static IServiceCollection AddAssessmentModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AssessmentDbContext, Persistence.PostgreSql.AssessmentPostgreSqlContext>(AssessmentDbContext.Module);
        services.AddScoped<IServiceUserRepository, ServiceUserRepository>();
        services.AddScoped<IAssessmentRepository, AssessmentRepository>();
        services.AddScoped<DisclosureGate>();
        services.AddScoped<IntegratedCare.Protocols.Contracts.ICareRelationshipFacts, Application.ServiceUsers.RegisterCareFacts.RegisterCareFacts>();
        services.AddScoped<AssessmentAccess>();
        services.AddSingleton<IDomainEventTranslator, AssessmentEventTranslator>();
        services.AddModuleAssemblies(configuration, typeof(AssessmentEventTranslator).Assembly, typeof(AssessmentModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapAssessmentModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ServiceUserGrpcService>();
        endpoints.MapGrpcService<AssessmentGrpcService>();
        return endpoints;
    }
}
