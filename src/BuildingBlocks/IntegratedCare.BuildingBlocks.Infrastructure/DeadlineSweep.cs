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

    /// <summary>
    /// One round of bounded batches, each its own short transaction; returns a line for the log when it did
    /// something (or null), and whether a batch was full, so more may be due at once.
    /// </summary>
    protected abstract Task<SweepRound> SweepAsync(IMediator mediator, CancellationToken cancellationToken);

    /// <summary>How many full rounds run back to back before the next tick; between them other writers get the lock.</summary>
    private const int MaxRoundsPerTick = 100;

    private static readonly TimeSpan PauseBetweenRounds = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        // The host registers the lease (AddBuildingBlocks); a sweep run alone, as in its unit tests, is one host.
        Persistence.HostLease? leases;
        await using (var scope = scopes.CreateAsyncScope())
        {
            leases = scope.ServiceProvider.GetService<Persistence.HostLease>();
        }

        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // One host sweeps at a time: another host's sweep under way means this tick is its.
                    // Each item is flagged once anyway (its version is checked on update), but two hosts
                    // racing over one batch would fail each other's transactions for nothing.
                    await using var lease = leases is null ? Persistence.HostLease.Alone : await leases.TryTakeAsync(Component, stoppingToken);
                    if (lease is null)
                    {
                        continue;
                    }

                    using var activity = Telemetry.Source.StartActivity($"sweep {Component}");
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    for (var round = 0; round < MaxRoundsPerTick; round++)
                    {
                        SweepRound result;
                        await using (var scope = scopes.CreateAsyncScope())
                        {
                            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(Component));
                            result = await SweepAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), stoppingToken);
                        }

                        if (result.Done is not null)
                        {
                            logger.LogInformation("{Component}: {Done}", Component, result.Done);
                        }

                        if (!result.More)
                        {
                            break;
                        }

                        // A backlog (after downtime, or a mass change) is worked off in short transactions.
                        await Task.Delay(PauseBetweenRounds, stoppingToken);
                    }

                    Telemetry.SweepDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("sweep", Component));
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

/// <summary>What one sweep round did (a line for the log, or null) and whether a full batch means more may be due.</summary>
public sealed record SweepRound(string? Done, bool More);
