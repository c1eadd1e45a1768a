using IntegratedCare.BuildingBlocks.Domain;
using IntegratedCare.Protocols.Domain.Agencies;
using IntegratedCare.Protocols.Domain.Areas;
using IntegratedCare.Protocols.Domain.Referrals;

namespace IntegratedCare.Protocols.Domain.Allocations;

internal sealed record AllocationItemId(Guid Value) : ITypedId
{
    public static AllocationItemId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

internal sealed record AllocationMeetingId(Guid Value) : ITypedId
{
    public static AllocationMeetingId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

public enum AllocationStatus
{
    /// <summary>On the queue, including after a deferral.</summary>
    Waiting = 1,
    Allocated = 2,
}

/// <summary>
/// A referral that needs more than one agency, waiting on its area's joint allocation queue until an
/// allocation meeting names the lead agency and the contributing ones, or defers it with a reason.
/// </summary>
internal sealed class AllocationItem : AggregateRoot<AllocationItemId>
{
    private List<Guid> _contributingAgencyIds = [];

    private AllocationItem()
        : base(null!)
    {
        AreaId = null!;
        ReferralId = null!;
        QueuedByAgencyId = null!;
        Reason = string.Empty;
    }

    private AllocationItem(AllocationItemId id, AreaId area, ReferralId referral, AgencyId queuedBy, string reason, DateTimeOffset now)
        : base(id)
    {
        AreaId = area;
        ReferralId = referral;
        QueuedByAgencyId = queuedBy;
        Reason = reason;
        QueuedAt = now;
        Status = AllocationStatus.Waiting;
    }

    public AreaId AreaId { get; private set; }

    public ReferralId ReferralId { get; private set; }

    public AgencyId QueuedByAgencyId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public AllocationStatus Status { get; private set; }

    public AgencyId? LeadAgencyId { get; private set; }

    public IReadOnlyList<AgencyId> ContributingAgencyIds => _contributingAgencyIds.Select(a => new AgencyId(a)).ToList();

    public DateTimeOffset? AllocatedAt { get; private set; }

    public AllocationMeetingId? LastMeetingId { get; private set; }

    public int Deferrals { get; private set; }

    public string? LastDeferralReason { get; private set; }

    public static AllocationItem Queue(Referral referral, AreaId area, AgencyId queuedBy, bool alreadyQueued, string reason, DateTimeOffset now)
    {
        CheckRule(new OnlyOpenReferralsAreAllocatedRule(referral));
        CheckRule(new AReferralIsQueuedOnceRule(referral.Id, alreadyQueued));
        return new AllocationItem(AllocationItemId.New(), area, referral.Id, queuedBy, reason.Trim(), now);
    }

    /// <summary>How long it has waited: until allocation, or until now.</summary>
    public TimeSpan WaitingTime(DateTimeOffset now) => (AllocatedAt ?? now) - QueuedAt;

    public void Allocate(AllocationMeetingId meeting, AgencyId lead, IReadOnlyCollection<AgencyId> contributors, DateTimeOffset now)
    {
        CheckRule(new AllocationItemMustBeWaitingRule(this));
        CheckRule(new JointAllocationNeedsAContributorRule(lead, contributors));
        Status = AllocationStatus.Allocated;
        LeadAgencyId = lead;
        _contributingAgencyIds = contributors.Select(c => c.Value).Where(c => c != lead.Value).Distinct().ToList();
        AllocatedAt = now;
        LastMeetingId = meeting;
        Touch();
    }

    public void Defer(AllocationMeetingId meeting, string reason)
    {
        CheckRule(new AllocationItemMustBeWaitingRule(this));
        Deferrals++;
        LastDeferralReason = reason.Trim();
        LastMeetingId = meeting;
        Touch();
    }
}

/// <summary>A joint allocation meeting of an area: when, who attended, and the items it decided.</summary>
internal sealed class AllocationMeeting : AggregateRoot<AllocationMeetingId>
{
    private List<Guid> _attendeeAgencyIds = [];
    private List<Guid> _decidedItemIds = [];

    private AllocationMeeting()
        : base(null!)
    {
        AreaId = null!;
        RecordedBy = string.Empty;
    }

    private AllocationMeeting(AllocationMeetingId id, AreaId area, DateOnly heldOn, string recordedBy, DateTimeOffset now)
        : base(id)
    {
        AreaId = area;
        HeldOn = heldOn;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public AreaId AreaId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public IReadOnlyList<AgencyId> AttendeeAgencyIds => _attendeeAgencyIds.Select(a => new AgencyId(a)).ToList();

    public IReadOnlyList<AllocationItemId> DecidedItemIds => _decidedItemIds.Select(i => new AllocationItemId(i)).ToList();

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static AllocationMeeting Record(AreaId area, DateOnly heldOn, IReadOnlyCollection<AgencyId> attendees, IReadOnlyCollection<AllocationItemId> decided, string recordedBy, DateTimeOffset now)
    {
        CheckRule(new AllocationMeetingNeedsAttendeesRule(attendees));
        var meeting = new AllocationMeeting(AllocationMeetingId.New(), area, heldOn, recordedBy, now)
        {
            _attendeeAgencyIds = attendees.Select(a => a.Value).Distinct().ToList(),
            _decidedItemIds = decided.Select(i => i.Value).Distinct().ToList(),
        };
        return meeting;
    }
}

internal sealed class OnlyOpenReferralsAreAllocatedRule(Referral referral) : IBusinessRule
{
    public bool IsBroken() => referral.Status is not (ReferralStatus.Requested or ReferralStatus.Received or ReferralStatus.Accepted);

    public string Message => $"Referral {referral.Id} is {referral.Status}: only an open referral goes to joint allocation.";
}

internal sealed class AReferralIsQueuedOnceRule(ReferralId referral, bool alreadyQueued) : IUniquenessRule
{
    public bool IsBroken() => alreadyQueued;

    public string Message => $"Referral {referral} is already on a joint allocation queue.";
}

internal sealed class AllocationItemMustBeWaitingRule(AllocationItem item) : IBusinessRule
{
    public bool IsBroken() => item.Status != AllocationStatus.Waiting;

    public string Message => $"Allocation item {item.Id} was already allocated.";
}

internal sealed class JointAllocationNeedsAContributorRule(AgencyId lead, IReadOnlyCollection<AgencyId> contributors) : IBusinessRule
{
    public bool IsBroken() => !contributors.Any(c => c != lead);

    public string Message => "A joint allocation names at least one contributing agency besides the lead.";
}

internal sealed class AllocationMeetingNeedsAttendeesRule(IReadOnlyCollection<AgencyId> attendees) : IBusinessRule
{
    public bool IsBroken() => attendees.Distinct().Count() < 2;

    public string Message => "A joint allocation meeting is attended by at least two agencies.";
}

internal interface IAllocationRepository
{
    Task<AllocationItem?> FindItemAsync(AllocationItemId id, CancellationToken cancellationToken);

    Task<bool> IsQueuedAsync(ReferralId referral, CancellationToken cancellationToken);

    /// <summary>A page of the area's queue, oldest first, and how many items it holds in all.</summary>
    Task<(IReadOnlyList<AllocationItem> Items, int Total)> QueueAsync(AreaId area, bool includeAllocated, int offset, int limit, CancellationToken cancellationToken);

    void Add(AllocationItem item);

    void Add(AllocationMeeting meeting);
}
