using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Application.Sharing;

public sealed record SharingRuleDto(string DataCategory, AgencyType RecipientAgencyType, SharingPurpose Purpose, SharingBasis Basis, string LegalBasisCode);

public sealed record SharingProtocolDto(
    string SharingProtocolId,
    string Name,
    IReadOnlyList<SharingRuleDto> Rules,
    IReadOnlyList<string> SignatoryAgencyIds,
    SharingProtocolStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    long Version)
{
    internal static SharingProtocolDto From(SharingProtocol protocol) => new(
        protocol.Id.ToString(),
        protocol.Name,
        protocol.Rules.Select(r => new SharingRuleDto(r.Category.Code(), r.RecipientType, r.Purpose, r.Basis, r.LegalBasisCode)).ToList(),
        protocol.Signatories.Select(s => s.ToString()).ToList(),
        protocol.Status,
        protocol.CreatedAt,
        protocol.ActivatedAt,
        protocol.Version);
}
