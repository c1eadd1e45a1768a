using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.GapsAndBlocks.Application;
using IntegratedCare.GapsAndBlocks.Application.Forms;
using IntegratedCare.GapsAndBlocks.Application.Forms.NoteOverdueStages;
using IntegratedCare.GapsAndBlocks.Application.Meetings;
using IntegratedCare.GapsAndBlocks.Domain.Details;
using IntegratedCare.GapsAndBlocks.Domain.Forms;
using IntegratedCare.GapsAndBlocks.Domain.Meetings;
using IntegratedCare.GapsAndBlocks.Infrastructure.Grpc;
using IntegratedCare.GapsAndBlocks.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegratedCare.GapsAndBlocks.Infrastructure;

/// <summary>The GapsAndBlocks module's one registration entry point.</summary>
public static class GapsAndBlocksModule
{
    public const string Section = "GapsAndBlocks";

    public static IServiceCollection AddGapsAndBlocksModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<GapsAndBlocksDbContext, Persistence.PostgreSql.GapsAndBlocksPostgreSqlContext>(GapsAndBlocksDbContext.Module);
        services.AddScoped<IFormRepository, FormRepository>();
        services.AddScoped<IMeetingRepository, MeetingRepository>();
        services.AddScoped<IMoreDetailRepository, MoreDetailRepository>();
        services.AddScoped<Domain.Variances.IHandedVarianceRepository, HandedVarianceRepository>();
        services.AddScoped<AnonymityGuard>();
        services.AddScoped<Ladder>();
        services.AddScoped<FormAccess>();
        services.AddScoped<MeetingAccess>();
        services.AddScoped<MeetingPacks>();
        services.AddSingleton(configuration.GetSection($"{Section}:Periods").Get<LadderPeriods>() ?? new LadderPeriods());
        services.AddSingleton<IDomainEventTranslator, GapsAndBlocksEventTranslator>();
        services.AddHostedService<LadderDeadlineWorker>();
        services.AddModuleAssemblies(configuration, typeof(GapsAndBlocksEventTranslator).Assembly, typeof(GapsAndBlocksModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapGapsAndBlocksModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<GapsBlocksGrpcService>();
        return endpoints;
    }
}

/// <summary>Each stage past its due date raises one alert to its holder.</summary>
internal sealed class LadderDeadlineWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<LadderDeadlineWorker> logger)
    : DeadlineSweep(scopes, clock, logger)
{
    protected override string Component => "gapsblocks-deadlines";

    protected override TimeSpan Interval { get; } =
        configuration.GetValue($"{GapsAndBlocksModule.Section}:DeadlineSweepInterval", TimeSpan.FromMinutes(5));

    protected override async Task<SweepRound> SweepAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var alerted = await mediator.Send(new NoteOverdueStagesCommand(), cancellationToken);
        return new(alerted > 0 ? $"{alerted} gaps and blocks forms passed a stage's due date; their holders are alerted" : null, alerted >= NoteOverdueStagesCommand.Batch);
    }
}
