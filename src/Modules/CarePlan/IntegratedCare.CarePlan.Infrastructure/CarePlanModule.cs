using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.CarePlan.Application;
using IntegratedCare.CarePlan.Application.Plans;
using IntegratedCare.CarePlan.Application.Plans.NoteOverdueActions;
using IntegratedCare.CarePlan.Domain.Plans;
using IntegratedCare.CarePlan.Infrastructure.Grpc;
using IntegratedCare.CarePlan.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegratedCare.CarePlan.Infrastructure;

/// <summary>Configuration section <c>CarePlan</c>.</summary>
public sealed class CarePlanOptions
{
    public const string Section = "CarePlan";

    /// <summary>How often open actions are checked against their due dates.</summary>
    public TimeSpan DeadlineSweepInterval { get; set; } = TimeSpan.FromMinutes(5);

}

/// <summary>The CarePlan module's one registration entry point.</summary>
public static class CarePlanModule
{
    public static IServiceCollection AddCarePlanModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CarePlanDbContext, Persistence.PostgreSql.CarePlanPostgreSqlContext>(CarePlanDbContext.Module);
        services.AddScoped<ICarePlanRepository, CarePlanRepository>();
        services.AddScoped<ICarePlanHistory, CarePlanHistory>();
        services.AddScoped<PlanAccess>();
        services.AddScoped<IntegratedCare.Protocols.Contracts.ICareRelationshipFacts, Application.Plans.PlanCareFacts.PlanCareFacts>();
        services.AddScoped<PlanChanges>();
        services.AddSingleton<CarePlanFeedSignal>();
        services.AddSingleton<IDomainEventTranslator, CarePlanEventTranslator>();
        services.AddHostedService<CarePlanDeadlineWorker>();
        services.AddModuleAssemblies(configuration, typeof(CarePlanEventTranslator).Assembly, typeof(CarePlanModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapCarePlanModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<CarePlanGrpcService>();
        return endpoints;
    }
}

/// <summary>Overdue actions become variances, once.</summary>
internal sealed class CarePlanDeadlineWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<CarePlanDeadlineWorker> logger)
    : DeadlineSweep(scopes, clock, logger)
{
    private readonly CarePlanOptions _options = configuration.GetSection(CarePlanOptions.Section).Get<CarePlanOptions>() ?? new CarePlanOptions();

    protected override string Component => "careplan-deadlines";

    protected override TimeSpan Interval => _options.DeadlineSweepInterval;

    protected override async Task<SweepRound> SweepAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var round = await mediator.Send(new NoteOverdueActionsCommand(), cancellationToken);
        return new(round.Actions > 0 ? $"{round.Actions} care plan actions passed their due date and became variances" : null, round.Plans >= NoteOverdueActionsCommand.Batch);
    }
}
