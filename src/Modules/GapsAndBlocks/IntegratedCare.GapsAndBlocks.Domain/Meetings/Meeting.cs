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

    public static Meeting Schedule(MeetingKind kind, Guid? areaId, DateOnly heldOn, string by) =>
        new(MeetingId.New()) { Kind = kind, AreaId = kind == MeetingKind.SubGroup ? areaId : null, HeldOn = heldOn, ScheduledBy = by };

    public void RecordMinutes(long expectedVersion, IReadOnlyList<MinuteItem> minutes, string by, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new MinutesAreRecordedOnceRule(this));
        CheckRule(new NdricRefersNothingUpRule(Kind, minutes));
        _minutes = minutes.ToList();
        MinutedAt = now;
        MinutedBy = by;
        Touch();
    }
}

public sealed class MinutesAreRecordedOnceRule(Meeting meeting) : IBusinessRule
{
    public bool IsBroken() => meeting.MinutedAt is not null;

    public string Message => $"Meeting {meeting.Id} is minuted already.";
}

public sealed class NdricRefersNothingUpRule(MeetingKind kind, IReadOnlyList<MinuteItem> minutes) : IBusinessRule
{
    public bool IsBroken() => kind == MeetingKind.Ndric && minutes.Any(m => m.Decision == ItemDecision.ReferredUp);

    public string Message => "NDRIC is the top of the ladder: it decides actions or defers, it refers nothing up.";
}

public interface IMeetingRepository
{
    Task<Meeting?> FindAsync(MeetingId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Meeting>> ListAsync(MeetingKind kind, Guid? areaId, CancellationToken cancellationToken);

    void Add(Meeting meeting);
}
