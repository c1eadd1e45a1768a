using IntegratedCare.BuildingBlocks.Infrastructure.Security;
using Microsoft.Extensions.Options;
using IntegratedCare.Identity.Application.SignIn;
using IntegratedCare.Host.Web.Components;
using Microsoft.AspNetCore.Authentication;
using MudBlazor.Services;

namespace IntegratedCare.Host.Web;

internal static class WebHosting
{
    /// <summary>The staff web UI: Blazor with interactive server rendering and MudBlazor components.</summary>
    public static IServiceCollection AddStaffWebUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddStaffWebAuthentication(configuration);
        services.AddScoped<UiMediator>();
        services.AddScoped<UiDirectory>();
        return services;
    }

    public static WebApplication MapStaffWebUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(WebAuthentication.CookieScheme);
            return Results.LocalRedirect("/signin?signedout=1");
        });
        app.Lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync(app));
        return app;
    }

    /// <summary>Prints where the UI is and, while no staff account exists, the first-run page with its one-time code.</summary>
    private static async Task AnnounceAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IntegratedCare.Web");
        var web = app.Configuration["Kestrel:Endpoints:Web:Url"] ?? app.Urls.FirstOrDefault() ?? "http://localhost:5081";
        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value is { UsesExternalAuthority: true } auth)
        {
            Console.WriteLine($"Staff web UI: {web.TrimEnd('/')}/ — staff sign in through {auth.Authority}; local accounts are off");
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<StaffSignIn>();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                if (await signIn.AnyAccountAsync(CancellationToken.None))
                {
                    Console.WriteLine($"Staff web UI: {web.TrimEnd('/')}/");
                }
                else
                {
                    var code = app.Services.GetRequiredService<FirstRun>().Code;
                    Console.WriteLine($"Staff web UI: {web.TrimEnd('/')}/ — first run: create the first administrator at {web.TrimEnd('/')}/setup with set-up code {code}");
                }

                return;
            }
            catch (Exception ex) when (attempt < 49)
            {
                // The database is still being migrated at start-up.
                logger.LogDebug(ex, "Waiting for the database before announcing the web UI");
                await Task.Delay(200);
            }
        }
    }
}
