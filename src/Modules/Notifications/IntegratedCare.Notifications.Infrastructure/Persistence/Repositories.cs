using IntegratedCare.Notifications.Domain.Inbox;
using IntegratedCare.Notifications.Domain.Reminders;
using IntegratedCare.Notifications.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace IntegratedCare.Notifications.Infrastructure.Persistence;

internal sealed class NotificationRepository(NotificationsDbContext db) : INotificationRepository
{
    public Task<Notification?> FindAsync(NotificationId id, CancellationToken cancellationToken) =>
        db.Notifications.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);

    public async Task<(IReadOnlyList<Notification> Page, int Total, int Unread)> PageAsync(
        string recipientStaffId, bool unreadOnly, int offset, int limit, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientStaffId == recipientStaffId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var listed = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = unreadOnly ? unread : await listed.CountAsync(cancellationToken);
        var page = await listed.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return (page, total, unread);
    }

    public Task<int> UnreadCountAsync(string recipientStaffId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.RecipientStaffId == recipientStaffId && n.ReadAt == null, cancellationToken);

    public async Task<IReadOnlyList<Notification>> UnreadAsync(string recipientStaffId, int limit, CancellationToken cancellationToken) =>
        await db.Notifications.Where(n => n.RecipientStaffId == recipientStaffId && n.ReadAt == null)
            .OrderBy(n => n.CreatedAt).Take(limit).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Notification>> UnreadSinceAsync(string recipientStaffId, DateTimeOffset after, int limit, CancellationToken cancellationToken) =>
        await db.Notifications.AsNoTracking().Where(n => n.RecipientStaffId == recipientStaffId && n.ReadAt == null && n.CreatedAt > after)
            .OrderBy(n => n.CreatedAt).Take(limit).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Notification>> EmailPendingAsync(int limit, CancellationToken cancellationToken) =>
        await db.Notifications.Where(n => n.EmailPending).OrderBy(n => n.CreatedAt).Take(limit).ToListAsync(cancellationToken);

    public async Task<IReadOnlySet<string>> AlreadyNotifiedAsync(string sourceKey, IReadOnlyCollection<string> recipients, CancellationToken cancellationToken) =>
        (await db.Notifications.Where(n => n.SourceKey == sourceKey && recipients.Contains(n.RecipientStaffId))
            .Select(n => n.RecipientStaffId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public void Add(Notification notification) => db.Notifications.Add(notification);
}

internal sealed class NotificationSettingsRepository(NotificationsDbContext db) : INotificationSettingsRepository
{
    public Task<NotificationSettings?> FindAsync(string staffId, CancellationToken cancellationToken) =>
        db.Settings.SingleOrDefaultAsync(s => s.StaffId == staffId, cancellationToken);

    public async Task<IReadOnlyDictionary<string, NotificationSettings>> ReadAsync(IReadOnlyCollection<string> staffIds, CancellationToken cancellationToken) =>
        staffIds.Count == 0
            ? new Dictionary<string, NotificationSettings>()
            : await db.Settings.AsNoTracking().Where(s => staffIds.Contains(s.StaffId)).ToDictionaryAsync(s => s.StaffId, StringComparer.Ordinal, cancellationToken);

    public async Task<IReadOnlyList<NotificationSettings>> DigestsDueAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        await db.Settings.Where(s => s.Delivery == EmailDelivery.DailyDigest && (s.LastDigestAt == null || s.LastDigestAt < before))
            .OrderBy(s => s.LastDigestAt).Take(limit).ToListAsync(cancellationToken);

    public void Add(NotificationSettings settings) => db.Settings.Add(settings);
}

internal sealed class ReminderRepository(NotificationsDbContext db) : IReminderRepository
{
    public Task<bool> ExistsForActionAsync(Guid actionId, CancellationToken cancellationToken) =>
        db.Reminders.AnyAsync(r => r.ActionId == actionId, cancellationToken);

    public async Task<IReadOnlyList<Reminder>> DueAsync(DateOnly today, int limit, CancellationToken cancellationToken) =>
        await db.Reminders.Where(r => r.DoneAt == null && r.RemindOn <= today).OrderBy(r => r.RemindOn).Take(limit).ToListAsync(cancellationToken);

    public void Add(Reminder reminder) => db.Reminders.Add(reminder);
}
