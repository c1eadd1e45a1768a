using IntegratedCare.BuildingBlocks.Infrastructure.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IntegratedCare.BuildingBlocks.Infrastructure.Outbox;

/// <summary>
/// How far behind integration events are: the age of the oldest message due and not yet handled, and how
/// many are parked. Degraded (still SERVING: the lag is the fleet's, not this host's) past
/// <see cref="OutboxOptions.LagWarning"/> or with any message parked, so monitoring sees it before a partner does.
/// </summary>
public sealed class OutboxLagHealthCheck(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var max = options.Value.MaxAttempts;
        var oldest = await platform.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.Attempts < max)
            .OrderBy(m => m.OccurredAt).Select(m => (DateTimeOffset?)m.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        var parked = await platform.OutboxMessages.AsNoTracking().CountAsync(m => m.ProcessedAt == null && m.Attempts >= max, cancellationToken);
        var lag = oldest is { } at ? clock.GetUtcNow() - at : TimeSpan.Zero;
        var data = new Dictionary<string, object> { ["lag_seconds"] = Math.Max(0, lag.TotalSeconds), ["parked"] = parked };
        if (parked > 0)
        {
            return HealthCheckResult.Degraded($"{parked} integration event(s) parked after {max} failed attempts: an operator must look.", data: data);
        }

        return lag > options.Value.LagWarning
            ? HealthCheckResult.Degraded($"Integration events are {lag.TotalSeconds:0} s behind.", data: data)
            : HealthCheckResult.Healthy($"Integration events are {Math.Max(0, lag.TotalSeconds):0} s behind.", data);
    }
}
