using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Application.Sharing;

/// <summary>A rule as sent: the category as its code, enums as given (null when unspecified).</summary>
public sealed record SharingRuleInput(string DataCategory, AgencyType? RecipientAgencyType, SharingPurpose? Purpose, SharingBasis? Basis, string LegalBasisCode);
