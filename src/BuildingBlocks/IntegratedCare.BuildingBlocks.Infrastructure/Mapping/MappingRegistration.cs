using System.Reflection;
using AutoMapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Mapping;

public static class MappingRegistration
{
    public const string LicenseKeySetting = "AutoMapper:LicenseKey";

    /// <summary>AutoMapper profiles of the given assemblies, licensed from configuration (README: licence terms).</summary>
    public static IServiceCollection AddMapping(this IServiceCollection services, IConfiguration configuration, params Assembly[] assemblies)
    {
        services.AddAutoMapper(cfg => cfg.LicenseKey = configuration[LicenseKeySetting], assemblies);
        return services;
    }
}
