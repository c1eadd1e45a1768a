using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Protocols.Application.Consents;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Sharing;
using MediatR;

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
