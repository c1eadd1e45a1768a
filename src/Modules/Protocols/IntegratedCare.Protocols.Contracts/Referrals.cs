using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.Protocols.Contracts;

/// <summary>
/// The referrals made to agencies in a period (<c>From</c> included, <c>To</c> not), for the waiting-time report:
/// who was referred to which agency and when the referral reached it (made electronically, it arrives when it is
/// made), and whether it was turned away or is still open. Never the reason, the notes or the data shared.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "referral")]
public sealed record ReferralsReceivedQuery(DateTimeOffset From, DateTimeOffset To) : IContractQuery<IReadOnlyList<ReceivedReferral>>;

/// <param name="TurnedAway">Rejected, cancelled or expired: no treatment was to follow it.</param>
/// <param name="Open">Requested, received or accepted: not yet completed or turned away.</param>
public sealed record ReceivedReferral(Guid ReferralId, Guid ServiceUserId, Guid ToAgencyId, DateTimeOffset ReceivedAt, bool TurnedAway, bool Open = true);
