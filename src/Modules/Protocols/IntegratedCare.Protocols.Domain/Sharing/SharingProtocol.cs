using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Domain.Agencies;

namespace IntegratedCare.Protocols.Domain.Sharing;

public sealed record SharingProtocolId(Guid Value) : ITypedId
{
    public static SharingProtocolId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

public enum SharingProtocolStatus
{
    Draft = 1,
    Active = 2,
    Retired = 3,
}

/// <summary>
/// One line of an information sharing protocol: this category may go to agencies of this type, for this
/// purpose, on this basis. A legal-override rule names the legal basis (e.g. "child-protection").
/// </summary>
public sealed record SharingRule(DataCategory Category, AgencyType RecipientType, SharingPurpose Purpose, SharingBasis Basis, string LegalBasisCode)
{
    public string Describe() => $"{Category.Code()}→{RecipientType}/{Purpose}/{(Basis == SharingBasis.Consent ? "consent" : "legal:" + LegalBasisCode)}";
}

/// <summary>
/// An information sharing protocol: the rules under which NHS, local authority and voluntary providers
/// pass a person's data to one another. It binds its signatory agencies once active; its rules are fixed
/// from then on (a change is a new protocol).
/// </summary>
internal sealed class SharingProtocol : AggregateRoot<SharingProtocolId>
{
    private List<SharingRule> _rules = [];
    private List<Guid> _signatories = [];

    private SharingProtocol()
        : base(null!)
    {
        Name = string.Empty;
    }

    private SharingProtocol(SharingProtocolId id, string name, IReadOnlyList<SharingRule> rules, DateTimeOffset now)
        : base(id)
    {
        Name = name;
        _rules = rules.Distinct().ToList();
        Status = SharingProtocolStatus.Draft;
        CreatedAt = now;
    }

    public string Name { get; private set; }

    public IReadOnlyList<SharingRule> Rules => _rules;

    public IReadOnlyList<AgencyId> Signatories => _signatories.Select(s => new AgencyId(s)).ToList();

    public SharingProtocolStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    public static SharingProtocol Create(string name, IReadOnlyList<SharingRule> rules, DateTimeOffset now)
    {
        CheckRule(new SharingProtocolNeedsRulesRule(rules));
        CheckRule(new LegalOverrideRulesNameTheirBasisRule(rules));
        return new SharingProtocol(SharingProtocolId.New(), name.Trim(), rules, now);
    }

    /// <summary>An agency signs up to the protocol. Signing twice changes nothing.</summary>
    public void Sign(long expectedVersion, AgencyId agency, bool agencyIsActive, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new RetiredSharingProtocolCannotChangeRule(this));
        CheckRule(new OnlyActiveAgenciesSignRule(agency, agencyIsActive));
        if (_signatories.Contains(agency.Value))
        {
            return;
        }

        _signatories.Add(agency.Value);
        Touch();
        Raise(new SharingProtocolChanged(Id, now));
    }

    public void Activate(long expectedVersion, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new SharingProtocolMustBeDraftToActivateRule(this));
        CheckRule(new SharingProtocolNeedsSignatoriesRule(this));
        Status = SharingProtocolStatus.Active;
        ActivatedAt = now;
        Touch();
        Raise(new SharingProtocolChanged(Id, now));
    }

    public void Retire(long expectedVersion, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new RetiredSharingProtocolCannotChangeRule(this));
        Status = SharingProtocolStatus.Retired;
        Touch();
        Raise(new SharingProtocolChanged(Id, now));
    }
}

/// <summary>The rules that decide sharing changed: cached decisions must be dropped.</summary>
internal sealed record SharingProtocolChanged(SharingProtocolId ProtocolId, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed class SharingProtocolNeedsRulesRule(IReadOnlyCollection<SharingRule> rules) : IBusinessRule
{
    public bool IsBroken() => rules.Count == 0;

    public string Message => "An information sharing protocol has at least one rule.";
}

internal sealed class LegalOverrideRulesNameTheirBasisRule(IReadOnlyCollection<SharingRule> rules) : IBusinessRule
{
    public bool IsBroken() => rules.Any(r => r.Basis == SharingBasis.LegalOverride && string.IsNullOrWhiteSpace(r.LegalBasisCode));

    public string Message => "A legal-override rule names its legal basis (e.g. child-protection).";
}

internal sealed class SharingProtocolMustBeDraftToActivateRule(SharingProtocol protocol) : IBusinessRule
{
    public bool IsBroken() => protocol.Status != SharingProtocolStatus.Draft;

    public string Message => $"Information sharing protocol {protocol.Id} is {protocol.Status}, not a draft.";
}

internal sealed class SharingProtocolNeedsSignatoriesRule(SharingProtocol protocol) : IBusinessRule
{
    public bool IsBroken() => protocol.Signatories.Count < 2;

    public string Message => "An information sharing protocol needs at least two signatory agencies before it is active.";
}

internal sealed class RetiredSharingProtocolCannotChangeRule(SharingProtocol protocol) : IBusinessRule
{
    public bool IsBroken() => protocol.Status == SharingProtocolStatus.Retired;

    public string Message => $"Information sharing protocol {protocol.Id} is retired.";
}

internal sealed class OnlyActiveAgenciesSignRule(AgencyId agency, bool agencyIsActive) : IBusinessRule
{
    public bool IsBroken() => !agencyIsActive;

    public string Message => $"Agency {agency} is not active and cannot sign.";
}

internal interface ISharingProtocolRepository
{
    Task<SharingProtocol?> FindAsync(SharingProtocolId id, CancellationToken cancellationToken);

    /// <summary>Every active protocol as committed now (never a request's older snapshot): few, and read together by the sharing decision.</summary>
    Task<IReadOnlyList<SharingProtocol>> ActiveAsync(CancellationToken cancellationToken);

    void Add(SharingProtocol protocol);
}
