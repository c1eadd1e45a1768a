using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.InterAgency;
using IntegratedCare.Protocols.Domain.Sharing;

namespace IntegratedCare.Protocols.Domain.Referrals;

public sealed record ReferralId(Guid Value) : ITypedId
{
    public static ReferralId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

/// <summary>A referral is closed only when the receiving agency says what happened.</summary>
public enum ReferralStatus
{
    Requested = 1,
    Received = 2,
    Accepted = 3,
    Rejected = 4,
    Completed = 5,
    Cancelled = 6,
    Expired = 7,
}

public enum RejectionReason
{
    NotEligible = 1,
    NoCapacity = 2,
    OutOfArea = 3,
    Duplicate = 4,
    PersonDeclined = 5,
    InsufficientInformation = 6,
    Other = 7,
}

/// <summary>
/// Agency A refers a person to agency B under an inter-agency protocol, sharing named data categories.
/// B must answer (accept or reject) by the protocol's response time; an unanswered referral past that
/// time is flagged overdue once, which other modules hear of.
/// </summary>
public sealed class Referral : AggregateRoot<ReferralId>
{
    private List<DataCategory> _sharedCategories = [];

    private Referral()
        : base(null!)
    {
        Reason = string.Empty;
        ProtocolId = null!;
        FromAgencyId = null!;
        ToAgencyId = null!;
    }

    private Referral(ReferralId id, InterAgencyProtocolId protocolId, Guid serviceUserId, AgencyId from, AgencyId to, string reason, DateTimeOffset now, DateTimeOffset dueAt)
        : base(id)
    {
        ProtocolId = protocolId;
        ServiceUserId = serviceUserId;
        FromAgencyId = from;
        ToAgencyId = to;
        Reason = reason;
        Status = ReferralStatus.Requested;
        RequestedAt = now;
        DueAt = dueAt;
    }

    public InterAgencyProtocolId ProtocolId { get; private set; }

    public Guid ServiceUserId { get; private set; }

    public AgencyId FromAgencyId { get; private set; }

    public AgencyId ToAgencyId { get; private set; }

    public string Reason { get; private set; }

    public IReadOnlyList<DataCategory> SharedCategories => _sharedCategories;

    public ReferralStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>When the receiving agency must have accepted or rejected it.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset? ReceivedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public RejectionReason? RejectionReason { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? OverdueAt { get; private set; }

    public bool IsAwaitingAnswer => Status is ReferralStatus.Requested or ReferralStatus.Received;

    public static Referral Make(
        InterAgencyProtocol protocol,
        (AgencyId Id, AgencyType Type) from,
        (AgencyId Id, AgencyType Type, bool Active) to,
        Guid serviceUserId,
        string reason,
        IReadOnlyList<DataCategory> sharedCategories,
        IntegratedCare.BuildingBlocks.Domain.Calendar.WorkingCalendar receiverCalendar,
        DateTimeOffset now)
    {
        CheckRule(new ReferralNeedsAnActiveProtocolRule(protocol));
        CheckRule(new ReferralPartiesMustBeInTheProtocolRule(protocol, from.Id, from.Type, "referring"));
        CheckRule(new ReferralPartiesMustBeInTheProtocolRule(protocol, to.Id, to.Type, "receiving"));
        CheckRule(new ReferralReceiverMustBeActiveRule(to.Id, to.Active));
        CheckRule(new AgencyCannotReferToItselfRule(from.Id, to.Id));
        var referral = new Referral(ReferralId.New(), protocol.Id, serviceUserId, from.Id, to.Id, reason.Trim(), now, protocol.ResponseTime.DueFrom(now, receiverCalendar))
        {
            _sharedCategories = sharedCategories.Distinct().ToList(),
        };
        referral.Raise(new ReferralMade(referral.Id, protocol.Id, from.Id, to.Id, referral.DueAt, now));
        return referral;
    }

    public void Receive(long expectedVersion, DateTimeOffset now)
    {
        Expect(expectedVersion, ReferralStatus.Requested);
        Status = ReferralStatus.Received;
        ReceivedAt = now;
        Touch();
    }

    public void Accept(long expectedVersion, string note, DateTimeOffset now)
    {
        Expect(expectedVersion, ReferralStatus.Requested, ReferralStatus.Received);
        Status = ReferralStatus.Accepted;
        ReceivedAt ??= now;
        AnsweredAt = now;
        Note = note.Trim();
        Touch();
        Raise(new ReferralAnswered(Id, Status, null, now));
    }

    public void Reject(long expectedVersion, RejectionReason reason, string note, DateTimeOffset now)
    {
        Expect(expectedVersion, ReferralStatus.Requested, ReferralStatus.Received);
        Status = ReferralStatus.Rejected;
        ReceivedAt ??= now;
        AnsweredAt = now;
        ClosedAt = now;
        RejectionReason = reason;
        Note = note.Trim();
        Touch();
        Raise(new ReferralAnswered(Id, Status, reason, now));
    }

    /// <summary>The receiving agency says what happened: only it can close an accepted referral.</summary>
    public void Complete(long expectedVersion, string outcome, DateTimeOffset now)
    {
        Expect(expectedVersion, ReferralStatus.Accepted);
        Status = ReferralStatus.Completed;
        ClosedAt = now;
        Note = outcome.Trim();
        Touch();
        Raise(new ReferralClosed(Id, Status, now));
    }

    public void Cancel(long expectedVersion, string why, DateTimeOffset now)
    {
        Expect(expectedVersion, ReferralStatus.Requested, ReferralStatus.Received);
        Status = ReferralStatus.Cancelled;
        ClosedAt = now;
        Note = why.Trim();
        Touch();
        Raise(new ReferralClosed(Id, Status, now));
    }

    /// <summary>Flags an unanswered referral past its due time. Once only: later calls change nothing.</summary>
    public bool MarkOverdue(DateTimeOffset now)
    {
        if (!IsAwaitingAnswer || OverdueAt is not null || now <= DueAt)
        {
            return false;
        }

        OverdueAt = now;
        Touch();
        Raise(new ReferralOverdue(Id, ProtocolId, ServiceUserId, FromAgencyId, ToAgencyId, DueAt, now));
        return true;
    }

    /// <summary>
    /// An unanswered referral lapses once <paramref name="grace"/> has passed since its due time: it is
    /// closed as expired, and the referrer must refer again if the need remains.
    /// </summary>
    public bool ExpireIfLapsed(TimeSpan grace, DateTimeOffset now)
    {
        if (!IsAwaitingAnswer || now <= DueAt + grace)
        {
            return false;
        }

        Status = ReferralStatus.Expired;
        ClosedAt = now;
        Touch();
        Raise(new ReferralClosed(Id, Status, now));
        return true;
    }

    private void Expect(long expectedVersion, params ReferralStatus[] allowed)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new ReferralMustBeInStatusRule(this, allowed));
    }
}

