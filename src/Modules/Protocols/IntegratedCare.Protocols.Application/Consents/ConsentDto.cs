using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Application.Consents;

public sealed record ConsentProvisionDto(
    ProvisionType Type, IReadOnlyList<string> DataCategories, IReadOnlyList<string> AgencyIds, IReadOnlyList<AgencyType> AgencyTypes, IReadOnlyList<SharingPurpose> Purposes);

public sealed record ConsentDto(
    string ConsentId,
    string ServiceUserId,
    string RecordingAgencyId,
    string RecordedBy,
    ConsentMethod Method,
    ConsentStatus Status,
    IReadOnlyList<ConsentProvisionDto> Provisions,
    DateTimeOffset RecordedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? WithdrawnAt,
    string WithdrawalReason,
    long Version)
{
    /// <summary>As it stands at <paramref name="now"/>: an expired consent reads as inactive.</summary>
    public static ConsentDto From(Consent consent, DateTimeOffset now) => new(
        consent.Id.ToString(),
        consent.ServiceUserId.ToString("D"),
        consent.RecordingAgencyId.ToString(),
        consent.RecordedBy,
        consent.Method,
        consent.StatusAt(now),
        consent.Provisions.Select(p => new ConsentProvisionDto(
            p.Type, p.Categories.Select(c => c.Code()).ToList(), p.AgencyIds.Select(a => a.ToString("D")).ToList(), p.AgencyTypes, p.Purposes)).ToList(),
        consent.RecordedAt,
        consent.ExpiresAt,
        consent.WithdrawnAt,
        consent.WithdrawalReason ?? string.Empty,
        consent.Version);
}
