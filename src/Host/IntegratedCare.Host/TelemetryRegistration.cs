using IntegratedCare.BuildingBlocks.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IntegratedCare.Host;

/// <summary>
/// OpenTelemetry traces and metrics over OTLP, off unless <c>OpenTelemetry:Endpoint</c> is set. Metrics:
/// request rate, latency and status per RPC and page (ASP.NET Core's and gRPC's meters), the platform's outbox
/// lag, dispatch counts and sweep durations, and Npgsql's connection-pool use and waits. Traces: each request,
/// each sweep tick, each database command (its SQL text only, never parameter values).
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddIntegratedCareTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["OpenTelemetry:Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"OpenTelemetry:Endpoint must be an absolute URL (an OTLP collector, e.g. http://collector:4317), not '{endpoint}'.");
        }

        var serviceName = configuration["OpenTelemetry:ServiceName"] is { Length: > 0 } name ? name : "integratedcare";
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(Telemetry.Name, "Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
                .AddOtlpExporter(o => o.Endpoint = uri))
            .WithMetrics(metrics => metrics
                .AddMeter(Telemetry.Name, "Npgsql", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Grpc.AspNetCore.Server")
                .AddOtlpExporter(o => o.Endpoint = uri));
        return services;
    }
}
