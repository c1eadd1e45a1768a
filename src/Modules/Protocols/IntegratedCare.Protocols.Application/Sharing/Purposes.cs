using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Application.Sharing;

internal static class Purposes
{
    public static readonly IReadOnlyDictionary<string, SharingPurpose> ByCode = new Dictionary<string, SharingPurpose>(StringComparer.Ordinal)
    {
        [SharingPurposes.DirectCare] = SharingPurpose.DirectCare,
        [SharingPurposes.Safeguarding] = SharingPurpose.Safeguarding,
        [SharingPurposes.Planning] = SharingPurpose.Planning,
    };
}
