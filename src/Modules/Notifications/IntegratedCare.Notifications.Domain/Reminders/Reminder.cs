using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Notifications.Domain.Reminders;

public sealed record ReminderId(Guid Value) : ITypedId
{
    public static ReminderId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// "Due in two days" for an action given to an agency: kept from the moment the action was assigned, and
/// sent on <see cref="RemindOn"/> if the action is still waiting then (the plan is asked; nothing is copied).
/// </summary>
public sealed class Reminder : AggregateRoot<ReminderId>
{
    /// <summary>How many days before the due date the reminder goes.</summary>
    public const int DaysBefore = 2;

    private Reminder(ReminderId id)
        : base(id)
    {
    }

    public Guid CarePlanId { get; private init; }

    public Guid ActionId { get; private init; }

    public Guid AgencyId { get; private init; }

    public DateOnly DueDate { get; private init; }

    public DateOnly RemindOn { get; private init; }

    /// <summary>When it was dealt with: sent, or found no longer needed.</summary>
    public DateTimeOffset? DoneAt { get; private set; }

    public static Reminder ForAction(Guid carePlanId, Guid actionId, Guid agencyId, DateOnly dueDate) =>
        new(ReminderId.New()) { CarePlanId = carePlanId, ActionId = actionId, AgencyId = agencyId, DueDate = dueDate, RemindOn = dueDate.AddDays(-DaysBefore) };

    public void Done(DateTimeOffset now)
    {
        DoneAt = now;
        Touch();
    }
}

public interface IReminderRepository
{
    Task<bool> ExistsForActionAsync(Guid actionId, CancellationToken cancellationToken);

    /// <summary>Reminders not yet dealt with whose day has come (on or before <paramref name="today"/>), earliest first (tracked).</summary>
    Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, int limit, CancellationToken cancellationToken);

    void Add(Reminder reminder);
}
