using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Domain.Referrals;

namespace IntegratedCare.Protocols.Application.Referrals;

public enum ReferralSide
{
    Referrer = 1,
    Receiver = 2,
}

internal static class ReferralAccess
{
    /// <summary>
    /// The referral, if the caller's agency is a party to it; otherwise NOT_FOUND, so a third agency cannot
    /// even learn that it exists. A party acting on the wrong side is refused.
    /// </summary>
    public static async Task<Referral> LoadAsync(
        IReferralRepository referrals, string referralId, Actor actor, ReferralSide? side, IAuditScope audit, CancellationToken cancellationToken)
    {
        var id = new ReferralId(Guid.Parse(referralId));
        audit.Resource(id.ToString());
        var referral = await referrals.FindAsync(id, cancellationToken);
        var asReferrer = referral is not null && SameAgency(actor, referral.FromAgencyId.ToString());
        var asReceiver = referral is not null && SameAgency(actor, referral.ToAgencyId.ToString());
        if (referral is null || !(asReferrer || asReceiver || actor.Kind == ActorKind.System))
        {
            throw new NotFoundException("Referral", id.ToString());
        }

        audit.ServiceUser(referral.ServiceUserId.ToString("D"));
        if ((side == ReferralSide.Receiver && !asReceiver) || (side == ReferralSide.Referrer && !asReferrer))
        {
            throw new ForbiddenException(side == ReferralSide.Receiver
                ? "Only the receiving agency answers a referral."
                : "Only the referring agency cancels a referral.");
        }

        return referral;
    }

    private static bool SameAgency(Actor actor, string agencyId) => string.Equals(actor.AgencyId, agencyId, StringComparison.OrdinalIgnoreCase);
}
