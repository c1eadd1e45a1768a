using System.Globalization;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.InterAgency;

namespace IntegratedCare.Protocols.Application.InterAgency;

public sealed record InterAgencyProtocolDto(
    string ProtocolId,
    string Name,
    IReadOnlyList<AgencyType> PartyAgencyTypes,
    IReadOnlyList<string> PartyAgencyIds,
    string ReferralCriteria,
    int ResponseTimeAmount,
    ResponseTimeUnit ResponseTimeUnit,
    EscalationContactInput EscalationContact,
    string ReviewDate,
    bool ReviewOverdue,
    InterAgencyProtocolStatus Status,
    DateTimeOffset CreatedAt,
    long Version)
{
    public static InterAgencyProtocolDto From(InterAgencyProtocol p, DateTimeOffset now) => new(
        p.Id.ToString(), p.Name, p.PartyTypes, p.PartyAgencies.Select(a => a.ToString()).ToList(), p.ReferralCriteria,
        p.ResponseTime.Amount, p.ResponseTime.Unit, new EscalationContactInput(p.EscalationContact.Role, p.EscalationContact.Email, p.EscalationContact.Phone),
        p.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.ReviewIsOverdue(DateOnly.FromDateTime(now.UtcDateTime)), p.Status, p.CreatedAt, p.Version);
}
