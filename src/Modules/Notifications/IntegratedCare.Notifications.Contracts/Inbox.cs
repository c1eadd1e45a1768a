using IntegratedCare.BuildingBlocks.Contracts;

namespace IntegratedCare.Notifications.Contracts;

/// <summary>
/// How many of the caller's own notifications are unread: the badge beside "Notifications" in the menu.
/// Anyone signed in may ask; an agency's system, which has no inbox, is told 0.
/// </summary>
[Authorize]
[Audit(AuditAction.Read, "notification")]
public sealed record UnreadNotificationCountQuery : IContractQuery<int>;
