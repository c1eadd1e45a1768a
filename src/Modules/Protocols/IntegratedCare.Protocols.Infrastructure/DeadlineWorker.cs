using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Application.Consents.WithdrawConsent;
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

    /// <summary>How often unanswered referrals and consents are checked against their due time and expiry.</summary>
    public TimeSpan DeadlineSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long past its due time an unanswered referral stays open before it expires.</summary>
    public TimeSpan ReferralExpiresAfterOverdue { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>
/// On a timer, as the platform's own actor and through the mediator like any caller: flags overdue
/// referrals and ends expired consents, each once.
/// </summary>
internal sealed class DeadlineWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<DeadlineWorker> logger)
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
                    scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("protocols-deadlines"));
                    var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                    var overdue = await mediator.Send(new RaiseOverdueReferralsCommand(options.ReferralExpiresAfterOverdue), stoppingToken);
                    var expired = await mediator.Send(new RaiseExpiredConsentsCommand(), stoppingToken);
                    if (overdue + expired > 0)
                    {
                        logger.LogInformation("{Overdue} referrals became overdue and {Expired} consents expired", overdue, expired);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The deadline sweep failed; it will run again");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
