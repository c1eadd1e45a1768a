using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Consents;

namespace IntegratedCare.Protocols.Domain.Sharing;

/// <summary>What is asked: may this agency see this category of this person's data, for this purpose?</summary>
internal sealed record SharingRequest(
    Guid ServiceUserId,
    AgencyId Recipient,
    DataCategory Category,
    SharingPurpose Purpose,
    string? OverrideBasisCode,
    string? OverrideReason);

/// <summary>The recipient as the decision needs it.</summary>
public sealed record Recipient(AgencyId Id, AgencyType Type, bool IsActive);

/// <summary>Permit or deny, and what decided it: the protocol rule, the consent or the legal basis.</summary>
internal sealed record SharingDecision(
    bool Permitted,
    string Reason,
    SharingProtocolId? ProtocolId,
    SharingRule? Rule,
    ConsentId? ConsentId)
{
    /// <summary>The basis in one line, for the audit trail: ids and codes, never personal data.</summary>
    public string Basis => (Permitted ? "permit" : "deny") + ": " + Reason
        + (ProtocolId is null ? string.Empty : $"; protocol {ProtocolId}")
        + (Rule is null ? string.Empty : $"; rule {Rule.Describe()}")
        + (ConsentId is null ? string.Empty : $"; consent {ConsentId}");
}

/// <summary>
/// The sharing decision, as a pure function of the active protocols, the recipient and the person's
/// consents. Denies unless a rule of an active protocol the recipient signed covers the request, and
/// either a consent in force permits it (and none denies it), or the caller invokes a legal override
/// that the rule provides for, with a reason.
/// </summary>
internal static class SharingDecisionPolicy
{
    public static SharingDecision Decide(
        SharingRequest request,
        Recipient? recipient,
        IReadOnlyList<SharingProtocol> activeProtocols,
        IReadOnlyList<Consent> consents,
        DateTimeOffset now)
    {
        if (recipient is null || !recipient.IsActive)
        {
            return Deny("recipient agency unknown or inactive");
        }

        var rules = activeProtocols
            .Where(p => p.Status == SharingProtocolStatus.Active && p.Signatories.Contains(recipient.Id))
            .SelectMany(p => p.Rules.Select(r => (Protocol: p, Rule: r)))
            .Where(x => x.Rule.Category == request.Category && x.Rule.RecipientType == recipient.Type && x.Rule.Purpose == request.Purpose)
            .ToList();
        if (rules.Count == 0)
        {
            return Deny("no active sharing rule covers this category, recipient type and purpose");
        }

        if (!string.IsNullOrWhiteSpace(request.OverrideBasisCode))
        {
            var legal = rules.FirstOrDefault(x => x.Rule.Basis == SharingBasis.LegalOverride
                && string.Equals(x.Rule.LegalBasisCode, request.OverrideBasisCode, StringComparison.Ordinal));
            return legal.Rule is null
                ? Deny($"no rule provides for the legal basis '{request.OverrideBasisCode}'")
                : new SharingDecision(true, $"legal basis {request.OverrideBasisCode}: {request.OverrideReason}", legal.Protocol.Id, legal.Rule, null);
        }

        var consentRule = rules.FirstOrDefault(x => x.Rule.Basis == SharingBasis.Consent);
        if (consentRule.Rule is null)
        {
            return Deny("the rule allows sharing only on a legal basis, and none was invoked");
        }

        var inForce = consents.Where(c => c.IsInForceAt(now)).ToList();
        var denying = inForce.FirstOrDefault(c => c.Denies(request.Category, recipient.Id, recipient.Type, request.Purpose));
        if (denying is not null)
        {
            return new SharingDecision(false, "the person's consent denies it", consentRule.Protocol.Id, consentRule.Rule, denying.Id);
        }

        var permitting = inForce.FirstOrDefault(c => c.Permits(request.Category, recipient.Id, recipient.Type, request.Purpose));
        return permitting is null
            ? new SharingDecision(false, "no consent in force permits it", consentRule.Protocol.Id, consentRule.Rule, null)
            : new SharingDecision(true, "the person's consent permits it", consentRule.Protocol.Id, consentRule.Rule, permitting.Id);
    }

    private static SharingDecision Deny(string reason) => new(false, reason, null, null, null);
}
