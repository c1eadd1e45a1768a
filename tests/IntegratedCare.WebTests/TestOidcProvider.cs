using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IntegratedCare.WebTests;

/// <summary>
/// A real OpenID Connect provider on loopback for the browser tests: an OpenIddict server (Apache-2.0) in a
/// small ASP.NET Core host, with the authorization code flow and PKCE required, a sign-in page of its own,
/// and staff users whose <c>role</c> and <c>agency_id</c> claims the host maps to its staff roles. Its
/// metadata is served over plain HTTP on loopback only, which the host allows with
/// <c>Authentication:RequireHttpsMetadata=false</c>.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "integratedcare-web";
    public const string ClientSecret = "test-provider-client-secret-7b1e";
    private const string ProviderCookie = "provider-session";

    private readonly WebApplication _app;
    private readonly string _database;

    private TestOidcProvider(WebApplication app, string database, string authority)
    {
        _app = app;
        _database = database;
        Authority = authority;
    }

    public string Authority { get; }

    /// <summary>The provider's users: user name → password, display name, roles and agency; tests add to it.</summary>
    public ConcurrentDictionary<string, ProviderUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The host settings that put it behind this provider.</summary>
    public IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Authentication:Authority"] = Authority,
        ["Authentication:RequireHttpsMetadata"] = "false",
        ["Authentication:Oidc:ClientId"] = ClientId,
        ["Authentication:Oidc:ClientSecret"] = ClientSecret,
        ["Authentication:Oidc:Scopes"] = "roles",
    };

    /// <summary>Starts the provider; the host's client is registered once the host's address is known (<see cref="RegisterClientAsync"/>).</summary>
    public static async Task<TestOidcProvider> StartAsync()
    {
        var port = IntegratedCare.Testing.HostCommand.FreePort();
        var authority = $"http://127.0.0.1:{port}/";
        var database = Path.Combine(Path.GetTempPath(), $"oidc-provider-{Guid.NewGuid():N}.db");
        // Its own empty content root: the host's appsettings.json in the test folder is not this app's.
        var root = Directory.CreateTempSubdirectory("oidc-provider-").FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<DbContext>(o =>
        {
            o.UseSqlite($"Data Source={database}");
            o.UseOpenIddict();
        });
        builder.Services.AddAuthentication(ProviderCookie).AddCookie(ProviderCookie, o => o.LoginPath = "/login");
        builder.Services.AddAuthorization();
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(authority));
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles);
                o.AddEphemeralSigningKey().AddEphemeralEncryptionKey().DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var provider = new TestOidcProvider(app, database, authority);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/login", (string? returnUrl) => Results.Content(LoginPage(returnUrl ?? "/", error: false), "text/html"));
        app.MapPost("/login", (Func<HttpContext, Task<IResult>>)provider.LoginAsync);
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)provider.AuthorizeAsync);
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)TokenAsync);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DbContext>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        return provider;
    }

    /// <summary>Registers the staff web UI as a confidential client that must use PKCE, redirecting only to its own callback.</summary>
    public async Task RegisterClientAsync(string hostWebAddress)
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "IntegratedCare staff web UI",
                RedirectUris = { new Uri($"{hostWebAddress}/signin-oidc") },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Roles,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private async Task<IResult> LoginAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (!returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal))
        {
            returnUrl = "/";
        }

        if (!Users.TryGetValue(form["username"].ToString(), out var user) || user.Password != form["password"].ToString())
        {
            return Results.Content(LoginPage(returnUrl, error: true), "text/html", statusCode: StatusCodes.Status200OK);
        }

        var identity = new ClaimsIdentity(ProviderCookie);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, form["username"].ToString()));
        await context.SignInAsync(ProviderCookie, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl);
    }

    /// <summary>The authorization endpoint: a user signed in at the provider gets a code carrying their staff claims.</summary>
    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(ProviderCookie);
        if (!session.Succeeded || !Users.TryGetValue(session.Principal!.FindFirstValue(ClaimTypes.NameIdentifier)!, out var user))
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString }, [ProviderCookie]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Name, user.DisplayName);
        foreach (var role in user.Roles)
        {
            identity.AddClaim(new Claim(Claims.Role, role));
        }

        if (user.AgencyId is not null)
        {
            identity.SetClaim("agency_id", user.AgencyId);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The token endpoint: the code is exchanged (its PKCE verifier checked by OpenIddict) for the tokens it was issued with.</summary>
    private static async Task<IResult> TokenAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return Results.SignIn(result.Principal!, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string LoginPage(string returnUrl, bool error) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign in — Test Health Board accounts</title></head>
        <body><main><h1>Test Health Board accounts</h1>
        {(error ? "<p role=\"alert\">Wrong user name or password.</p>" : string.Empty)}
        <form method="post" action="/login">
          <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl)}">
          <label for="username">Account</label> <input id="username" name="username" autocomplete="username">
          <label for="password">Account password</label> <input id="password" name="password" type="password">
          <button type="submit">Sign in with your organisation</button>
        </form></main></body></html>
        """;
}

/// <summary>A user at the test provider: what it says of them in the ID token.</summary>
public sealed record ProviderUser(string Password, string Subject, string DisplayName, IReadOnlyList<string> Roles, string? AgencyId);
