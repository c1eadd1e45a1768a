using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Notifications.Domain.Inbox;

namespace IntegratedCare.Notifications.Application.Inbox;

/// <summary>One notice as the inbox shows it.</summary>
public sealed record NotificationDto(
    string NotificationId, string Reference, NotificationKind Kind, string Text, string Link, DateTimeOffset CreatedAt, bool Read, long Version)
{
    internal static NotificationDto From(Notification n) =>
        new(n.Id.ToString(), n.Reference, n.Kind, n.Text, n.Link, n.CreatedAt, n.IsRead, n.Version);
}

/// <summary>A page of the inbox, with how many are unread in all.</summary>
public sealed record InboxPage(IReadOnlyList<NotificationDto> Items, string NextPageToken, int TotalSize, int Unread);

/// <summary>Who has an inbox: a staff member; an agency's system and the platform have none.</summary>
internal static class Inbox
{
    public static bool Has(Actor actor) => actor.Kind == ActorKind.Staff;
}
