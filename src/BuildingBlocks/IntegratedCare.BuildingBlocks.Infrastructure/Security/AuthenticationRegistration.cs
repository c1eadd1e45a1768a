using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Security;

public static class AuthenticationRegistration
{
    /// <summary>
    /// JWT bearer for every call: against the external authority when one is configured, otherwise
    /// against the local signing key. Every refused call leaves an audit record.
    /// </summary>
    public static IServiceCollection AddIntegratedCareAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton<LocalSigningKey>();
        services.AddSingleton<LocalTokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IServiceProvider>((bearer, auth, services) =>
            {
                var settings = auth.Value;
                bearer.MapInboundClaims = false;
                bearer.Audience = settings.Audience;
                var validation = bearer.TokenValidationParameters;
                validation.NameClaimType = settings.SubjectClaimType;
                validation.RoleClaimType = settings.RoleClaimType;
                validation.ValidAudience = settings.Audience;
                validation.ClockSkew = TimeSpan.FromMinutes(1);
                if (settings.UsesExternalAuthority)
                {
                    bearer.Authority = settings.Authority;
                    bearer.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                }
                else
                {
                    var key = services.GetRequiredService<LocalSigningKey>().Key;
                    validation.ValidIssuer = settings.Issuer;
                    validation.IssuerSigningKey = key;
                    validation.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
                }

                bearer.Events = new JwtBearerEvents
                {
                    OnMessageReceived = RefuseOverlongTokenAsync(settings.MaxTokenLength),
                    OnChallenge = AuditRefusalAsync,
                    OnTokenValidated = RefuseRevokedCredentialAsync,
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>A token longer than any this system issues or accepts is refused before it is parsed.</summary>
    private static Func<MessageReceivedContext, Task> RefuseOverlongTokenAsync(int maxLength) => context =>
    {
        if (context.Request.Headers.Authorization.ToString().Length > maxLength)
        {
            context.Fail($"The authorization header is longer than {maxLength} characters.");
        }

        return Task.CompletedTask;
    };

    /// <summary>A partner credential revoked by an administrator stops working at once, though its token has not expired.</summary>
    private static async Task RefuseRevokedCredentialAsync(TokenValidatedContext context)
    {
        var credential = context.Principal?.FindFirst(IRevokedCredentials.ClaimType)?.Value;
        if (credential is null)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (await services.GetRequiredService<IRevokedCredentials>().IsRevokedAsync(credential, now))
        {
            context.Fail("The credential has been revoked.");
        }
    }

    private static async Task AuditRefusalAsync(JwtBearerChallengeContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var record = new AuditRecord(
            Guid.NewGuid(),
            clock.GetUtcNow(),
            "anonymous",
            "Anonymous",
            null,
            string.Empty,
            AuditAction.Execute,
            http.Request.Path.Value ?? string.Empty,
            "call",
            null,
            null,
            null,
            null,
            AuditOutcome.Denied,
            context.AuthenticateFailure is null ? "unauthenticated: no token" : "unauthenticated: invalid token",
            http.TraceIdentifier);
        await services.GetRequiredService<IAuditTrail>().WriteIsolatedAsync(record, CancellationToken.None);

        // A gRPC caller gets a gRPC status (a trailers-only response), not a bare HTTP 401 its client
        // library can only report as UNKNOWN or a protocol error. Browsers and HTTP callers keep the 401.
        if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            context.HandleResponse();
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "application/grpc";
            http.Response.Headers["grpc-status"] = "16";
            http.Response.Headers["grpc-message"] = context.AuthenticateFailure is null
                ? "A bearer token is required (metadata authorization: Bearer <jwt>)."
                : "The bearer token is not valid: expired, revoked, or not signed for this audience.";
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }
    }
}
