using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Notifications.Domain.Inbox;

public sealed record NotificationId(Guid Value) : ITypedId
{
    public static NotificationId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>What a notification is about; the inbox groups and words them by it.</summary>
public enum NotificationKind
{
    NewAction = 1,
    NewReferral = 2,
    DueSoon = 3,
    Overdue = 4,
    LadderStep = 5,
    ConsentChanged = 6,
    FormClosed = 7,
}

/// <summary>
/// One staff member's notice of something to do or know. Its text names no person (at most a date and
/// what kind of item), its link goes to the screen where the item is, behind the same checks as ever;
/// an email of it carries only the reference and a link to this notice. One per source and recipient, so a
/// redelivered event adds nothing.
/// </summary>
public sealed class Notification : AggregateRoot<NotificationId>
{
    public const int TextLength = 300;

    public const int LinkLength = 300;

    private Notification(NotificationId id)
        : base(id)
    {
    }

    public string RecipientStaffId { get; private init; } = string.Empty;

    public NotificationKind Kind { get; private init; }

    public string Text { get; private init; } = string.Empty;

    /// <summary>A path inside the staff UI, e.g. <c>/work/actions</c>.</summary>
    public string Link { get; private init; } = string.Empty;

    /// <summary>What raised it (an event's id, or a reminder's key): with the recipient, unique.</summary>
    public string SourceKey { get; private init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Whether an email of this notification is still to be sent (the recipient asked for one each).</summary>
    public bool EmailPending { get; private set; }

    public DateTimeOffset? EmailedAt { get; private set; }

    public int EmailAttempts { get; private set; }

    public bool IsRead => ReadAt is not null;

    /// <summary>The short reference an email and the inbox show, the same for both.</summary>
    public string Reference => ReferenceOf(Id.Value);

    public static string ReferenceOf(Guid id) => id.ToString("N")[..8].ToUpperInvariant();

    public static Notification Create(string recipientStaffId, NotificationKind kind, string text, string link, string sourceKey, bool email, DateTimeOffset now)
    {
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("A notification links inside the staff UI.", nameof(link));
        }

        return new Notification(NotificationId.New())
        {
            RecipientStaffId = recipientStaffId,
            Kind = kind,
            Text = text.Length > TextLength ? text[..TextLength] : text,
            Link = link,
            SourceKey = sourceKey,
            CreatedAt = now,
            EmailPending = email,
        };
    }

    public void MarkRead(DateTimeOffset now)
    {
        if (ReadAt is null)
        {
            ReadAt = now;
            Touch();
        }
    }

    public void MarkUnread()
    {
        if (ReadAt is not null)
        {
            ReadAt = null;
            Touch();
        }
    }

    public void Emailed(DateTimeOffset now)
    {
        EmailPending = false;
        EmailedAt = now;
        EmailAttempts++;
        Touch();
    }

    /// <summary>A failed send; after <paramref name="maxAttempts"/> the email is given up (the notice stays in the inbox).</summary>
    public void EmailFailed(int maxAttempts)
    {
        EmailAttempts++;
        EmailPending = EmailAttempts < maxAttempts;
        Touch();
    }

    /// <summary>The recipient no longer wants an email for each notice: the pending one is not sent.</summary>
    public void EmailNoLongerWanted()
    {
        EmailPending = false;
        Touch();
    }
}

public interface INotificationRepository
{
    Task<Notification?> FindAsync(NotificationId id, CancellationToken cancellationToken);

    /// <summary>The recipient's notices, newest first.</summary>
    Task<(IReadOnlyList<Notification> Page, int Total, int Unread)> PageAsync(string recipientStaffId, bool unreadOnly, int offset, int limit, CancellationToken cancellationToken);

    Task<int> UnreadCountAsync(string recipientStaffId, CancellationToken cancellationToken);

    /// <summary>The recipient's unread notices (tracked), oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Notification>> UnreadAsync(string recipientStaffId, int limit, CancellationToken cancellationToken);

    /// <summary>Unread notices created after <paramref name="after"/>, for a digest.</summary>
    Task<IReadOnlyList<Notification>> UnreadSinceAsync(string recipientStaffId, DateTimeOffset after, int limit, CancellationToken cancellationToken);

    /// <summary>Notices whose email is still to be sent, oldest first (tracked).</summary>
    Task<IReadOnlyList<Notification>> EmailPendingAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Which of the recipients already have a notice from this source.</summary>
    Task<IReadOnlySet<string>> AlreadyNotifiedAsync(string sourceKey, IReadOnlyCollection<string> recipients, CancellationToken cancellationToken);

    void Add(Notification notification);
}
