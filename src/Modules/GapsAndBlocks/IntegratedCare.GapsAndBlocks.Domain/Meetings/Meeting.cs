using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.GapsAndBlocks.Domain.Meetings;

public sealed record MeetingId(Guid Value) : ITypedId
{
    public static MeetingId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString("D");
}

public enum MeetingKind
{
    /// <summary>An area's Treatment and Rehabilitation Sub-Group.</summary>
    SubGroup = 1,

    /// <summary>The National Drugs Rehabilitation Implementation Committee.</summary>
    Ndric = 2,
}

public enum ItemDecision
{
    Resolved = 1,

    /// <summary>Referred on: from the sub-group to NDRIC.</summary>
    ReferredUp = 2,

    /// <summary>Held over to the next meeting, with a reason.</summary>
    Deferred = 3,
}

/// <summary>The minute of one agenda item: the form, the decision, and what was done, referred or why deferred.</summary>
public sealed record MinuteItem(Guid FormId, ItemDecision Decision, string Text, bool DeferredTwice);

/// <summary>A sub-group or NDRIC meeting: its agenda is the forms raised to it; its minutes a decision per item.</summary>
public sealed class Meeting : AggregateRoot<MeetingId>
{
    private List<MinuteItem> _minutes = [];

    private Meeting()
        : base(null!)
    {
    }

    private Meeting(MeetingId id)
        : base(id)
    {
    }

    public MeetingKind Kind { get; private set; }

    /// <summary>The sub-group's area; none for NDRIC.</summary>
    public Guid? AreaId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string ScheduledBy { get; private set; } = string.Empty;

    public DateTimeOffset? MinutedAt { get; private set; }

    public string MinutedBy { get; private set; } = string.Empty;

    public IReadOnlyList<MinuteItem> Minutes => _minutes;

    /// <param name="today">Today in the meeting's calendar (its area's; NDRIC's is the national one).</param>
    /// <param name="heldAlready">The meeting took place and is being recorded after the fact: only then may its day be past.</param>
    public static Meeting Schedule(MeetingKind kind, Guid? areaId, DateOnly heldOn, DateOnly today, bool heldAlready, string by)
    {
        CheckRule(new MeetingIsScheduledAheadRule(heldOn, today, heldAlready));
        return new(MeetingId.New()) { Kind = kind, AreaId = kind == MeetingKind.SubGroup ? areaId : null, HeldOn = heldOn, ScheduledBy = by };
    }

    /// <param name="today">Today in the meeting's calendar: minutes are recorded on or after the meeting's day.</param>
    public void RecordMinutes(long expectedVersion, IReadOnlyList<MinuteItem> minutes, string by, DateTimeOffset now, DateOnly today)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new MinutesAreRecordedOnceRule(this));
        CheckRule(new MinutesFollowTheMeetingRule(HeldOn, today));
        CheckRule(new NdricRefersNothingUpRule(Kind, minutes));
        _minutes = minutes.ToList();
        MinutedAt = now;
        MinutedBy = by;
        Touch();
    }
}

/// <summary>
/// A meeting is scheduled for today or later; one already held is recorded as such, and no more than a
/// year back. Saying it was held is for a past day only.
/// </summary>
internal sealed class MeetingIsScheduledAheadRule(DateOnly heldOn, DateOnly today, bool heldAlready) : IBusinessRule
{
    public const int MostDaysBack = 366;

    public bool IsBroken() => heldAlready ? heldOn >= today || heldOn < today.AddDays(-MostDaysBack) : heldOn < today;

    public string Message => heldAlready
        ? heldOn >= today
            ? $"A meeting on {heldOn:yyyy-MM-dd} has not been held yet: held_already is for a meeting on a past day."
            : $"A meeting held on {heldOn:yyyy-MM-dd} is more than {MostDaysBack} days ago: it is not recorded here."
        : $"{heldOn:yyyy-MM-dd} is past (today is {today:yyyy-MM-dd}): schedule a meeting for today or later, or set held_already to record one that was held.";
}

/// <summary>Minutes record what a meeting decided, so not before the meeting's day.</summary>
internal sealed class MinutesFollowTheMeetingRule(DateOnly heldOn, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => today < heldOn;

    public string Message => $"The meeting is on {heldOn:yyyy-MM-dd} (today is {today:yyyy-MM-dd}): its minutes are recorded on or after that day.";
}

internal sealed class MinutesAreRecordedOnceRule(Meeting meeting) : IBusinessRule
{
    public bool IsBroken() => meeting.MinutedAt is not null;

    public string Message => $"Meeting {meeting.Id} is minuted already.";
}

internal sealed class NdricRefersNothingUpRule(MeetingKind kind, IReadOnlyList<MinuteItem> minutes) : IBusinessRule
{
    public bool IsBroken() => kind == MeetingKind.Ndric && minutes.Any(m => m.Decision == ItemDecision.ReferredUp);

    public string Message => "NDRIC is the top of the ladder: it decides actions or defers, it refers nothing up.";
}

internal interface IMeetingRepository
{
    Task<Meeting?> FindAsync(MeetingId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Meeting>> ListAsync(MeetingKind kind, Guid? areaId, CancellationToken cancellationToken);

    void Add(Meeting meeting);
}
