using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Application.Consents;

/// <summary>A provision as sent: categories as codes, agencies as ids, enums as given.</summary>
public sealed record ConsentProvisionInput(
    ProvisionType? Type, IReadOnlyList<string> DataCategories, IReadOnlyList<string> AgencyIds, IReadOnlyList<AgencyType> AgencyTypes, IReadOnlyList<SharingPurpose> Purposes);
