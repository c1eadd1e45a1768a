using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.Protocols.Contracts;

/// <summary>
/// The referrals agencies received in a period (<c>From</c> included, <c>To</c> not), for the waiting-time
/// report: who was referred to which agency, when it had the referral (received, or answered without a receipt
/// first) and whether it was turned away. Never the reason, the notes or the data shared.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "referral")]
public sealed record ReferralsReceivedQuery(DateTimeOffset From, DateTimeOffset To) : IContractQuery<IReadOnlyList<ReceivedReferral>>;

/// <param name="TurnedAway">Rejected, cancelled or expired: no treatment was to follow it.</param>
public sealed record ReceivedReferral(Guid ReferralId, Guid ServiceUserId, Guid ToAgencyId, DateTimeOffset ReceivedAt, bool TurnedAway);
