using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Application.Referrals;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegratedCare.Protocols.Infrastructure;

/// <summary>Configuration section <c>Protocols</c>.</summary>
public sealed class ProtocolsOptions
{
    public const string Section = "Protocols";

    /// <summary>How often unanswered referrals are checked against their due time.</summary>
    public TimeSpan DeadlineSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Flags overdue referrals on a timer, as the platform's own actor, through the mediator like any caller.</summary>
internal sealed class ReferralDeadlineWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ReferralDeadlineWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = configuration.GetSection(ProtocolsOptions.Section).Get<ProtocolsOptions>() ?? new ProtocolsOptions();
        using var timer = new PeriodicTimer(options.DeadlineSweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("referral-deadlines"));
                    var flagged = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RaiseOverdueReferralsCommand(), stoppingToken);
                    if (flagged > 0)
                    {
                        logger.LogInformation("{Count} referrals became overdue", flagged);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The referral deadline sweep failed; it will run again");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
