using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Domain.Consents;

public sealed record ConsentId(Guid Value) : ITypedId
{
    public static ConsentId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

/// <summary>FHIR R4 Consent.status. Expiry makes an active consent inactive.</summary>
public enum ConsentStatus
{
    Draft = 1,
    Active = 2,
    Rejected = 3,
    Inactive = 4,
}

public enum ConsentMethod
{
    Written = 1,
    Verbal = 2,
}

public enum ProvisionType
{
    Permit = 1,
    Deny = 2,
}

/// <summary>
/// One provision of a consent: permit or deny these categories to these agencies or agency types, for
/// these purposes (none listed: any purpose).
/// </summary>
public sealed record ConsentProvision(
    ProvisionType Type,
    IReadOnlyList<DataCategory> Categories,
    IReadOnlyList<Guid> AgencyIds,
    IReadOnlyList<AgencyType> AgencyTypes,
    IReadOnlyList<SharingPurpose> Purposes)
{
    public bool Covers(DataCategory category, AgencyId agency, AgencyType agencyType, SharingPurpose purpose) =>
        Categories.Contains(category)
        && (AgencyIds.Contains(agency.Value) || AgencyTypes.Contains(agencyType))
        && (Purposes.Count == 0 || Purposes.Contains(purpose));
}

/// <summary>
/// A person's consent (or recorded refusal) to share their data, taken by an agency, written or verbal,
/// with an optional expiry. Withdrawn or expired, it no longer permits anything; its history is kept.
/// </summary>
public sealed class Consent : AggregateRoot<ConsentId>
{
    private List<ConsentProvision> _provisions = [];

    private Consent()
        : base(null!)
    {
        RecordedBy = string.Empty;
    }

    private Consent(ConsentId id)
        : base(id)
    {
        RecordedBy = string.Empty;
    }

    public Guid ServiceUserId { get; private set; }

    public AgencyId RecordingAgencyId { get; private set; } = null!;

    public string RecordedBy { get; private set; }

    public ConsentMethod Method { get; private set; }

    public IReadOnlyList<ConsentProvision> Provisions => _provisions;

    /// <summary>The stored status; see <see cref="StatusAt"/> for the one in force.</summary>
    public ConsentStatus Status { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>When the system noticed the expiry and told the agencies the consent named.</summary>
    public DateTimeOffset? ExpiryNotifiedAt { get; private set; }

    public static Consent Record(
        Guid serviceUserId,
        AgencyId recordingAgency,
        string recordedBy,
        ConsentMethod method,
        bool refused,
        IReadOnlyList<ConsentProvision> provisions,
        DateTimeOffset? expiresAt,
        DateTimeOffset now)
    {
        CheckRule(new ConsentNeedsProvisionsRule(provisions, refused));
        CheckRule(new ConsentExpiryMustBeInTheFutureRule(expiresAt, now));
        var consent = new Consent(ConsentId.New())
        {
            ServiceUserId = serviceUserId,
            RecordingAgencyId = recordingAgency,
            RecordedBy = recordedBy,
            Method = method,
            Status = refused ? ConsentStatus.Rejected : ConsentStatus.Active,
            RecordedAt = now,
            ExpiresAt = expiresAt,
            _provisions = provisions.ToList(),
        };
        consent.Raise(new ConsentChanged(consent.Id, serviceUserId, now));
        return consent;
    }

    /// <summary>Marks an expired consent inactive and tells its recipients. Once only: later calls change nothing.</summary>
    public bool MarkExpired(DateTimeOffset now)
    {
        if (Status != ConsentStatus.Active || ExpiresAt is null || ExpiresAt > now || ExpiryNotifiedAt is not null)
        {
            return false;
        }

        Status = ConsentStatus.Inactive;
        ExpiryNotifiedAt = now;
        Touch();
        Raise(new ConsentChanged(Id, ServiceUserId, now));
        Raise(new ConsentExpired(Id, ServiceUserId, PermittedAgencies(), PermittedAgencyTypes(), now));
        return true;
    }

    public ConsentStatus StatusAt(DateTimeOffset now) =>
        Status == ConsentStatus.Active && ExpiresAt <= now ? ConsentStatus.Inactive : Status;

    public bool IsInForceAt(DateTimeOffset now) => StatusAt(now) == ConsentStatus.Active;

    /// <summary>
    /// Whether a provision permits the disclosure. Never to the agency that recorded the consent: no agency
    /// grants itself access to data another agency holds, not even through a provision by agency type.
    /// </summary>
    public bool Permits(DataCategory category, AgencyId agency, AgencyType type, SharingPurpose purpose) =>
        agency != RecordingAgencyId && _provisions.Any(p => p.Type == ProvisionType.Permit && p.Covers(category, agency, type, purpose));

    /// <summary>Whether a provision permits the agency anything at all (by id or by type): it may then know the person exists.</summary>
    public bool PermitsSomethingTo(AgencyId agency, AgencyType type) =>
        agency != RecordingAgencyId
        && _provisions.Any(p => p.Type == ProvisionType.Permit && (p.AgencyIds.Contains(agency.Value) || p.AgencyTypes.Contains(type)));

    public bool Denies(DataCategory category, AgencyId agency, AgencyType type, SharingPurpose purpose) =>
        _provisions.Any(p => p.Type == ProvisionType.Deny && p.Covers(category, agency, type, purpose));

    /// <summary>The person withdraws consent: from now on it permits nothing, and its recipients are told.</summary>
    public void Withdraw(long expectedVersion, string reason, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new OnlyAConsentInForceCanBeWithdrawnRule(this, now));
        Status = ConsentStatus.Inactive;
        WithdrawnAt = now;
        WithdrawalReason = reason.Trim();
        Touch();
        Raise(new ConsentChanged(Id, ServiceUserId, now));
        Raise(new ConsentWithdrawn(Id, ServiceUserId, PermittedAgencies(), PermittedAgencyTypes(), now));
    }

