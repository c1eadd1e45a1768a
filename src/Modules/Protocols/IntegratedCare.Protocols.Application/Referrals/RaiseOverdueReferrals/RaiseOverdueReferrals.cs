using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;

namespace IntegratedCare.Protocols.Application.Referrals.RaiseOverdueReferrals;

/// <summary>
/// Flags every unanswered referral past its due time, once each, and closes as expired those still
/// unanswered <paramref name="ExpireAfter"/> later; run by the platform's deadline worker. Returns how many
/// it flagged.
/// </summary>
[Authorize(Roles.SystemAdmin)]
[Audit(AuditAction.Execute, "referral")]
public sealed record RaiseOverdueReferralsCommand(TimeSpan ExpireAfter) : ICommand<int>
{
    /// <summary>Referrals flagged (and, apart, expired) per transaction.</summary>
    public const int Batch = 200;
}

internal sealed class RaiseOverdueReferralsHandler(IReferralRepository referrals, TimeProvider clock) : IRequestHandler<RaiseOverdueReferralsCommand, int>
{
    private const int Batch = RaiseOverdueReferralsCommand.Batch;

    public async Task<int> Handle(RaiseOverdueReferralsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var flagged = (await referrals.NewlyOverdueAsync(now, Batch, cancellationToken)).Count(r => r.MarkOverdue(now));
        foreach (var lapsed in await referrals.LapsedAsync(now - request.ExpireAfter, Batch, cancellationToken))
        {
            lapsed.ExpireIfLapsed(request.ExpireAfter, now);
        }

        return flagged;
    }
}
