using IntegratedCare.BuildingBlocks.Application.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegratedCare.BuildingBlocks.Infrastructure;

/// <summary>
/// A module's deadline sweep: on a timer of the platform's clock (so a fake clock drives it in tests), in a
/// scope of its own, as the platform's own actor, through the mediator like any caller. A failed round is
/// logged and the next one runs.
/// </summary>
public abstract class DeadlineSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The actor's name in the audit trail, e.g. "careplan-deadlines".</summary>
    protected abstract string Component { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One round; returns a line for the log when it did something, or null.</summary>
    protected abstract Task<string?> SweepAsync(IMediator mediator, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Component));
                    var done = await SweepAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), stoppingToken);
                    if (done is not null)
                    {
                        logger.LogInformation("{Component}: {Done}", Component, done);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Component} failed; it will run again", Component);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
