using IntegratedCare.BuildingBlocks.Infrastructure.Caching;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.BuildingBlocks.Infrastructure.Persistence;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using IntegratedCare.Identity.Application;
using IntegratedCare.Identity.Application.Credentials;
using IntegratedCare.Identity.Domain.Credentials;
using IntegratedCare.Identity.Domain.StaffAccounts;
using IntegratedCare.Identity.Infrastructure.Credentials;
using IntegratedCare.Identity.Infrastructure.Persistence;
using IntegratedCare.Identity.Application.SignIn;
using IntegratedCare.Identity.Infrastructure.SignIn;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegratedCare.Identity.Infrastructure;

/// <summary>The Identity module's one registration entry point: local staff accounts, sign-in and partner credentials.</summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration)
    {
        // Migrated before the platform's tables: the platform's migration that hands over the accounts it
        // used to keep copies them into these tables (ADR 0006).
        services.Configure<LockoutOptions>(configuration.GetSection(LockoutOptions.Section));
        services.AddModuleDbContext<IdentityDbContext, Persistence.PostgreSql.IdentityPostgreSqlContext>(IdentityDbContext.Module, migrationOrder: -1);
        services.AddScoped<IStaffAccountRepository, StaffAccountRepository>();
        services.AddScoped<IAgencyCredentialRepository, AgencyCredentialRepository>();
        services.AddSingleton<Application.StaffAccounts.IPasswordHasher, PasswordHashing>();
        services.AddSingleton<CredentialRevocations>();
        services.AddSharedCache(IRevokedCredentials.CacheName, sp => sp.GetRequiredService<CredentialRevocations>().Reload);
        services.AddSingleton<IRevokedCredentials>(sp => sp.GetRequiredService<CredentialRevocations>());
        services.AddScoped<ICredentialTokens, CredentialTokens>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LockoutOptions>>().Value.Policy);
        services.AddScoped<StaffSignIn>();
        services.AddModuleAssemblies(configuration, typeof(IdentityPolicies).Assembly, typeof(IdentityModule).Assembly);
        return services;
    }
}
