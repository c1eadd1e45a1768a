using IntegratedCare.BuildingBlocks.Domain;

namespace IntegratedCare.Notifications.Domain.Settings;

public sealed record NotificationSettingsId(Guid Value) : ITypedId
{
    public static NotificationSettingsId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>Whether, and how, a staff member's notices also come by email.</summary>
public enum EmailDelivery
{
    /// <summary>In the app only (the default).</summary>
    None = 1,

    /// <summary>An email for each notice.</summary>
    EachNotification = 2,

    /// <summary>One email a day listing the unread notices, if there are any.</summary>
    DailyDigest = 3,
}

/// <summary>A staff member's choice of email for their notices; a staff member without one gets the inbox only.</summary>
public sealed class NotificationSettings : AggregateRoot<NotificationSettingsId>
{
    public const int EmailLength = 254;

    private NotificationSettings(NotificationSettingsId id)
        : base(id)
    {
    }

    public string StaffId { get; private init; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public EmailDelivery Delivery { get; private set; } = EmailDelivery.None;

    /// <summary>When the last digest went out (or was due and had nothing to say); the next covers what came after.</summary>
    public DateTimeOffset? LastDigestAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool WantsEach => Delivery == EmailDelivery.EachNotification && Email.Length > 0;

    public static NotificationSettings For(string staffId, DateTimeOffset now) =>
        new(NotificationSettingsId.New()) { StaffId = staffId, UpdatedAt = now };

    public void Change(long expectedVersion, string email, EmailDelivery delivery, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        CheckRule(new EmailDeliveryNeedsAnAddressRule(email, delivery));
        if (delivery == EmailDelivery.DailyDigest && Delivery != EmailDelivery.DailyDigest)
        {
            // The first digest covers what arrives from now on, not the whole inbox.
            LastDigestAt = now;
        }

        Email = email.Trim();
        Delivery = delivery;
        UpdatedAt = now;
        Touch();
    }

    public void DigestSent(DateTimeOffset now)
    {
        LastDigestAt = now;
        Touch();
    }
}

internal sealed class EmailDeliveryNeedsAnAddressRule(string email, EmailDelivery delivery) : IBusinessRule
{
    public bool IsBroken() => delivery != EmailDelivery.None && string.IsNullOrWhiteSpace(email);

    public string Message => "Give an email address to have notifications sent by email.";
}

public interface INotificationSettingsRepository
{
    Task<NotificationSettings?> FindAsync(string staffId, CancellationToken cancellationToken);

    /// <summary>The settings of these staff that exist (not tracked).</summary>
    Task<IReadOnlyDictionary<string, NotificationSettings>> ReadAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken);

    /// <summary>Daily-digest settings whose last digest was before <paramref name="before"/> (tracked).</summary>
    Task<IReadOnlyList<NotificationSettings>> DigestsDueAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    void Add(NotificationSettings settings);
}
