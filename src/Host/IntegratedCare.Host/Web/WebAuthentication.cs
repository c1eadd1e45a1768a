using System.Security.Claims;
using System.Security.Cryptography;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Identity.Application.SignIn;
using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace IntegratedCare.Host.Web;

/// <summary>
/// Staff sign in to the web UI with a cookie session; partner systems keep calling gRPC with bearer
/// tokens. One policy scheme picks per request, so the one fallback policy guards both.
/// Locally (the embedded default) staff accounts live in the platform tables; in production, with an
/// external authority, the UI signs in through OpenID Connect and the provider's claims name the roles.
/// </summary>
public static class WebAuthentication
{
    public const string Scheme = "integratedcare";
    public const string CookieScheme = "staff-session";
    public const string OidcScheme = "staff-oidc";

    public static IServiceCollection AddStaffWebAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "bearer token or staff session", o => o.ForwardDefaultSelector = Select)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "integratedcare.session";
                o.Cookie.HttpOnly = true;
                // Strict, except behind an external authority: the provider sends the browser back cross-site, and
                // a strict cookie set then is not sent on the redirect that follows (a sign-in loop). Lax still
                // keeps it off cross-site posts; every form also carries an antiforgery token.
                o.Cookie.SameSite = auth.UsesExternalAuthority ? SameSiteMode.Lax : SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.AccessDeniedPath = "/denied";
                o.ExpireTimeSpan = auth.Staff.IdleTimeout;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
                if (auth.UsesExternalAuthority)
                {
                    o.ForwardChallenge = OidcScheme;
                }
            });
        if (auth.UsesExternalAuthority)
        {
            services.AddAuthentication().AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = auth.Authority;
                o.ClientId = auth.Oidc.ClientId;
                o.ClientSecret = auth.Oidc.ClientSecret;
                o.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                o.ResponseType = "code";
                o.UsePkce = true;

                // The code comes back on a top-level GET (not a cross-site form post), so the correlation and
                // nonce cookies can be SameSite=Lax and need no third-party-cookie allowance.
                o.ResponseMode = "query";
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SaveTokens = false;
                o.MapInboundClaims = false;
                o.SignInScheme = CookieScheme;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = auth.RoleClaimType;
                foreach (var scope in auth.Oidc.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    o.Scope.Add(scope);
                }

                o.Events.OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        WebSession.Stamp(identity, DateTimeOffset.UtcNow + auth.Staff.SessionLifetime, accountStamp: null);
                    }

                    return Task.CompletedTask;
                };
            });
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStaffSessionProvider>();
        services.AddSingleton<FirstRun>();
        return services;
    }

    /// <summary>gRPC calls and anything carrying a bearer token are checked as tokens; the rest are web pages.</summary>
    private static string Select(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        return CookieScheme;
    }

    /// <summary>Ends a session past its absolute lifetime, and (every minute or so) one whose account changed.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Principal is not { } principal || WebSession.HasExpired(principal, now)
            || !await WebSession.AccountStillValidAsync(principal, services, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}

/// <summary>The claims a web session carries beyond the actor's own: when it ends and which account state it saw.</summary>
public static class WebSession
{
    public const string ExpiresClaim = "session_expires";
    public const string AccountStampClaim = "account_stamp";
    public const string DisplayNameClaim = "name";

    public static void Stamp(ClaimsIdentity identity, DateTimeOffset expiresAt, string? accountStamp)
    {
        identity.AddClaim(new Claim(ExpiresClaim, expiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (accountStamp is not null)
        {
            identity.AddClaim(new Claim(AccountStampClaim, accountStamp));
        }
    }

    public static ClaimsPrincipal For(SignedInStaff account, AuthOptions options, DateTimeOffset now)
    {
        var identity = new ClaimsIdentity(WebAuthentication.CookieScheme, DisplayNameClaim, options.RoleClaimType);
        identity.AddClaim(new Claim(options.SubjectClaimType, account.StaffAccountId.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, account.DisplayName));
        identity.AddClaim(new Claim(options.ActorKindClaimType, ClaimsActor.StaffKind));
        if (account.AgencyId is not null)
        {
            identity.AddClaim(new Claim(options.AgencyClaimType, account.AgencyId));
        }

        foreach (var role in account.Roles)
        {
            identity.AddClaim(new Claim(options.RoleClaimType, role));
        }

        Stamp(identity, now + options.Staff.SessionLifetime, account.SecurityStamp);
        return new ClaimsPrincipal(identity);
    }

    public static bool HasExpired(ClaimsPrincipal principal, DateTimeOffset now) =>
        !long.TryParse(principal.FindFirst(ExpiresClaim)?.Value, out var expires) || DateTimeOffset.FromUnixTimeSeconds(expires) <= now;

    /// <summary>Local accounts only: disabled, locked or changed since sign-in ends the session.</summary>
    public static async Task<bool> AccountStillValidAsync(ClaimsPrincipal principal, IServiceProvider services, CancellationToken cancellationToken)
    {
        var stamp = principal.FindFirst(AccountStampClaim)?.Value;
        if (stamp is null)
        {
            return true;
        }

        var options = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!Guid.TryParse(principal.FindFirst(options.SubjectClaimType)?.Value, out var accountId))
        {
            return false;
        }

        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffSignIn>().SessionIsValidAsync(accountId, stamp, cancellationToken);
    }

    public static string DisplayName(ClaimsPrincipal principal) => principal.FindFirst(DisplayNameClaim)?.Value ?? "staff member";
}

/// <summary>An open page re-checks its session every interval and is signed out once it no longer holds.</summary>
internal sealed class RevalidatingStaffSessionProvider(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<AuthOptions> options, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.Staff.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (WebSession.HasExpired(authenticationState.User, clock.GetUtcNow()))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await WebSession.AccountStillValidAsync(authenticationState.User, scope.ServiceProvider, cancellationToken);
    }
}

/// <summary>
/// The one-time code that guards the first-run page: printed on the console of a host with no staff
/// accounts yet, so only whoever started the host can claim the first administrator.
/// </summary>
public sealed class FirstRun
{
    public string Code { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(6));

    public bool Matches(string? code) =>
        code is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant()), System.Text.Encoding.UTF8.GetBytes(Code));
}
