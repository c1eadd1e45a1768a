using IntegratedCare.Protocols.Domain.Referrals;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Application.Referrals;

public sealed record ReferralDto(
    string ReferralId,
    string ProtocolId,
    string ServiceUserId,
    string FromAgencyId,
    string ToAgencyId,
    string Reason,
    IReadOnlyList<string> SharedDataCategories,
    ReferralStatus Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? AnsweredAt,
    RejectionReason? RejectionReason,
    string Note,
    DateTimeOffset? ClosedAt,
    bool Overdue,
    long Version)
{
    public static ReferralDto From(Referral r, DateTimeOffset now) => new(
        r.Id.ToString(), r.ProtocolId.ToString(), r.ServiceUserId.ToString("D"), r.FromAgencyId.ToString(), r.ToAgencyId.ToString(),
        r.Reason, r.SharedCategories.Select(c => c.Code()).ToList(), r.Status, r.RequestedAt, r.DueAt, r.ReceivedAt, r.AnsweredAt,
        r.RejectionReason, r.Note ?? string.Empty, r.ClosedAt, r.IsAwaitingAnswer && now > r.DueAt, r.Version);
}
