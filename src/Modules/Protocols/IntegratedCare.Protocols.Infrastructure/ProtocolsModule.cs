using IntegratedCare.BuildingBlocks.Infrastructure.Caching;
using IntegratedCare.BuildingBlocks.Application.Outbox;
using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.Protocols.Application;
using IntegratedCare.Protocols.Application.Agencies.ListAgencies;
using IntegratedCare.Protocols.Application.Areas.ListAreas;
using IntegratedCare.Protocols.Application.InterAgency.ListProtocols;
using IntegratedCare.Protocols.Application.Referrals.ListReferrals;
using IntegratedCare.Protocols.Application.Sharing;
using IntegratedCare.Protocols.Application.Sharing.ListSharingProtocols;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Allocations;
using IntegratedCare.Protocols.Domain.Areas;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.InterAgency;
using IntegratedCare.Protocols.Domain.Referrals;
using IntegratedCare.Protocols.Domain.Sharing;
using IntegratedCare.Protocols.Infrastructure.Grpc;
using IntegratedCare.Protocols.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.Protocols.Infrastructure;

/// <summary>The Protocols module's one registration entry point.</summary>
public static class ProtocolsModule
{
    public static IServiceCollection AddProtocolsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<ProtocolsDbContext, Persistence.PostgreSql.ProtocolsPostgreSqlContext>(ProtocolsDbContext.Module);
        services.AddScoped<AgencyRepository>();
        services.AddScoped<IAgencyRepository>(sp => sp.GetRequiredService<AgencyRepository>());
        services.AddScoped<IAgencyReadStore>(sp => sp.GetRequiredService<AgencyRepository>());
        services.AddSingleton<ActingAgencyCache>();
        services.AddSingleton<IntegratedCare.BuildingBlocks.Application.Security.IActingAgencies>(sp => sp.GetRequiredService<ActingAgencyCache>());
        services.AddSharedCache(IntegratedCare.BuildingBlocks.Application.Security.IActingAgencies.CacheName, sp => sp.GetRequiredService<ActingAgencyCache>().ForgetAll);
        services.AddScoped<AreaRepository>();
        services.AddScoped<IAreaRepository>(sp => sp.GetRequiredService<AreaRepository>());
        services.AddScoped<IAreaReadStore>(sp => sp.GetRequiredService<AreaRepository>());
        services.AddScoped<SharingProtocolRepository>();
        services.AddScoped<ISharingProtocolRepository>(sp => sp.GetRequiredService<SharingProtocolRepository>());
        services.AddScoped<ISharingProtocolReadStore>(sp => sp.GetRequiredService<SharingProtocolRepository>());
        services.AddScoped<IConsentRepository, ConsentRepository>();
        services.AddScoped<InterAgencyProtocolRepository>();
        services.AddScoped<IInterAgencyProtocolRepository>(sp => sp.GetRequiredService<InterAgencyProtocolRepository>());
        services.AddScoped<IInterAgencyProtocolReadStore>(sp => sp.GetRequiredService<InterAgencyProtocolRepository>());
        services.AddScoped<ReferralRepository>();
        services.AddScoped<IReferralRepository>(sp => sp.GetRequiredService<ReferralRepository>());
        services.AddScoped<IReferralReadStore>(sp => sp.GetRequiredService<ReferralRepository>());
        services.AddHostedService<DeadlineWorker>();
        services.AddScoped<IAllocationRepository, AllocationRepository>();
        services.AddSingleton<SharingRulesCache>();
        services.AddSharedCache(SharingRulesCache.Name, sp => sp.GetRequiredService<SharingRulesCache>().Invalidate);
        services.AddScoped<IntegratedCare.Protocols.Application.Consents.CareRelationshipMemo>();
        services.AddScoped<IntegratedCare.Protocols.Application.Consents.CareRelationshipDecider>();
        services.AddScoped<IntegratedCare.Protocols.Application.Sharing.SharingDecider>();
        services.AddScoped<IntegratedCare.Protocols.Contracts.RequestSharingDecisions>();
        services.AddScoped<IntegratedCare.Protocols.Contracts.RequestCallerAgency>();
        services.AddScoped<SharingProtocolChange>();
        services.AddSingleton<IDomainEventTranslator, ProtocolsEventTranslator>();
        services.AddModuleAssemblies(configuration, typeof(ProtocolsEventTranslator).Assembly, typeof(ProtocolsModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapProtocolsModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<AgencyGrpcService>();
        endpoints.MapGrpcService<InformationSharingGrpcService>();
        endpoints.MapGrpcService<ConsentGrpcService>();
        endpoints.MapGrpcService<ProtocolGrpcService>();
        endpoints.MapGrpcService<ReferralGrpcService>();
        endpoints.MapGrpcService<AllocationGrpcService>();
        return endpoints;
    }
}
