using IntegratedCare.BuildingBlocks.Application.Messaging;
using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.BuildingBlocks.Contracts;
using IntegratedCare.Notifications.Domain.Inbox;
using MediatR;

namespace IntegratedCare.Notifications.Application.Inbox.MarkAllNotificationsRead;

/// <summary>Marks the caller's unread notices read, up to <see cref="Limit"/> at a time; returns how many it marked.</summary>
[Authorize(Roles.CaseManager, Roles.LineManager, Roles.RehabilitationCoordinator, Roles.SubgroupMember, Roles.NationalCoordinator,
    Roles.AgencyAdmin, Roles.SystemAdmin, Roles.InformationGovernance)]
[Audit(AuditAction.Update, "notification")]
public sealed record MarkAllNotificationsReadCommand : ICommand<int>
{
    public const int Limit = 1000;
}

internal sealed class MarkAllNotificationsReadHandler(INotificationRepository notifications, ICurrentActor currentActor, TimeProvider clock)
    : IRequestHandler<MarkAllNotificationsReadCommand, int>
{
    public async Task<int> Handle(MarkAllNotificationsReadCommand request, CancellationToken cancellationToken)
    {
        var unread = await notifications.UnreadAsync(currentActor.Required.Id, MarkAllNotificationsReadCommand.Limit, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var notification in unread)
        {
            notification.MarkRead(now);
        }

        return unread.Count;
    }
}