    private List<AgencyId> PermittedAgencies() =>
        _provisions.Where(p => p.Type == ProvisionType.Permit).SelectMany(p => p.AgencyIds).Distinct().Select(a => new AgencyId(a)).ToList();

    private List<AgencyType> PermittedAgencyTypes() =>
        _provisions.Where(p => p.Type == ProvisionType.Permit).SelectMany(p => p.AgencyTypes).Distinct().ToList();
}

internal sealed record ConsentChanged(ConsentId ConsentId, Guid ServiceUserId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ConsentWithdrawn(ConsentId ConsentId, Guid ServiceUserId, IReadOnlyList<AgencyId> Agencies, IReadOnlyList<AgencyType> AgencyTypes, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record ConsentExpired(ConsentId ConsentId, Guid ServiceUserId, IReadOnlyList<AgencyId> Agencies, IReadOnlyList<AgencyType> AgencyTypes, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed class ConsentNeedsProvisionsRule(IReadOnlyList<ConsentProvision> provisions, bool refused) : IBusinessRule
{
    public bool IsBroken() => !refused && (provisions.Count == 0
        || provisions.Any(p => p.Categories.Count == 0 || (p.AgencyIds.Count == 0 && p.AgencyTypes.Count == 0)));

    public string Message => "A consent has at least one provision, and each names the data categories and the agencies or agency types it covers.";
}

internal sealed class ConsentExpiryMustBeInTheFutureRule(DateTimeOffset? expiresAt, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => expiresAt <= now;

    public string Message => "A consent's expiry must be in the future.";
}

internal sealed class OnlyAConsentInForceCanBeWithdrawnRule(Consent consent, DateTimeOffset now) : IBusinessRule
{
    public bool IsBroken() => !consent.IsInForceAt(now);

    public string Message => $"Consent {consent.Id} is {consent.StatusAt(now)}, not active: there is nothing to withdraw.";
}

internal interface IConsentRepository
{
    Task<Consent?> FindAsync(ConsentId id, CancellationToken cancellationToken);

    /// <summary>Every consent of the person, in force or not, newest first.</summary>
    Task<IReadOnlyList<Consent>> ForServiceUserAsync(Guid serviceUserId, CancellationToken cancellationToken);

    /// <summary>Every consent of each of these people (one query), newest first; a person with none maps to an empty list.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Consent>>> ForServiceUsersAsync(IReadOnlyCollection<Guid> serviceUserIds, CancellationToken cancellationToken);

    /// <summary>Consents past their expiry whose recipients have not yet been told.</summary>
    Task<IReadOnlyList<Consent>> NewlyExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    void Add(Consent consent);
}