internal sealed record ReferralMade(ReferralId ReferralId, InterAgencyProtocolId ProtocolId, AgencyId From, AgencyId To, DateTimeOffset DueAt, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record ReferralAnswered(ReferralId ReferralId, ReferralStatus Status, RejectionReason? Reason, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed record ReferralClosed(ReferralId ReferralId, ReferralStatus Status, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ReferralOverdue(ReferralId ReferralId, InterAgencyProtocolId ProtocolId, Guid ServiceUserId, AgencyId From, AgencyId To, DateTimeOffset DueAt, DateTimeOffset OccurredAt) : IDomainEvent;

internal sealed class ReferralNeedsAnActiveProtocolRule(InterAgencyProtocol protocol) : IBusinessRule
{
    public bool IsBroken() => protocol.Status != InterAgencyProtocolStatus.Active;

    public string Message => $"Protocol {protocol.Id} is {protocol.Status}: referrals need an active protocol.";
}

internal sealed class ReferralPartiesMustBeInTheProtocolRule(InterAgencyProtocol protocol, AgencyId agency, AgencyType type, string side) : IBusinessRule
{
    public bool IsBroken() => !protocol.CoversParty(agency, type);

    public string Message => $"The {side} agency {agency} is not a party to protocol {protocol.Id}.";
}

internal sealed class ReferralReceiverMustBeActiveRule(AgencyId agency, bool active) : IBusinessRule
{
    public bool IsBroken() => !active;

    public string Message => $"Agency {agency} is inactive and cannot receive referrals.";
}

internal sealed class AgencyCannotReferToItselfRule(AgencyId from, AgencyId to) : IBusinessRule
{
    public bool IsBroken() => from == to;

    public string Message => "An agency cannot refer a person to itself.";
}

internal sealed class ReferralMustBeInStatusRule(Referral referral, IReadOnlyCollection<ReferralStatus> allowed) : IBusinessRule
{
    public bool IsBroken() => !allowed.Contains(referral.Status);

    public string Message => $"Referral {referral.Id} is {referral.Status}; this needs it to be {string.Join(" or ", allowed)}.";
}

/// <summary>Sharing a category with the receiver was refused by the sharing decision.</summary>
internal sealed class ReferralSharingMustBePermittedRule(DataCategory category, bool permitted, string reason) : IBusinessRule
{
    public bool IsBroken() => !permitted;

    public string Message => $"Sharing {category.Code()} with the receiving agency is not permitted: {reason}.";
}

internal interface IReferralRepository
{
    Task<Referral?> FindAsync(ReferralId id, CancellationToken cancellationToken);

    /// <summary>Unanswered referrals past their due time and not yet flagged.</summary>
    Task<IReadOnlyList<Referral>> NewlyOverdueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Unanswered referrals whose due time was before <paramref name="dueBefore"/>.</summary>
    Task<IReadOnlyList<Referral>> LapsedAsync(DateTimeOffset dueBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Whether the agency made or received a referral about the person that was accepted (or since completed).</summary>
    Task<bool> IsPartyToAcceptedReferralAsync(Guid serviceUserId, AgencyId agencyId, CancellationToken cancellationToken);

    /// <summary>The referrals made in the period, for the waiting-time report.</summary>
    Task<IReadOnlyList<Referral>> ReceivedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    void Add(Referral referral);
}
