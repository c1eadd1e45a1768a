using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Protocols.Contracts;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Application.Sharing;

/// <summary>
/// The sharing decision over many categories from one look at the agency (the acting-agency cache the
/// pipeline keeps), the active rules (their cache) and one load of the person's consents.
/// </summary>
internal sealed class SharingDecider(
    ISharingProtocolRepository protocols,
    SharingRulesCache cache,
    IActingAgencies agencies,
    IConsentRepository consents,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<SharingDecision>> DecideAsync(
        Guid serviceUserId, Guid agencyGuid, IReadOnlyList<DataCategory> categories, string purpose, string? overrideBasis, string? overrideReason, CancellationToken cancellationToken)
    {
        var (recipient, rules) = await RecipientAndRulesAsync(agencyGuid, cancellationToken);
        var held = await consents.ForServiceUserAsync(serviceUserId, cancellationToken);
        return Decide(serviceUserId, agencyGuid, categories, purpose, overrideBasis, overrideReason, recipient, rules, held);
    }

    /// <summary>Every category for each of many people and one agency: the agency and the rules once, the consents in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<SharingDecision>>> DecideForPeopleAsync(
        IReadOnlyList<Guid> serviceUserIds, Guid agencyGuid, IReadOnlyList<DataCategory> categories, string purpose, CancellationToken cancellationToken)
    {
        var (recipient, rules) = await RecipientAndRulesAsync(agencyGuid, cancellationToken);
        var held = await consents.ForServiceUsersAsync(serviceUserIds, cancellationToken);
        return held.ToDictionary(p => p.Key, p => Decide(p.Key, agencyGuid, categories, purpose, null, null, recipient, rules, p.Value));
    }

    private async Task<(Recipient? Recipient, IReadOnlyList<SharingProtocol> Rules)> RecipientAndRulesAsync(Guid agencyGuid, CancellationToken cancellationToken)
    {
        var agency = await agencies.FindAsync(agencyGuid, cancellationToken);
        var recipient = agency is null ? null : new Recipient(new AgencyId(agencyGuid), Enum.Parse<AgencyType>(agency.AgencyType), agency.Active);
        return (recipient, await cache.ActiveProtocolsAsync(protocols, cancellationToken));
    }

    private IReadOnlyList<SharingDecision> Decide(
        Guid serviceUserId, Guid agencyGuid, IReadOnlyList<DataCategory> categories, string purpose, string? overrideBasis, string? overrideReason,
        Recipient? recipient, IReadOnlyList<SharingProtocol> rules, IReadOnlyList<Consent> held)
    {
        var now = clock.GetUtcNow();
        return categories
            .Select(category => SharingDecisionPolicy.Decide(
                new SharingRequest(serviceUserId, new AgencyId(agencyGuid), category, Purposes.ByCode[purpose], overrideBasis, overrideReason?.Trim()), recipient, rules, held, now))
            .ToList();
    }

    public static MaySeeResult ToResult(SharingDecision decision) =>
        new(decision.Permitted, decision.Reason, decision.ProtocolId?.Value, decision.Rule?.Describe(), decision.ConsentId?.Value, decision.Basis);
}
