using IntegratedCare.Protocols.Contracts;

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
