using IntegratedCare.BuildingBlocks.Application.Security;
using IntegratedCare.Notifications.Contracts;
using IntegratedCare.Notifications.Domain.Inbox;
using MediatR;

namespace IntegratedCare.Notifications.Application.Inbox.UnreadNotificationCount;

internal sealed class UnreadNotificationCountHandler(INotificationRepository notifications, ICurrentActor currentActor) : IRequestHandler<UnreadNotificationCountQuery, int>
{
    public async Task<int> Handle(UnreadNotificationCountQuery request, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required;
        return Inbox.Has(actor) ? await notifications.UnreadCountAsync(actor.Id, cancellationToken) : 0;
    }
}
