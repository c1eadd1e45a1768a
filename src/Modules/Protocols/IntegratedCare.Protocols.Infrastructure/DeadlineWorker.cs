using IntegratedCare.BuildingBlocks.Infrastructure;
using IntegratedCare.Protocols.Application.Consents.RaiseExpiredConsents;
using IntegratedCare.Protocols.Application.Referrals.RaiseOverdueReferrals;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>Flags overdue referrals and ends expired consents, each once.</summary>
internal sealed class DeadlineWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<DeadlineWorker> logger)
    : DeadlineSweep(scopes, clock, logger)
{
    private readonly ProtocolsOptions _options = configuration.GetSection(ProtocolsOptions.Section).Get<ProtocolsOptions>() ?? new ProtocolsOptions();

    protected override string Component => "protocols-deadlines";

    protected override TimeSpan Interval => _options.DeadlineSweepInterval;

    protected override async Task<SweepRound> SweepAsync(IMediator mediator, CancellationToken cancellationToken)
    {
        var overdue = await mediator.Send(new RaiseOverdueReferralsCommand(_options.ReferralExpiresAfterOverdue), cancellationToken);
        var expired = await mediator.Send(new RaiseExpiredConsentsCommand(), cancellationToken);
        return new(
            overdue + expired > 0 ? $"{overdue} referrals became overdue and {expired} consents expired" : null,
            overdue >= RaiseOverdueReferralsCommand.Batch || expired >= RaiseExpiredConsentsCommand.Batch);
    }
}
