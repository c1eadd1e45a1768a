using FluentValidation;
using IntegratedCare.BuildingBlocks.Application.Auditing;
using IntegratedCare.BuildingBlocks.Application.Errors;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Application.Validation;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Referrals;
using MediatR;

namespace IntegratedCare.Protocols.Application.Consents;

/// <summary>
/// The relationships decided so far in this request (one scope): a request asks about the same person and
/// agency many times (each category of a referral, each match of a search) and pays for it once. A new
/// request, or a new round of a stream, decides afresh.
/// </summary>
public sealed class CareRelationshipMemo
{
    internal Dictionary<(string ServiceUserId, string AgencyId), CareRelationship> Known { get; } = [];
}
